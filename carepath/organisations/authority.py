"""The authority a row of case data belongs to: the municipality whose case it is.

Every model that holds case data carries it in its own `authority` column (docs/scaling.md,
section 4, step 1), so that one authority's rows can be kept together (distributed by it) and
queries can name it without joining up to the case. A case and a signal take their unit's
organisation; every other row copies the authority of its immediate parent (a goal its case's, a
step its goal's): one hop, since every parent carries it too.

The authority is set once, when the row is first saved, and never changed: a case that moves to
another authority is a transfer (closed here, opened there, its file copied), not an update of
`authority_id`, which will be the distribution column.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from django.db import models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import ManyRelatedManager

# Ids per UPDATE when a migration fills the column of existing rows on PostgreSQL.
BACKFILL_BATCH = 200_000


class OfAuthority(models.Model):
    """A model holding case data. `authority_from` names the foreign key to the parent whose
    authority a new row takes, `authority_of_parent` that parent's column holding it."""

    authority = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("authority"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        db_index=True,
    )

    authority_from: ClassVar[str]
    authority_of_parent: ClassVar[str] = "authority_id"

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.authority_id is None:  # set once, never changed (see the module's docstring)
            self.authority_id = self.parent_authority_id()
        super().save(*args, **kwargs)

    def parent_authority_id(self) -> int | None:
        """The parent's authority: from the parent object when it is loaded (no query), else one query."""
        field = cast(models.ForeignKey[Any, Any], self._meta.get_field(self.authority_from))
        if field.is_cached(self):
            parent = field.get_cached_value(self)
            return getattr(parent, self.authority_of_parent) if parent is not None else None
        parent_id = getattr(self, field.attname)
        if parent_id is None:
            return None  # the missing parent is refused by the database
        parent_model = cast(type[models.Model], field.related_model)
        return cast(
            int,
            parent_model._base_manager.filter(pk=parent_id).values_list(self.authority_of_parent, flat=True).get(),
        )


def add_links(links: "ManyRelatedManager[Any, Any]", *objs: models.Model) -> None:
    """`links.add(*objs)` with each new link row's authority: add() writes link rows with
    bulk_create, which never calls save(), so the authority is passed as `through_defaults`."""
    for authority_id, group in _by_authority(links, objs).items():
        links.add(*group, through_defaults={"authority_id": authority_id})


def set_links(links: "ManyRelatedManager[Any, Any]", objs: Iterable[models.Model]) -> None:
    """`links.set(objs)` with each new link row's authority (see add_links)."""
    objs = list(objs)
    groups = _by_authority(links, objs)
    if len(groups) <= 1:
        links.set(objs, through_defaults={"authority_id": next(iter(groups), None)})
        return
    # Link rows of several authorities (a focus group's cases): one add() per authority.
    keep = {obj.pk for obj in objs}
    links.remove(*(pk for pk in links.values_list("pk", flat=True) if pk not in keep))
    add_links(links, *objs)


def _by_authority(links: "ManyRelatedManager[Any, Any]", objs: Iterable[models.Model]) -> dict[int, list[models.Model]]:
    """The objects grouped by the authority their link rows take: the through model copies it from
    the side its `authority_from` names, the manager's own object or each linked one."""
    manager = cast(Any, links)
    groups: dict[int, list[models.Model]] = defaultdict(list)
    from_source = manager.through.authority_from == manager.source_field_name
    for obj in objs:
        groups[manager.instance.authority_id if from_source else cast(Any, obj).authority_id].append(obj)
    return groups


def backfill(schema_editor: BaseDatabaseSchemaEditor, table: str, *, parent: str, via: str,
             column: str = "authority_id") -> None:
    """For a data migration: fill `table.authority_id` of existing rows from the `parent` row that
    the column `via` points at (from the parent's `column`). Rows without a parent stay empty.

    PostgreSQL: UPDATE ... FROM the parent in batches of BACKFILL_BATCH ids; SQLite: one correlated
    UPDATE. Rows already filled are left alone, so running it again changes nothing.
    """
    quote = schema_editor.quote_name
    table_q, parent_q, via_q, column_q = quote(table), quote(parent), quote(via), quote(column)
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor != "postgresql":
            # Only quoted names from the migration go into the text.
            cursor.execute(
                f"UPDATE {table_q} SET authority_id = "  # noqa: S608
                f"(SELECT {column_q} FROM {parent_q} WHERE {parent_q}.id = {table_q}.{via_q}) "
                f"WHERE authority_id IS NULL AND {via_q} IS NOT NULL"
            )
            return
        cursor.execute(f"SELECT min(id), max(id) FROM {table_q}")  # noqa: S608
        low, high = cursor.fetchone()
        for start in range(low or 0, (high or -1) + 1, BACKFILL_BATCH):
            cursor.execute(
                f"UPDATE {table_q} AS child SET authority_id = parent.{column_q} "  # noqa: S608
                f"FROM {parent_q} AS parent WHERE parent.id = child.{via_q} "
                "AND child.id BETWEEN %s AND %s AND child.authority_id IS NULL",
                [start, start + BACKFILL_BATCH - 1],
            )
