"""Devices, their cookie and their key: who may open what a device holds, and for how long.

A device is known by a random token in an HttpOnly cookie (`COOKIE`); only its SHA-256 is stored.
The key that encrypts the device's copy lives on the server and is released only to a signed-in
session of the device's own user, while the device is not revoked and the key has not expired.
Destroying the key (expiry, logout, revocation) leaves the device with data nobody can decrypt.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from carepath.accounts.models import User
from carepath.offline.models import Device, TakeAlong

COOKIE = "carepath_device"


class Wipe(Exception):
    """The device must wipe what it holds: revoked, key expired, or signed out."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def register(*, user: User, name: str) -> tuple[Device, str]:
    """A new device of `user`; returns it and the token its cookie carries (shown nowhere else)."""
    token = secrets.token_urlsafe(32)
    device = Device.objects.create(user=user, name=name.strip(), token_hash=_hash(token))
    return device, token


def of_request(user: User, token: str | None) -> Device | None:
    """The device of this browser, if its cookie names one of `user`'s devices (revoked ones too)."""
    if not token or not user.is_authenticated:
        return None
    return Device.objects.filter(token_hash=_hash(token), user_id=user.pk).first()


def new_key(device: Device, *, now: datetime.datetime | None = None) -> None:
    """A fresh key for a new take-along: whatever the device held before can no longer be opened."""
    now = now or timezone.now()
    device.key = secrets.token_bytes(32)
    device.key_expires_at = now + datetime.timedelta(hours=settings.CAREPATH_OFFLINE_KEY_HOURS)
    device.save(update_fields=["key", "key_expires_at"])


def destroy_key(device: Device) -> None:
    device.key, device.key_expires_at = None, None
    device.save(update_fields=["key", "key_expires_at"])


def release_key(device: Device, *, now: datetime.datetime | None = None) -> bytes:
    """The device's key, or Wipe: revoked, expired (the key is destroyed then), or none since logout.

    `device` is brought up to date with the row as read under the lock (its key's expiry, last contact).
    """
    now = now or timezone.now()
    with transaction.atomic():  # committed before Wipe is raised: an expired key stays destroyed
        locked = Device.objects.select_for_update().get(pk=device.pk)
        locked.last_contact_at = now
        locked.save(update_fields=["last_contact_at"])
        if locked.is_revoked:
            refusal = "revoked"
        elif locked.key is None or locked.key_expires_at is None:
            refusal = "logged_out"
        elif locked.key_expires_at <= now:
            destroy_key(locked)
            refusal = "expired"
        else:
            refusal = ""
    device.key, device.key_expires_at = locked.key, locked.key_expires_at
    device.last_contact_at, device.revoked_at = locked.last_contact_at, locked.revoked_at
    if refusal:
        raise Wipe(refusal)
    assert locked.key is not None
    return bytes(locked.key)


@transaction.atomic
def revoke(*, device: Device, by: User) -> None:
    """Stop a device: its key is destroyed and it holds no case any more. Writes it sends from now on
    are kept for review, not applied (see sync.receive)."""
    device = Device.objects.select_for_update().get(pk=device.pk)
    if device.is_revoked:
        return
    device.revoked_at, device.revoked_by = timezone.now(), by
    device.key, device.key_expires_at = None, None
    device.save(update_fields=["revoked_at", "revoked_by", "key", "key_expires_at"])
    TakeAlong.objects.filter(device=device).delete()


def signed_out(user: User, token: str | None) -> None:
    """At logout: the key of this browser's device is destroyed (the browser is told to wipe too)."""
    device = of_request(user, token)
    if device is not None and device.key is not None:
        destroy_key(device)
