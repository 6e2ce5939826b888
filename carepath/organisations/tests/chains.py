"""How each model reaches its authority through foreign keys: the walk of docs/scaling.md, section 4.

For each model, the shortest chain of foreign keys to a case or a signal, then to the responsible
unit's organisation. Links to accounts (who did something), to a provider's service and to
organisations (the authority column itself) are not followed: they say who worked on a row, not
whose file it is.
"""

from collections import deque
from typing import cast

from django.apps import apps
from django.db.models import F, Model

SKIP = {"accounts.user", "organisations.service", "organisations.organisation"}
ANCHORS = {"cases.case": "unit__organisation", "cases.signal": "unit__organisation"}


def chain(model: type[Model]) -> str | None:
    """The lookup from `model` to its authority (e.g. "goal__case__unit__organisation"), or None."""
    if model._meta.label_lower in ANCHORS:
        return ANCHORS[model._meta.label_lower]
    seen, todo = {model._meta.label_lower}, deque([(model, list[str]())])
    while todo:
        current, steps = todo.popleft()
        for field in current._meta.concrete_fields:
            if not (field.many_to_one or field.one_to_one):
                continue
            target = cast(type[Model], field.related_model)
            label = target._meta.label_lower
            if label in ANCHORS:
                return "__".join([*steps, field.name, ANCHORS[label]])
            if label not in seen | SKIP:
                seen.add(label)
                todo.append((target, [*steps, field.name]))
    return None


def chains() -> dict[type[Model], str]:
    """Every model (many-to-many tables included) that reaches a case or a signal, with its chain."""
    found = {model: chain(model) for model in apps.get_models(include_auto_created=True)}
    return {model: path for model, path in found.items() if path is not None}


def wrong_authority(model: type[Model], path: str) -> int:
    """How many rows of `model` carry another authority than their chain's end (one query; two when
    the chain may be empty, as for an audit entry about a person only, whose authority is then empty)."""
    rows = model._default_manager.all()
    first = path.split("__")[0]
    if not model._meta.get_field(first).null:
        return rows.exclude(authority=F(path)).count()
    without = rows.filter(**{f"{first}__isnull": True}).exclude(authority=None).count()
    return without + rows.filter(**{f"{first}__isnull": False}).exclude(authority=F(path)).count()
