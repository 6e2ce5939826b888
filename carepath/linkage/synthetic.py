"""Synthetic support records with ground truth: people helped by several institutions, written with errors.

Each person gets support of one kind in one month from one of ten institutions; some also from other
institutions, in the same month (the duplicates to find) or in another month or of another kind (which
are not to be reported). Each other institution writes the person down its own way: a typo, the
diacritics lost, given and family names swapped, a nickname or a second given name left out, a
mistyped or day-month-swapped birth date, an address from before a move.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import combinations

from carepath.demo.synthetic.names import LANGUAGE_WEIGHTS, LANGUAGES, STREETS
from carepath.linkage.encoding import Record
from carepath.linkage.text import fold

INSTITUTIONS = tuple(f"institution-{n:02}" for n in range(1, 11))
KINDS = ("food", "clothing", "money", "fuel", "housing")
PERIODS = tuple(f"2026-{month:02}" for month in range(1, 13))
TOWNS = ("Northbridge", "Eastfield", "Riverton", "Oakham", "Westmere", "Lakeside", "Hillcrest", "Kingsford")
NICKNAMES = {
    "Jonas": "Jon", "Tomas": "Tom", "Aleksandr": "Sasha", "Mindaugas": "Mindis", "João": "Joãozinho",
    "Tamás": "Tomi", "István": "Pisti", "Erzsébet": "Erzsi", "François": "Franck", "Étienne": "Tienne",
    "Sebastião": "Tião", "Emilija": "Emilė", "Krisztina": "Kriszti", "Zsófia": "Zsófi", "Dániel": "Dani",
}


@dataclass(frozen=True)
class SupportRecord:
    """What an institution holds: its record key, the support, and the person in clear text."""

    key: str
    institution: str
    kind: str
    period: str
    person: Record


@dataclass(frozen=True)
class Dataset:
    records: list[SupportRecord]
    truth: set[tuple[str, str]]  # keys of the same person, same kind and period, different institutions
    person_of: dict[str, int]


def generate(people: int, *, seed: int = 8, duplicate_share: float = 0.2, other_support_share: float = 0.1) -> Dataset:
    """`people` people over ten institutions; `duplicate_share` of them also helped elsewhere that month."""
    rng = random.Random(seed)
    records: list[SupportRecord] = []
    person_of: dict[str, int] = {}
    truth: set[tuple[str, str]] = set()
    for person_id in range(people):
        person = _person(rng)
        institutions = rng.sample(INSTITUTIONS, 3)
        kind, period = rng.choice(KINDS), rng.choice(PERIODS)
        support = [(institutions[0], kind, period, person)]
        if rng.random() < duplicate_share:
            for institution in institutions[1 : 1 + rng.choice((1, 1, 1, 2))]:
                support.append((institution, kind, period, _written_with_errors(person, rng)))
        if rng.random() < other_support_share:
            other = (rng.choice([k for k in KINDS if k != kind]), period) if rng.random() < 0.5 else (
                kind, rng.choice([p for p in PERIODS if p != period]))
            support.append((institutions[-1], *other, _written_with_errors(person, rng)))
        keys = []
        for institution, kind_, period_, written in support:
            key = f"{len(records):08x}"
            records.append(SupportRecord(key, institution, kind_, period_, written))
            person_of[key] = person_id
            keys.append(key)
        for left, right in combinations(range(len(support)), 2):
            if support[left][:3] != support[right][:3] and support[left][1:3] == support[right][1:3]:
                truth.add((keys[left], keys[right]))
    order = list(range(len(records)))
    rng.shuffle(order)  # an institution's records come in no particular order
    return Dataset([records[i] for i in order], truth, person_of)


def _person(rng: random.Random) -> Record:
    language = rng.choices(LANGUAGES, weights=LANGUAGE_WEIGHTS)[0]
    female = rng.random() < 0.5
    given_pool = language.female if female else language.male
    given = rng.sample(given_pool, 2 if rng.random() < 0.25 else 1)
    family = rng.choice(language.family)[rng.choice((1, 2)) if female else 0]
    born = datetime.date(1930, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 88))
    address = f"{rng.choice(STREETS)} {rng.randint(1, 180)}, {rng.choice(TOWNS)}"
    return Record(" ".join(given), family, born, address)


def _written_with_errors(person: Record, rng: random.Random) -> Record:
    """The same person as another institution writes them down: each error with its own chance."""
    errors: list[tuple[float, Callable[[Record, random.Random], Record]]] = [
        (0.35, _typo), (0.3, _without_diacritics), (0.2, _swapped_names), (0.15, _nickname_or_one_given),
        (0.1, _birth_date_typo), (0.15, _moved), (0.1, _no_address),
    ]
    written = person
    for chance, error in errors:
        if rng.random() < chance:
            written = error(written, rng)
    return written


def _typo(record: Record, rng: random.Random) -> Record:
    target = "given_names" if rng.random() < 0.5 else "family_names"
    text = getattr(record, target)
    i = rng.randrange(len(text))
    letter = rng.choice("abcdefghijklmnoprstuvyz")
    edits = (text[:i] + letter + text[i + 1 :], text[:i] + text[i + 1 :], text[:i] + letter + text[i:])
    changed = rng.choice(edits)
    if i + 1 < len(text) and rng.random() < 0.25:
        changed = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return replace(record, **{target: changed})


def _without_diacritics(record: Record, rng: random.Random) -> Record:
    return replace(record, given_names=_plain(record.given_names), family_names=_plain(record.family_names))


def _plain(text: str) -> str:
    folded = fold(text)
    return "".join(f.upper() if c.isupper() else f for c, f in zip(text, folded, strict=False)) + folded[len(text) :]


def _swapped_names(record: Record, rng: random.Random) -> Record:
    return replace(record, given_names=record.family_names, family_names=record.given_names)


def _nickname_or_one_given(record: Record, rng: random.Random) -> Record:
    names = record.given_names.split()
    if len(names) > 1:
        return replace(record, given_names=names[0])
    return replace(record, given_names=NICKNAMES.get(names[0], names[0]))


def _birth_date_typo(record: Record, rng: random.Random) -> Record:
    born = record.birth_date
    if born is None:
        return record
    if born.day <= 12 and born.day != born.month and rng.random() < 0.5:
        return replace(record, birth_date=born.replace(day=born.month, month=born.day))
    for _ in range(10):
        digits = list(born.strftime("%Y%m%d"))
        place = rng.choice((2, 3, 7))  # the decade, the year, the day's last digit
        digits[place] = str(rng.randrange(10))
        try:
            return replace(record, birth_date=datetime.datetime.strptime("".join(digits), "%Y%m%d").date())
        except ValueError:
            continue
    return record


def _moved(record: Record, rng: random.Random) -> Record:
    return replace(record, address=f"{rng.choice(STREETS)} {rng.randint(1, 180)}, {rng.choice(TOWNS)}")


def _no_address(record: Record, rng: random.Random) -> Record:
    return replace(record, address="")

