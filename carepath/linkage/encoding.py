"""Keyed Bloom-filter encodings (CLKs) of a person's identifying fields, made at the institution.

A record's names, birth date and address are cut into tokens (letter pairs of each folded name and of
the address, digits of the date), and each token sets a few bits of one 2048-bit filter, at positions
taken from HMAC-SHA256 of the token under a key derived from the shared secret and the field. Two
records of the same person set mostly the same bits, so their Dice similarity stays high through a
typo, lost diacritics or a swapped name order; without the secret nobody can tell which token set
which bit. More positions per token give a field more weight (`Schema`).

Names are folded as the people search folds them (`text.fold`). Written here rather than with
clkhash/anonlink: see docs/privacy-linkage.md ("Why our own encoder").
"""

import datetime
import hashlib
import hmac
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from carepath.linkage.text import WORD, fold

BITS = 2048  # 1024 filled up: namesakes born years apart shared too many bits by chance (docs/privacy-linkage.md)
WORDS = BITS // 64  # the filter as unsigned 64-bit words, the matcher's unit of work
BYTES = BITS // 8


@dataclass(frozen=True)
class Record:
    """One institution's clear-text record of a person. It never leaves the institution."""

    given_names: str
    family_names: str
    birth_date: datetime.date | None
    address: str = ""


@dataclass(frozen=True)
class Schema:
    """How many bit positions a token of each field sets: the field's weight in the similarity."""

    # Chosen on synthetic data (seed 8, 100,000 and 1,000,000 people): a date counts for more than a
    # name letter pair, so namesakes born years apart fall below the threshold while a mistyped digit does not.
    name: int = 10
    birth_date: int = 24
    address: int = 4
    bits: int = field(default=BITS, init=False)


DEFAULT_SCHEMA = Schema()


def name_tokens(record: Record) -> set[str]:
    """Padded letter pairs of every name word, as one set: the order of the names does not count."""
    words = WORD.findall(fold(f"{record.given_names} {record.family_names}"))
    return {pair for word in words for pair in bigrams(word)}


def date_tokens(date: datetime.date | None) -> set[str]:
    """Digits of the year by place, and day and month as an unordered pair and by place.

    A swapped day and month keeps the year and the pair; a mistyped digit keeps the other digits. The
    whole year and the whole date count once more, so that people of the same name born years apart differ.
    """
    if date is None:
        return set()
    day, month, year = f"{date.day:02}", f"{date.month:02}", f"{date.year:04}"
    tokens = {f"y{i}{digit}" for i, digit in enumerate(year)} | {f"y{year}", f"ymd{year}{month}{day}"}
    tokens |= {f"dm{part}" for part in (day, month)}
    tokens |= {f"d{i}{digit}" for i, digit in enumerate(day)}
    tokens |= {f"m{i}{digit}" for i, digit in enumerate(month)}
    return tokens


def address_tokens(address: str) -> set[str]:
    words = WORD.findall(fold(address))
    return {pair for word in words for pair in bigrams(word)}


def bigrams(word: str) -> list[str]:
    padded = f"_{word}_"
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


class Encoder:
    """Encodes records under one secret and schema, remembering the bit positions of each name, date and address."""

    def __init__(self, *, secret: bytes, schema: Schema = DEFAULT_SCHEMA) -> None:
        if not isinstance(secret, bytes) or len(secret) < 16:
            raise ValueError("the shared secret must be at least 16 bytes")
        self.schema = schema
        # One key per field, so the same letter pair in a name and in an address sets different bits.
        self._keys = {
            name: hmac.digest(secret, name.encode(), hashlib.sha256) for name in ("name", "birth_date", "address")
        }
        self._tokens: dict[tuple[str, str], tuple[int, ...]] = {}
        self._values: dict[tuple[str, object], tuple[int, ...]] = {}

    def positions(self, field_name: str, token: str, count: int) -> tuple[int, ...]:
        """`count` bit positions of a token: two bytes of its HMAC each, so no two positions are related."""
        found = self._tokens.get((field_name, token))
        if found is None:
            digest = hmac.digest(self._keys[field_name], token.encode(), hashlib.sha256)
            while len(digest) < 2 * count:
                digest += hmac.digest(self._keys[field_name], digest, hashlib.sha256)
            found = tuple(int.from_bytes(digest[2 * i : 2 * i + 2], "big") % BITS for i in range(count))
            self._tokens[(field_name, token)] = found
        return found

    def _field(self, field_name: str, value: object, tokens: Callable[[], set[str]], count: int) -> tuple[int, ...]:
        """The positions of one field's value, remembered: names, dates and addresses repeat."""
        found = self._values.get((field_name, value))
        if found is None:
            found = tuple(itertools.chain.from_iterable(self.positions(field_name, t, count) for t in tokens()))
            self._values[(field_name, value)] = found
        return found

    def bit_positions(self, record: Record) -> tuple[int, ...]:
        """The positions of the bits the record sets, possibly repeated."""
        schema = self.schema
        names = (record.given_names, record.family_names)
        return (
            self._field("name", names, lambda: name_tokens(record), schema.name)
            + self._field("birth_date", record.birth_date, lambda: date_tokens(record.birth_date), schema.birth_date)
            + self._field("address", record.address, lambda: address_tokens(record.address), schema.address)
        )

    def encode(self, record: Record) -> bytes:
        """The record's 2048-bit filter, as 256 bytes (bit i is bit i % 8 of byte i // 8)."""
        return self.encode_many([record]).tobytes()

    def encode_many(self, records: Sequence[Record]) -> np.ndarray:
        """Filters of many records as an (n, WORDS) array of uint64, the matcher's input."""
        packed = np.empty((len(records), BYTES), dtype=np.uint8)
        step = 1 << 14
        for start in range(0, len(records), step):
            chunk = [self.bit_positions(record) for record in records[start : start + step]]
            rows = np.repeat(np.arange(len(chunk)), [len(positions) for positions in chunk])
            filters = np.zeros((len(chunk), BITS), dtype=np.uint8)
            filters[rows, np.fromiter(itertools.chain.from_iterable(chunk), dtype=np.intp, count=len(rows))] = 1
            packed[start : start + len(chunk)] = np.packbits(filters, axis=1, bitorder="little")
        return packed.view("<u8")


def encode(record: Record, *, secret: bytes, schema: Schema = DEFAULT_SCHEMA) -> bytes:
    """One record's encoding; `Encoder` is faster for many records under the same secret."""
    return Encoder(secret=secret, schema=schema).encode(record)


def dice(a: bytes, b: bytes) -> float:
    """Dice similarity of two encodings: twice the shared bits over the bits set in both."""
    left, right = np.frombuffer(a, dtype="<u8"), np.frombuffer(b, dtype="<u8")
    shared = int(np.bitwise_count(left & right).sum())
    total = int(np.bitwise_count(left).sum() + np.bitwise_count(right).sum())
    return 2 * shared / total if total else 0.0
