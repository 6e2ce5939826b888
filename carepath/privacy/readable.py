"""The export as a page a person can read: record types with plain headings, fields with labels."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Field
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.privacy.registry import HOLDERS


@dataclass(frozen=True)
class Item:
    label: str
    text: str
    file: dict[str, Any] | None = None


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    records: list[list[Item]]


def readable(export: dict[str, Any]) -> list[Section]:
    """One section per record type, in the registry's order (the order of the pathway)."""
    users = export["users"]
    sections = []
    for holder in HOLDERS:
        rows = export["records"][holder.label]
        meta = holder.model._meta
        records = [[_item(meta.get_field(name), value, users) for name, value in row.items()] for row in rows]
        title = str(holder.title or meta.verbose_name_plural)
        sections.append(Section(title[:1].upper() + title[1:], holder.label.replace(".", "-"), records))
    return sections


def _item(field: Any, value: Any, users: dict[str, dict[str, str]]) -> Item:
    label = str(getattr(field, "verbose_name", field.name))
    label = label[:1].upper() + label[1:]
    if isinstance(value, dict) and "content_type" in value:  # a file
        return Item(label, value["name"], value)
    if isinstance(value, dict):  # what was written offline (issue 11): its fields, one after the other
        return Item(label, "; ".join(f"{key}: {text}" for key, text in value.items() if text not in ("", None)) or "–")
    return Item(label, _text(field, value, users))


def _text(field: Field, value: Any, users: dict[str, dict[str, str]]) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        return _related(field, value, users)
    if isinstance(value, str) and field.get_internal_type() in ("DateTimeField", "DateField"):
        moment = parse_datetime(value) if "T" in value else parse_date(value)
        fmt = "DATETIME_FORMAT" if "T" in value else "DATE_FORMAT"
        return date_format(moment, fmt) if moment else value
    return str(value)


def _related(field: Field, value: Any, users: dict[str, dict[str, str]]) -> str:
    model = field.related_model
    ids = value if isinstance(value, list) else [value]
    if model is User:
        return ", ".join(_user(users.get(str(i)), i) for i in ids)
    if model is Case:
        return ", ".join(f"C-{i:06d}" for i in ids)
    name = str(model._meta.verbose_name) if model is not None else ""
    return ", ".join(f"{name} {i}" for i in ids)


def _user(user: dict[str, str] | None, user_id: int) -> str:
    if user is None:
        return str(user_id)
    where = user["organisation"] or user["role"]
    return f"{user['name']} ({where})" if where else user["name"]
