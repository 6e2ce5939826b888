"""Finding a person by name and birth date: accents, capitals, word order and a typo do not matter.

Names are compared folded (lower case, without accents, ø as o, æ as ae, ß as ss) and by trigrams,
as pg_trgm does. Each word typed must resemble a word of the person's name (pg_trgm's word
similarity, `<%`, at least WORD_THRESHOLD), so "Jonas Petraitis" finds "Jonas Petraitys", "Soren"
finds "Søren", "Petraitis Jonas" finds "Jonas Petraitis" and "Petraitis" alone finds them all. With
a birth date, which leaves a few dozen people in a million, one resembling word is enough: a name
too mistyped for trigrams ("Nevák" for "Novák") is still found with the date. The people found are
ranked by the similarity of the whole name to what was typed.

Asking for every word, rather than for a whole-name similarity, is what keeps a search fast among a
million people who share a few thousand common names: "Jonas Kazlauskas" reads the few hundred
Jonas Kazlauskas-like rows, not the ten thousand names that share "as " and "kazlauskas".

PostgreSQL: pg_trgm and unaccent, a GIN trigram index on the folded full name and an index on the
birth date (migration 0004). SQLite has neither extension: the people app registers this module's
`fold`, `word_similarity` and `similarity` (ports of unaccent + lower and of pg_trgm's functions) on
each connection as carepath_fold, carepath_word_similarity and carepath_similarity, and the same
query runs there, over the people the user may find, without an index.
"""

import datetime
import functools
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db import connection, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, F, FloatField, Func, Q, QuerySet, TextField, Value
from django.db.models.sql.compiler import SQLCompiler

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.people.models import Person

# How much of a typed word must be found in a word of the name (pg_trgm's word similarity, 0..1).
# A typo keeps 0.4-0.5 of a short name's trigrams ("petgov" in "petrov": 0.4, "silba" in "silva": 0.5)
# and more of a longer one ("petraitis" in "petraitys": 0.7); unrelated names share less ("jonas" in
# "tomas": 0.17). Measured at a million people (benchmarks/person_search.py): 0.5 lists the name a
# mistyped, unaccented or reordered query was made from in 89 % of searches, 0.4 in 93 %, 0.3 in 97 %,
# at a p95 of about 55, 65 and 85 ms; a typo in the middle of a word of five letters or fewer
# ("nevak" in "novak": 0.33) is found with the birth date.
WORD_THRESHOLD = 0.4
LIMIT = 20  # the most alike first: a longer list is a sign to add the birth date

# Letters that are not a base letter plus a combining mark, so NFKD keeps them: PostgreSQL's unaccent
# rules turn them into these, and the SQLite fallback must fold them the same way.
LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ẞ": "SS", "ł": "l", "Ł": "L",
     "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i", "ħ": "h", "Ħ": "H"}
)
WORD = re.compile(r"[^\W_]+")  # pg_trgm's words: runs of letters and digits


def words(name: str) -> list[str]:
    """The words of a name as typed, each once, in order."""
    return list(dict.fromkeys(WORD.findall(name)))


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str | None:
    """Lower case without accents: "Søren Ågård" -> "soren agard". SQL's carepath_fold on SQLite."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.translate(LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def _trigrams_in_order(text: str) -> tuple[str, ...]:
    """pg_trgm's trigrams of each word, lower-cased, padded with two spaces before and one after, in order."""
    found: list[str] = []
    for word in WORD.findall(text.lower()):
        padded = f"  {word} "
        found.extend(padded[i : i + 3] for i in range(len(word) + 1))
    return tuple(found)


def similarity(a: str | None, b: str | None) -> float | None:
    """pg_trgm's similarity(): the trigrams the two texts share, over all their trigrams."""
    if a is None or b is None:
        return None
    first, second = set(_trigrams_in_order(a)), set(_trigrams_in_order(b))
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


