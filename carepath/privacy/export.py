"""Everything held about a person, as one JSON-ready dict (GDPR art. 15 subject access).

One query per registered model, one per many-to-many field and one for the names of the users
who appear: the number of queries does not grow with the number of records.
"""

import datetime
import mimetypes
from decimal import Decimal
from pathlib import PurePath
from typing import Any
from uuid import UUID

from django.db.models import Field, Model
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils import timezone

from carepath.accounts.models import User
from carepath.people.models import Person
from carepath.privacy.registry import HOLDERS, Holder

FORMAT = "carepath-subject-access/1"


def export_person(person: Person, *, withhold_restricted_notes: bool = False) -> dict[str, Any]:
    """Every field of every record about `person`, grouped by model label.

    Files are described (name, size, type) with the URL of the access-checked view that serves
    them. `withhold_restricted_notes` is for the citizen's own download: a note restricted with a
    reason is not shown to the citizen in the portal either (GDPR art. 15(4), art. 23).
    """
    records: dict[str, list[dict[str, Any]]] = {}
    for holder in HOLDERS:
        rows = _rows_of(holder, person.pk)
        if withhold_restricted_notes and holder.label == "notes.progressnote":
            rows = [row for row in rows if not row["is_restricted"]]
        if withhold_restricted_notes and holder.label == "meetings.networkmeeting":
            # Restricted minutes are not shown in the portal either; the rest of the meeting is.
            rows = [{**row, "minutes": "", "restriction_reason": ""} if row["is_restricted"] else row for row in rows]
        records[holder.label] = rows
    return {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(),
        "person_id": person.pk,
        "records": records,
        "users": _users_named_in(records),
    }


def _rows_of(holder: Holder, person_id: int) -> list[dict[str, Any]]:
    model = holder.model
    manager = model._default_manager
    # A subquery rather than DISTINCT: several paths may reach the same row more than once.
    ids = manager.filter(holder.of_person(person_id)).values("pk")
    queryset = manager.filter(pk__in=ids).order_by("pk")
    many = [f for f in model._meta.many_to_many if f.name not in holder.withheld]
    if many:
        queryset = queryset.prefetch_related(*(f.name for f in many))
    fields = [f for f in model._meta.concrete_fields if f.name not in holder.withheld]
    return [_row(holder, obj, fields, many) for obj in queryset]


def _row(holder: Holder, obj: Model, fields: list[Field], many: list[Any]) -> dict[str, Any]:
    row = {f.name: _value(holder, obj, f) for f in fields}
    for m2m in many:
        row[m2m.name] = sorted(related.pk for related in getattr(obj, m2m.name).all())
    return row


def _value(holder: Holder, obj: Model, field: Field) -> Any:
    value = field.value_from_object(obj)
    if isinstance(value, FieldFile):
        return _file(holder, obj, field.name, value)
    if isinstance(value, datetime.date | datetime.time):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def _file(holder: Holder, obj: Model, name: str, file: FieldFile) -> dict[str, Any] | None:
    if not file:
        return None
    try:
        size: int | None = file.size
    except (FileNotFoundError, OSError):
        size = None  # listed all the same: the record says a file was there
    url = ""
    if name in holder.downloads:
        view, kwarg = holder.downloads[name]
        url = reverse(view, kwargs={kwarg: obj.pk})
    return {
        "name": PurePath(file.name or "").name,
        "size": size,
        "content_type": mimetypes.guess_type(file.name or "")[0] or "application/octet-stream",
        "download_url": url,
    }


def _users_named_in(records: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, str]]:
    """Who recorded, answered or looked at what: the people behind the user ids in the records."""
    ids: set[int] = set()
    for holder in HOLDERS:
        for f in holder.model._meta.concrete_fields:
            if f.is_relation and f.related_model is User:
                ids.update(row[f.name] for row in records[holder.label] if row.get(f.name))
    users = User.objects.filter(pk__in=ids).select_related("organisation").order_by("pk")
    return {
        str(u.pk): {
            "name": u.get_full_name() or str(u.pk),
            "role": str(u.get_role_display()),
            "organisation": u.organisation.name if u.organisation else "",
        }
        for u in users
    }


def file_name_for(person: Person) -> str:
    """The download's file name: an id and a date, never the person's name."""
    return f"subject-access-P{person.pk:06d}-{timezone.localdate():%Y-%m-%d}.json"
