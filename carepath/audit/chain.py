"""How an audit entry is hashed: the canonical form both the writer and `carepath audit verify` use.

Each entry's hash covers every stored field and the previous entry's hash, so changing, removing
or slipping in an entry breaks the chain at that point. The database id is not hashed: the chain
itself fixes the order, and an id is only known after the insert. Nor is the authority, added to
the log later: it follows from the case, which is hashed, and older entries keep their hashes.
"""

import datetime
import hashlib
import json

# Written into every hash so that a later format can live beside this one.
FORMAT = "carepath-audit-v1"
GENESIS = "0" * 64  # the "previous hash" of the very first entry


def entry_hash(
    *,
    prev_hash: str,
    at: datetime.datetime,
    user_id: int,
    action: str,
    what: str,
    object_id: int | None,
    case_id: int | None,
    person_id: int | None,
    reason: str = "",
    device_at: datetime.datetime | None = None,
) -> str:
    """SHA-256 (hex) of one entry in canonical form: a compact JSON list in a fixed order, time in UTC.

    The reason and the device's time (issue 11: a home visit, a write made offline) are appended only
    when set, so that every entry written before they existed keeps its hash.
    """
    moment = at.astimezone(datetime.UTC).isoformat(timespec="microseconds")
    fields: list[object] = [FORMAT, prev_hash, moment, user_id, action, what, object_id, case_id, person_id]
    if reason or device_at is not None:
        device_moment = device_at.astimezone(datetime.UTC).isoformat(timespec="microseconds") if device_at else None
        fields += [reason, device_moment]
    canonical = json.dumps(fields, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()