@lru_cache(maxsize=262144)
def word_similarity(a: str | None, b: str | None) -> float | None:
    """pg_trgm's word_similarity(a, b): how well `a` matches the best stretch of `b`'s trigrams.

    A port of pg_trgm's iterate_word_similarity (trgm_op.c, plain word similarity), step for step,
    so that SQLite finds whom PostgreSQL finds. Cached: the same names come back search after search.
    """
    if a is None or b is None:
        return None
    wanted = set(_trigrams_in_order(a))
    haystack = _trigrams_in_order(b)
    ulen1 = len(wanted)
    lastpos: dict[str, int] = {}
    ulen2 = count = 0
    lower = -1
    best = 0.0
    for i, trigram in enumerate(haystack):
        found = trigram in wanted
        if lower >= 0 or found:
            if lastpos.get(trigram, -1) < 0:
                ulen2 += 1
                count += found
            lastpos[trigram] = i
        if not found:
            continue
        if lower == -1:
            lower, ulen2 = i, 1
        current = count / (ulen1 + ulen2 - count)
        tmp_count, tmp_ulen2, prev_lower = count, ulen2, lower
        for tmp_lower in range(lower, i + 1):  # move the start right while that is more alike
            candidate = tmp_count / (ulen1 + tmp_ulen2 - tmp_count)
            if candidate > current:
                current, ulen2, lower, count = candidate, tmp_ulen2, tmp_lower, tmp_count
            dropped = haystack[tmp_lower]
            if lastpos.get(dropped, -1) == tmp_lower:
                tmp_ulen2 -= 1
                tmp_count -= dropped in wanted
        best = max(best, current)
        for tmp_lower in range(prev_lower, lower):
            dropped = haystack[tmp_lower]
            if lastpos.get(dropped, -1) == tmp_lower:
                lastpos[dropped] = -1
    return best


class Fold(Func):
    """A text folded for comparison. On PostgreSQL lower(carepath_unaccent(...)), the expression of the
    trigram index; on SQLite the Python `fold` registered as carepath_fold."""

    function = "carepath_fold"
    output_field = TextField()

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="lower(carepath_unaccent(%(expressions)s))", **extra)


def full_name() -> Func:
    """given_name || ' ' || family_name, written exactly as in the index (another spelling would miss it)."""
    return Func(
        F("given_name"), F("family_name"), template="(%(expressions)s)", arg_joiner=" || ' ' || ",
        output_field=TextField(),
    )


class Similarity(Func):
    function = "carepath_similarity"  # SQLite: the Python `similarity`
    output_field = FloatField()

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, function="similarity", **extra)


class WordIn(Func):
    """Whether a typed word resembles a word of the name: pg_trgm's `<%` on PostgreSQL (which the GIN
    index answers, its threshold set for the transaction), the ported word similarity on SQLite."""

    output_field = BooleanField()
    arity = 2
    template = f"carepath_word_similarity(%(expressions)s) >= {WORD_THRESHOLD}"

    def as_postgresql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" <%% ", **extra)


@dataclass(frozen=True)
class Found:
    """A person the search found, how alike their name is (None: searched by birth date alone), and
    the cases of theirs the user may open."""

    person: Person
    score: float | None
    cases: list[Case] = field(default_factory=list)


def find_people(user: User, *, name: str, birth_date: datetime.date | None, limit: int = LIMIT) -> list[Found]:
    """The people `user` may find whose name resembles `name` (every word of it; one word is enough
    with a birth date) and who were born on `birth_date` (either may be left out, not both), the
    most alike first. Each one found is audited as listed.

    A fixed number of queries, however many are found: the settings, the search, their visible
    cases, the audit entries. Neither the name nor the people found are logged.
    """
    typed = words(name)
    if not typed and birth_date is None:
        raise ValueError("a name or a birth date is needed")
    people = _matching(policy.searchable_people(user), typed, birth_date)
    with transaction.atomic():
        if typed and connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # for this transaction only; JIT costs more than a search
                cursor.execute(
                    "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true), set_config('jit', 'off', true)",
                    [str(WORD_THRESHOLD)],
                )
        found = list(people[:limit])
        ids = [person.pk for person in found]
        cases: dict[int, list[Case]] = {}
        their_cases = policy.visible_cases(user).filter(person_id__in=ids)
        for case in their_cases.only("pk", "person_id", "status", "authority_id"):
            cases.setdefault(case.person_id, []).append(case)
        policy.record_listed(user, [(pk, cases[pk][0] if pk in cases else None) for pk in ids])
    return [Found(person, getattr(person, "score", None), cases.get(person.pk, [])) for person in found]


def _matching(people: QuerySet[Person], typed: list[str], birth_date: datetime.date | None) -> QuerySet[Person]:
    """`people` born on the date, whose name resembles the words typed, the most alike first."""
    people = people.only("pk", "given_name", "family_name", "birth_date")
    if birth_date is not None:
        people = people.filter(birth_date=birth_date)
    if not typed:
        return people.order_by("family_name", "given_name", "pk")
    folded = Fold(full_name())
    resembles = [WordIn(Fold(Value(word, output_field=TextField())), folded) for word in typed]
    if birth_date is None:
        for each in resembles:
            people = people.filter(each)
    else:  # a few people share a birth date: one resembling word is enough
        people = people.filter(functools.reduce(operator.or_, (Q(each) for each in resembles)))
    query = Fold(Value(" ".join(typed), output_field=TextField()))
    return people.annotate(score=Similarity(folded, query)).order_by("-score", "family_name", "given_name", "pk")
