"""The matcher: pairs of encodings alike enough to be one person, seen only as encodings.

It receives, per record, a key that means nothing outside its institution, the institution, the kind
of support, the month, and the 2048-bit encoding (`Encoded`); `match` refuses anything else. It
reports pairs from different institutions with the same kind of support in the same month whose
encodings' Dice similarity reaches a threshold.

Comparing every pair is out of reach at a million records, so candidates come from locality-sensitive
hashing on the bits: for each band, records sharing kind, month and a few min-hashes of their set bits
land in the same bucket, and only records sharing a bucket are compared. A min-hash here is where the
first set bit lies after a random point of a random 64-bit word of the filter, which two filters share
with a probability close to their Jaccard similarity; a band of `rows` of them is shared by most pairs
of one person (Jaccard 0.6 and above) and by few pairs of different people (about 0.3).
"""

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from carepath.linkage.encoding import BYTES, WORDS

THRESHOLD = 0.77  # Dice; chosen on synthetic data (seed 8), docs/privacy-linkage.md
BANDS = 64
ROWS = 6
LARGEST_BUCKET = 64  # a bucket this full says nothing about identity: only its neighbours are compared


@dataclass(frozen=True)
class Encoded:
    """What leaves an institution for one support record: no name, birth date or address."""

    key: str
    institution: str
    kind: str
    period: str  # the month the support was given, "2026-03"
    clk: bytes


@dataclass(frozen=True)
class Match:
    left: str  # record keys; left's institution differs from right's
    right: str
    score: float


def match(records: Sequence[Encoded], *, threshold: float = THRESHOLD, seed: int = 0) -> list[Match]:
    """Pairs of records of different institutions, same kind and month, with encodings at least this alike."""
    clks = _filters(records)
    block = _codes([(r.kind, r.period) for r in records])
    institution = _codes([r.institution for r in records])
    left, right, score = match_arrays(clks, block=block, institution=institution, threshold=threshold, seed=seed)
    keys = [r.key for r in records]
    return [Match(keys[i], keys[j], float(s)) for i, j, s in zip(left.tolist(), right.tolist(), score, strict=True)]


def _filters(records: Sequence[Encoded]) -> np.ndarray:
    """The encodings as an (n, WORDS) uint64 array, after refusing anything that is not an encoding."""
    for record in records:
        if type(record) is not Encoded:
            raise TypeError(f"the matcher takes Encoded records only, not {type(record).__name__}")
        if type(record.clk) is not bytes or len(record.clk) != BYTES:
            raise TypeError(f"an encoding is {BYTES} bytes")
        for value in (record.key, record.institution, record.kind, record.period):
            if type(value) is not str:
                raise TypeError("key, institution, kind and period are strings")
    return np.frombuffer(b"".join(r.clk for r in records), dtype="<u8").reshape(len(records), WORDS)


def _codes(values: list) -> np.ndarray:
    numbers: dict = {}
    return np.array([numbers.setdefault(value, len(numbers)) for value in values], dtype=np.uint64)


def match_arrays(
    clks: np.ndarray, *, block: np.ndarray, institution: np.ndarray, threshold: float = THRESHOLD, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`match` on arrays: row indices of each pair (left < right) and their Dice similarity."""
    if clks.dtype != np.uint64 or clks.ndim != 2 or clks.shape[1] != WORDS:
        raise TypeError(f"encodings are an (n, {WORDS}) uint64 array")
    ones = np.bitwise_count(clks).sum(axis=1, dtype=np.int32)
    rng = np.random.default_rng(seed)
    bands = [(rng.integers(0, WORDS, ROWS), rng.integers(0, 64, ROWS).astype(np.uint64)) for _ in range(BANDS)]

    def one_band(band: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        found = []
        for left, right in _bucket_pairs(_band_keys(clks, block, *band)):
            keep = institution[left] != institution[right]
            left, right = left[keep], right[keep]
            keep = _dice(clks, ones, left, right) >= threshold
            found.append(np.minimum(left, right)[keep] * len(clks) + np.maximum(left, right)[keep])
        return np.concatenate(found) if found else np.empty(0, dtype=np.int64)

    # numpy lets go of the GIL while it sorts and counts, so bands run side by side on every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        pairs = np.unique(np.concatenate([np.empty(0, dtype=np.int64), *pool.map(one_band, bands)]))
    left, right = pairs // len(clks), pairs % len(clks)
    return left, right, _dice(clks, ones, left, right)


def _band_keys(clks: np.ndarray, block: np.ndarray, words: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    """Each record's bucket in one band: its block and, per row, the first set bit after a point of a word."""
    key = block * np.uint64(0x9E3779B97F4A7C15)
    for word, shift in zip(words, shifts, strict=True):
        rotated = (clks[:, word] >> shift) | (clks[:, word] << ((np.uint64(64) - shift) % np.uint64(64)))
        lowest = rotated & (~rotated + np.uint64(1))
        first = np.where(rotated == 0, 64, np.bitwise_count(lowest - np.uint64(1))).astype(np.uint64)
        key = (key ^ first) * np.uint64(0x100000001B3)  # FNV-style mixing; overflow wraps
    return key


def _bucket_pairs(keys: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Pairs of rows with the same key, nearest neighbours in sorted order first, up to LARGEST_BUCKET apart."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    same = ordered[1:] == ordered[:-1]
    # Only rows in a bucket of two or more take part in the further offsets.
    shared = np.flatnonzero(np.concatenate([same, [False]]) | np.concatenate([[False], same]))
    order, ordered = order[shared], ordered[shared]
    for offset in range(1, LARGEST_BUCKET):
        if len(ordered) <= offset:
            return
        hit = np.flatnonzero(ordered[offset:] == ordered[:-offset])
        if len(hit) == 0:
            return
        yield order[hit], order[hit + offset]


def _dice(clks: np.ndarray, ones: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    scores = np.empty(len(left), dtype=np.float32)
    step = 1 << 16
    for start in range(0, len(left), step):
        i, j = left[start : start + step], right[start : start + step]
        shared = np.bitwise_count(clks[i] & clks[j]).sum(axis=1, dtype=np.int32)
        scores[start : start + step] = 2 * shared / np.maximum(ones[i] + ones[j], 1)
    return scores
