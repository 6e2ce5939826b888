"""Encoding support records at the institution, with the secret the network's institutions share.

The secret comes from CAREPATH_LINKAGE_SECRET (hex, at least 16 bytes) and never leaves this
installation; what is stored in `SupportEncoding` is what the matcher may see (docs/privacy-linkage.md).
"""

import binascii
from collections.abc import Iterable

from django.conf import settings
from django.core import checks
from django.db import transaction
from django.utils import timezone

from carepath.linkage.encoding import Encoder, Record
from carepath.support.models import SupportEncoding, SupportRecord

MIN_BYTES = 16


class NotConfigured(Exception):
    """No valid shared secret: records are kept, but neither encoded nor matched."""


def shared_secret() -> bytes:
    """The shared secret as bytes; NotConfigured when it is missing or malformed."""
    value = (getattr(settings, "CAREPATH_LINKAGE_SECRET", "") or "").strip()
    if not value:
        raise NotConfigured("CAREPATH_LINKAGE_SECRET is not set")
    try:
        secret = bytes.fromhex(value)
    except (ValueError, binascii.Error):
        raise NotConfigured("CAREPATH_LINKAGE_SECRET is not hexadecimal") from None
    if len(secret) < MIN_BYTES:
        raise NotConfigured(f"CAREPATH_LINKAGE_SECRET is shorter than {MIN_BYTES} bytes")
    return secret


def is_configured() -> bool:
    try:
        shared_secret()
    except NotConfigured:
        return False
    return True


def encode_records(records: Iterable[SupportRecord]) -> int:
    """Compute and store (or replace) the encoding of each record; the number encoded.

    Not configured: 0, and an encoding made earlier of these records is removed, since it may show
    names the record no longer has."""
    records = list(records)
    try:
        encoder = Encoder(secret=shared_secret())
    except NotConfigured:
        SupportEncoding.objects.filter(link_key__in=[r.link_key for r in records]).delete()
        return 0
    clks = encoder.encode_many(
        [Record(r.given_names, r.family_names, r.birth_date, r.address) for r in records]
    )
    now = timezone.now()
    for record, clk in zip(records, clks, strict=True):
        SupportEncoding.objects.update_or_create(
            link_key=record.link_key,
            defaults={
                "institution_id": record.institution_id,
                "kind": record.kind,
                "period": record.period,
                "clk": clk.tobytes(),
                "encoded_at": now,
            },
        )
    return len(records)


def encode_all(chunk: int = 2000) -> int:
    """Encode every support record again, a chunk at a time, each chunk in its own transaction."""
    done = 0
    ids = list(SupportRecord.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        with transaction.atomic():
            done += encode_records(SupportRecord.objects.filter(pk__in=ids[start : start + chunk]).order_by("pk"))
    return done


@checks.register(checks.Tags.security)
def check_secret(**kwargs: object) -> list[checks.CheckMessage]:
    """A malformed secret is an error. A missing one is not: records are kept, and the support pages
    say that matching is not configured (production has no default on purpose)."""
    if not (getattr(settings, "CAREPATH_LINKAGE_SECRET", "") or "").strip():
        return []
    try:
        shared_secret()
    except NotConfigured as problem:
        return [checks.Error(f"{problem}: use at least {MIN_BYTES} random bytes in hex.", id="support.E001")]
    return []
