"""Running the matcher over what left the institutions: the encodings, never the records.

`run` reads `SupportEncoding` rows only (link key, institution, kind, month, the encoding's bytes), hands them
to `carepath.linkage.matcher.match` as `Encoded`, and keeps each pair found once: a rerun adds no
duplicate and leaves the reviews of pairs already found as they are. Safe to run on a schedule.

With the matcher on another machine (docs/privacy-linkage.md), `export` writes the same encodings
to a file for it and `import_pairs` stores what it sends back; `run` and `import_pairs` store pairs
through one function, `store_pairs`.
"""

import os
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from carepath.linkage import files, matcher
from carepath.support.models import SupportEncoding, SupportMatch

CHUNK = 500  # link keys per query when importing pairs: below every database's limit of parameters


@dataclass(frozen=True)
class Run:
    encodings: int
    pairs: int  # pairs the matcher reported
    new: int  # of which found for the first time


def encoded() -> list[matcher.Encoded]:
    """Every stored encoding as the matcher takes it."""
    return list(_encodings())


def _encodings() -> Iterator[matcher.Encoded]:
    rows = SupportEncoding.objects.order_by("pk").values_list("link_key", "institution_id", "kind", "period", "clk")
    for key, institution, kind, period, clk in rows.iterator(chunk_size=2000):
        yield matcher.Encoded(key=str(key), institution=str(institution), kind=kind, period=period, clk=bytes(clk))


def export(path: str | os.PathLike[str]) -> int:
    """Write every stored encoding to `path` for a matcher elsewhere (`linkage.files`); the number written."""
    return files.write_encodings(path, _encodings())


@dataclass(frozen=True)
class Side:
    """What the matches table keeps of one side of a pair, from its encoding."""

    institution_id: int
    kind: str
    period: str


@dataclass(frozen=True)
class Stored:
    pairs: int  # pairs given
    new: int  # of which stored for the first time
    unknown: int  # skipped: a key that is no encoding here
    inconsistent: int  # skipped: not two institutions, one kind, one month


@transaction.atomic
def run() -> Run:
    """Match every encoding and store the pairs not found before."""
    records = encoded()
    sides = {
        record.key: Side(institution_id=int(record.institution), kind=record.kind, period=record.period)
        for record in records
    }
    pairs = matcher.match(records) if records else []
    stored = store_pairs(pairs, sides)
    return Run(encodings=len(records), pairs=len(pairs), new=stored.new)


def sides_of(keys: Iterable[str]) -> dict[str, Side]:
    """The stored encodings of these link keys (as the matcher wrote them), by key; others are left out."""
    wanted: dict[uuid.UUID, list[str]] = {}
    for key in keys:
        try:
            wanted.setdefault(uuid.UUID(key), []).append(key)
        except ValueError:
            continue
    found: dict[str, Side] = {}
    keys_wanted = list(wanted)
    for start in range(0, len(keys_wanted), CHUNK):
        rows = SupportEncoding.objects.filter(link_key__in=keys_wanted[start : start + CHUNK]).values_list(
            "link_key", "institution_id", "kind", "period"
        )
        for link_key, institution_id, kind, period in rows:
            for key in wanted[link_key]:
                found[key] = Side(institution_id=institution_id, kind=kind, period=period)
    return found


@transaction.atomic
def import_pairs(pairs: Sequence[matcher.Match]) -> Stored:
    """Store the pairs a separate matcher found (`python -m carepath.linkage match`), as `run` does."""
    return store_pairs(pairs, sides_of({key for pair in pairs for key in (pair.left, pair.right)}))


def store_pairs(pairs: Sequence[matcher.Match], sides: Mapping[str, Side]) -> Stored:
    """Keep each pair once in `SupportMatch`, the lower link key on the left; pairs known before stay as
    they are, with their reviews. A pair with a key not in `sides`, or whose sides are not two
    institutions with the same kind and month, is skipped and counted."""
    known = set(SupportMatch.objects.values_list("left_key", "right_key"))
    now = timezone.now()
    new = []
    unknown = inconsistent = 0
    for pair in pairs:
        if pair.left not in sides or pair.right not in sides:
            unknown += 1
            continue
        (left_key, left), (right_key, right) = sorted(
            ((uuid.UUID(pair.left), sides[pair.left]), (uuid.UUID(pair.right), sides[pair.right])),
            key=lambda side: side[0],
        )
        if (
            left_key == right_key
            or left.institution_id == right.institution_id
            or (left.kind, left.period) != (right.kind, right.period)
        ):
            inconsistent += 1
            continue
        if (left_key, right_key) in known:
            continue
        known.add((left_key, right_key))
        new.append(SupportMatch(
            left_key=left_key, right_key=right_key,
            left_institution_id=left.institution_id, right_institution_id=right.institution_id,
            kind=left.kind, period=left.period, score=round(pair.score, 4), found_at=now,
        ))
    SupportMatch.objects.bulk_create(new, ignore_conflicts=True)
    return Stored(pairs=len(pairs), new=len(new), unknown=unknown, inconsistent=inconsistent)
