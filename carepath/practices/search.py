"""Full-text search of the practice library, in every language of the interface.

A word is found whatever its accents and capitals ("vaiku" finds "vaikų", "born" finds "børn") and in
other forms than the one typed ("families" finds "family", "vaikams" finds "vaikų"): each word typed
must match the start of a word of the practice, or one of its Snowball stems the start of a stem.
Several words must all match; practices where they weigh most (in the title, then the summary) come
first.

PostgreSQL: `search_vector` holds the texts stemmed by the practice language's text-search
configuration (Bulgarian has none: 'simple'), as written and folded (lower(unaccent())), and the
folded words under 'simple', so that a word typed without its accents still matches; a GIN index
answers the query (migration 0002). Each typed word becomes a prefix query (`'word':*`) under every
stemming configuration and under 'simple'.

SQLite: an FTS5 table (migration 0002) holds the folded texts and the stems of their words, computed
here by the Snowball algorithms PostgreSQL also uses (the `snowballstemmer` package); each typed
word becomes prefix queries of its folded form and of its stems in every language.

A query is built from the letters and digits of what was typed, each word quoted, so no input is
read as query syntax (FTS5's `"`, `*`, `OR`, `NEAR(`; tsquery's `&`, `|`, `!`, `:`): a search never
fails, at worst it finds nothing.
"""

import functools
import operator
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, connections, router
from django.db.models import F, Value
from django.db.models.expressions import CombinedExpression

from carepath.people.search import fold
from carepath.practices.models import Practice

SEARCHED_FIELDS = (
    "title", "organisations", "summary", "context", "objective_1", "objective_2", "objective_3",
    "activities", "outcomes", "evaluation", "comments_and_tips", "theme_other", "status_other",
)  # fmt: skip
BODY_FIELDS = tuple(name for name in SEARCHED_FIELDS if name not in ("title", "summary"))

# PostgreSQL's text-search configuration, which is also the name of the Snowball stemmer, of each
# language of the interface; Bulgarian has neither (PostgreSQL's 'simple' only folds case).
CONFIGS = {"en": "english", "da": "danish", "lt": "lithuanian", "pt": "portuguese", "de": "german", "it": "italian"}
STEMMERS = tuple(dict.fromkeys(CONFIGS.values()))
FTS_TABLE = "practices_practice_fts"
FTS_WEIGHTS = "10.0, 4.0, 1.0, 1.0"  # bm25() weights of FTS_TABLE's columns: title, summary, body, stems

WORD = re.compile(r"[^\W_]+")  # runs of letters and digits: words as FTS5's unicode61 and PostgreSQL see them
MAX_WORDS = 12  # a longer query is a pasted text, not a search: its first words decide
MAX_WORD = 60  # letters of a word kept (its start still matches as a prefix)
MIN_STEM = 3  # a stem shorter than this ("ca" of "cas") would match too much as a prefix


def reindex(practice: Practice) -> None:
    """Bring the practice's search index up to date with its texts; called in the transaction that saves it."""
    title, summary, body = practice.title, practice.summary, _joined(practice, BODY_FIELDS)
    folded = [fold(text) or "" for text in (title, summary, body)]
    search_text = "\n".join(folded)
    if connection.vendor == "postgresql":
        config = CONFIGS.get(practice.language, "simple")
        vector = _vector((title, summary, body), config)
        if config != "simple":  # stemmed as typed without accents too: "seimai" finds "šeimos"
            vector = vector + _vector(folded, config)
        vector = vector + _vector(folded, "simple")
        Practice.objects.filter(pk=practice.pk).update(search_text=search_text, search_vector=vector)
        return
    Practice.objects.filter(pk=practice.pk).update(search_text=search_text)
    if connection.vendor == "sqlite":
        stems = " ".join(sorted(_stems((title, summary, body), practice.language)))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [practice.pk])  # noqa: S608
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body, stems) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
                [practice.pk, *folded, stems],
            )


def reindex_all() -> int:
    """Rebuild the index of every practice (after an upgrade of the stemmers); how many there were."""
    count = 0
    for practice in Practice.objects.order_by("pk").iterator(chunk_size=200):
        reindex(practice)
        count += 1
    if connection.vendor == "sqlite":  # rows of practices deleted while the trigger was missing
        with connection.cursor() as cursor:
            table = Practice._meta.db_table
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM {table})")  # noqa: S608
    return count


