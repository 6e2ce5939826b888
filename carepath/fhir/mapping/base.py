"""Small helpers the mapping modules share: references, codings, dates, and reading values back."""

import datetime
from typing import Any

from django.utils import timezone

from carepath.accounts.models import User

Json = dict[str, Any]


class NotImportable(ValueError):
    """A resource of a bundle lacks what Carepath needs; the message says which element (never a value)."""


def ref(resource_type: str, resource_id: int | str, display: str = "") -> Json:
    """A literal reference to a resource this server serves, e.g. Goal/12."""
    return compact({"reference": f"{resource_type}/{resource_id}", "display": display})


def patient_ref(person_id: int) -> Json:
    return ref("Patient", person_id)


def named(resource_type: str, display: str) -> Json:
    """A reference by name only, to what this server does not serve (a professional, an organisation)."""
    return {"type": resource_type, "display": display}


def staff(user: User) -> Json:
    return named("Practitioner", str(user))


def coding(system: str, code: str, display: object = None) -> Json:
    return compact({"system": system, "code": code, "display": str(display) if display else None})


def concept(system: str, code: str, display: object = None, *, text: str = "") -> Json:
    return compact({"coding": [coding(system, code, display)], "text": text})


def date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def date_time(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def compact(data: Json) -> Json:
    """Without empty values: FHIR allows no empty strings, lists or objects."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def extension(url: str, **value: object) -> Json:
    return {"url": url, **value}


# Reading back (carepath fhir import): resources are fhir.resources models, validated already.


def extension_value(resource: Any, url: str, kind: str) -> Any:
    """The value[x] named `kind` (e.g. "valueString") of the resource's extension `url`, or None."""
    for ext in resource.extension or []:
        if ext.url == url:
            return getattr(ext, kind, None)
    return None


def code_in(concepts: Any, system: str) -> str | None:
    """The first code from `system` among one CodeableConcept or a list of them."""
    for item in concepts if isinstance(concepts, list) else [concepts]:
        for found in (item.coding or []) if item is not None else []:
            if found.system == system and found.code:
                return str(found.code)
    return None


def required(value: Any, where: str) -> Any:
    if value in (None, "", []):
        raise NotImportable(f"{where} is missing")
    return value


def as_date(value: Any, where: str) -> datetime.date:
    """A FHIR date or dateTime as a date (a dateTime at its own day)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise NotImportable(f"{where} is not a full date (YYYY-MM-DD)")


def choice(code: str | None, allowed: list[str], where: str) -> str:
    if code not in allowed:
        raise NotImportable(f"{where} needs one of the codes {', '.join(allowed)}")
    return code
