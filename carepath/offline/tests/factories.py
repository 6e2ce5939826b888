"""A device with cases taken along, and writes as a device sends them, for the offline tests."""

import datetime
import uuid
from typing import Any

from django.utils import timezone

from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.offline import devices, services
from carepath.offline.models import Device


def device_with(user: User, cases: list[Case] | None = None, *, name: str = "Work phone") -> tuple[Device, str]:
    """A registered device of `user` holding `cases` (those the user may take along), and its cookie token."""
    device, token = devices.register(user=user, name=name)
    services.take_along(device=device, user=user, case_ids=[c.pk for c in cases or []])
    device.refresh_from_db()
    return device, token


def write(kind: str, case: Case, *, record: int | None = None, base_version: int | None = None,
          client_id: str | None = None, device_at: datetime.datetime | None = None, **data: Any) -> dict[str, Any]:
    """A write in the shape the offline app sends it."""
    return {
        "client_id": client_id or str(uuid.uuid4()),
        "kind": kind,
        "case": case.pk,
        "record": record,
        "base_version": base_version,
        "device_at": (device_at or timezone.now() - datetime.timedelta(hours=2)).isoformat(),
        "data": data,
    }