def matching_ids(query: str) -> list[int]:
    """The ids of the practices matching every word of `query`, best first; [] when it has no word."""
    typed = query_words(query)
    if not typed:
        return []
    if connection.vendor == "postgresql":
        return _matching_postgresql(typed)
    return _matching_sqlite(typed)


def query_words(query: str) -> list[str]:
    """The words of a query in lower case (and NFC, so "ų" is one letter), each once, at most MAX_WORDS."""
    found = WORD.findall(unicodedata.normalize("NFC", query).lower())
    return list(dict.fromkeys(word[:MAX_WORD] for word in found))[:MAX_WORDS]


def _vector(texts: Sequence[str], config: str) -> CombinedExpression:
    """The title weighs most (A), then the summary (B), then the rest (D)."""
    title, summary, body = texts
    return (
        SearchVector(Value(title), config=config, weight="A")
        + SearchVector(Value(summary), config=config, weight="B")
        + SearchVector(Value(body), config=config, weight="D")
    )


def _matching_postgresql(typed: list[str]) -> list[int]:
    wanted = functools.reduce(operator.and_, (_any_form(word) for word in typed))
    practices = (
        Practice.objects.filter(search_vector=wanted)
        .annotate(rank=SearchRank(F("search_vector"), wanted))
        .order_by("-rank", "pk")
    )
    return list(practices.values_list("pk", flat=True))


def _any_form(word: str) -> SearchQuery:
    """The word as a prefix of a folded word, or its stem in any language as a prefix of a stem."""
    folded = fold(word) or word
    either = _tsquery(folded, "simple")
    for config in STEMMERS:
        for form in dict.fromkeys((word, folded)):
            either = either | _tsquery(form, config)
    return either


def _tsquery(word: str, config: str) -> SearchQuery:
    """A prefix query of one word stemmed by `config`; quoted, so the word is never read as syntax."""
    quoted = word.replace("\\", "\\\\").replace("'", "''")
    return SearchQuery(f"'{quoted}':*", search_type="raw", config=config)


def _matching_sqlite(typed: list[str]) -> list[int]:
    # Joined to the practices, so that a row of the FTS table whose practice is gone is never an answer.
    sql = (
        f"SELECT f.rowid FROM {FTS_TABLE} f JOIN {Practice._meta.db_table} p ON p.id = f.rowid "  # noqa: S608
        f"WHERE {FTS_TABLE} MATCH %s ORDER BY bm25({FTS_TABLE}, {FTS_WEIGHTS}), f.rowid"
    )
    with connections[router.db_for_read(Practice)].cursor() as cursor:
        cursor.execute(sql, [fts_query(typed)])
        return [row[0] for row in cursor.fetchall()]


def fts_query(typed: list[str]) -> str:
    """An FTS5 query asking for every word, each as a prefix of its folded form or of one of its stems.

    Each alternative is a quoted string (a `"` in it doubled, though WORD lets none through), which
    FTS5 reads as text: `"or"*` is the word "or", not the operator."""
    alternatives = (" OR ".join('"' + form.replace('"', '""') + '"*' for form in sorted(_forms(w))) for w in typed)
    return " AND ".join(f"({each})" for each in alternatives)


def _forms(word: str) -> set[str]:
    """The folded word and its folded stems in every language, each long enough to be a useful prefix."""
    folded = fold(word) or word
    stems = {fold(_stemmer(language).stemWord(form)) or "" for language in STEMMERS for form in (word, folded)}
    return {folded} | {stem for stem in stems if len(stem) >= min(MIN_STEM, len(folded))}


def _stems(texts: Iterable[str], language: str) -> set[str]:
    """The folded stems of the texts' words, as written and folded, by the language's stemmer."""
    if language not in CONFIGS:
        return set()
    words = {word for text in texts for word in WORD.findall(text.lower())}
    words |= {fold(word) or "" for word in words}
    return {fold(stem) or "" for stem in _stemmer(CONFIGS[language]).stemWords(sorted(words))}


_stemmers = threading.local()


def _stemmer(language: str) -> snowballstemmer.stemmer:
    """The Snowball stemmer of a language, one per thread: a stemmer keeps the word it works on."""
    cache: dict[str, snowballstemmer.stemmer] | None = getattr(_stemmers, "by_language", None)
    if cache is None:
        cache = _stemmers.by_language = {}
    if language not in cache:
        cache[language] = snowballstemmer.stemmer(language)
    return cache[language]


def _joined(practice: Practice, names: Iterable[str]) -> str:
    return "\n".join(value for name in names if (value := getattr(practice, name)))
