"""Full-text search of the practice library: Lithuanian, Danish and English texts, found by a word
typed with or without its accents, in another form, and never an error whatever is typed. The same
tests run on SQLite (FTS5) and PostgreSQL (tsvector)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from carepath.practices import search
from carepath.practices.choices import Principle, Status, Theme
from carepath.practices.models import Practice
from carepath.practices.services import save_practice
from carepath.practices.tests.factories import PracticeFactory
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db

LITHUANIAN = {
    "title": "Pagalba šeimoms, auginančioms vaikus su negalia",
    "organisations": "Kauno miesto savivaldybė",
    "country": "LT",
    "contact": "socialine@kaunas.lt",
    "status": Status.ESTABLISHED,
    "summary": (
        "Socialiniai darbuotojai lanko šeimas namuose ir kartu su tėvais sudaro pagalbos planą. "
        "Tėvai mokosi, kaip padėti vaikui kasdienėje veikloje."
    ),
    "context": "Šeimos, auginančios vaikus su negalia, dažnai lieka vienos ir nežino, kur kreiptis pagalbos.",
    "objective_1": "Sustiprinti tėvų įgūdžius ir sumažinti šeimų socialinę atskirtį.",
    "activities": (
        "Kas savaitę socialinis darbuotojas aplanko šeimą, aptaria vaiko poreikius ir kartu su tėvais "
        "planuoja kitus žingsnius. Kartą per mėnesį vyksta tėvų savipagalbos grupė."
    ),
    "outcomes": "Per metus paslaugas gavo 40 šeimų; dauguma tėvų teigia, kad jaučiasi drąsiau.",
    "evaluation": "Tėvų apklausa kas pusmetį.",
    "language": "lt",
    "themes": [Theme.CHILDREN_FAMILIES, Theme.DISABILITY],
    "principles": [Principle.CHILDCARE],
}
DANISH = {
    "title": "Besøgsvenner til ældre, der bor alene",
    "organisations": "Aarhus Kommune",
    "country": "DK",
    "contact": "aeldre@aarhus.dk",
    "status": Status.ESTABLISHED,
    "summary": (
        "Frivillige besøgsvenner besøger ældre borgere, som bor alene, og hjælper dem ud i lokalsamfundet. "
        "De mødes hver uge."
    ),
    "context": "Mange ældre føler sig ensomme, efter at deres ægtefælle er død, og mister kontakten til andre.",
    "objective_1": "Mindske ensomhed blandt ældre borgere.",
    "activities": (
        "Kommunen uddanner frivillige besøgsvenner. Hver besøgsven får en fast ældre borger, som de "
        "besøger en gang om ugen. Sammen går de til fællesspisning, gåture og arrangementer i lokalområdet."
    ),
    "outcomes": "80 ældre fik en besøgsven; de fleste siger, at de føler sig mindre ensomme.",
    "evaluation": "Interviews med deltagerne efter et år.",
    "language": "da",
    "themes": [Theme.AGEING_CARE, Theme.COMMUNITY_CARE],
    "principles": [Principle.LONG_TERM_CARE],
}
ENGLISH = {
    "title": "Peer mentoring for young care leavers",
    "organisations": "Leeds City Council",
    "country": "GB",
    "contact": "leaving.care@leeds.gov.uk",
    "status": Status.PILOT,
    "summary": (
        "Young people leaving foster care are matched with a trained mentor who left care themselves. "
        "They meet every week during the first year of independent living."
    ),
    "context": "Care leavers often lose their support network at eighteen and face homelessness and debt.",
    "objective_1": "Help care leavers find and keep a home.",
    "activities": (
        "The council recruits and trains volunteers with experience of care. Each young person meets "
        "their volunteer weekly to plan money, studies and a tenancy."
    ),
    "outcomes": "Of 35 young people supported, 31 kept their tenancy after a year.",
    "evaluation": "Interviews with the young people and their personal advisers.",
    "language": "en",
    "themes": [Theme.YOUNG_PEOPLE, Theme.HOUSING_HOMELESSNESS],
    "principles": [Principle.HOUSING],
}


@pytest.fixture
def user():
    return f.UserFactory()


@pytest.fixture
def library(user):
    """The three practices, by language."""
    return {entry["language"]: save_practice(by=user, **entry) for entry in (LITHUANIAN, DANISH, ENGLISH)}


def found(query):
    return search.matching_ids(query)


def test_finds_a_lithuanian_danish_and_english_practice_by_a_word_of_its_text(library):
    assert found("savipagalbos") == [library["lt"].pk]
    assert found("fællesspisning") == [library["da"].pk]
    assert found("tenancy") == [library["en"].pk]


def test_finds_by_a_word_of_the_title_or_summary(library):
    assert found("negalia") == [library["lt"].pk]
    assert found("Besøgsvenner") == [library["da"].pk]
    assert found("mentoring") == [library["en"].pk]


def test_capitals_do_not_matter(library):
    assert found("ŠEIMOMS") == [library["lt"].pk]
    assert found("TENANCY") == [library["en"].pk]


def test_finds_the_lithuanian_word_typed_without_its_diacritics(library):
    assert found("seimoms") == [library["lt"].pk]
    assert found("zingsnius") == [library["lt"].pk]
    assert found("igudzius") == [library["lt"].pk]


def test_finds_danish_words_with_o_ae_and_aa_typed_either_way(library):
    for query in ("føler", "foler", "ægtefælle", "aegtefaelle", "gåture", "gature"):
        assert found(query) == [library["da"].pk], query


def test_finds_an_inflected_form_of_a_word(library):
    assert found("tenancies") == [library["en"].pk]  # plural of "tenancy": a stem, not a prefix
    assert found("mentors") == [library["en"].pk]
    assert found("ensomheden") == [library["da"].pk]  # "the loneliness", text has "ensomhed", "ensomme"
    assert found("šeima") == [library["lt"].pk]  # nominative; the text has "šeimoms", "šeimos", "šeimų"
    assert found("vaikų") == [library["lt"].pk]  # genitive plural; the text has "vaikus", "vaiko", "vaikui"


def test_a_prefix_finds_the_word(library):
    assert found("savipag") == [library["lt"].pk]
    assert found("besøgs") == [library["da"].pk]


def test_every_word_must_match(library):
    assert found("young tenancy") == [library["en"].pk]
    assert found("tenancy ensomhed") == []


def test_does_not_find_an_unrelated_practice(library):
    assert found("pension") == []
    assert found("dementia") == []
    assert found("pensija") == []


def test_a_word_in_the_title_ranks_above_a_word_in_the_body(user, library):
    body_only = save_practice(
        by=user, **{**ENGLISH, "title": "Housing first for young people", "summary": "Homes first. Support next."}
    )
    assert found("leavers") == [library["en"].pk, body_only.pk]  # "care leavers" is in both contexts


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "OR",
        "-",
        "NEAR(",
        "'",
        "ensomhed OR",
        "OR ensomhed",
        "NOT tenancy",
        "-tenancy",
        "tenancy*",
        '"tenancy',
        "ten'ancy",
        "title:tenancy",
        "tenancy:*",
        "!tenancy & | <-> (",
        "a\\b",
        "\x00",
        "^ { } [ ] +",
        "½ ² ℃ 𝔘",
        "x" * 5000,
        "word " * 1000,
        "ąčęėįšųūž " * 600,
    ],
)
def test_any_input_answers_without_error(library, query):
    ids = found(query)
    assert isinstance(ids, list)
    assert set(ids) <= {practice.pk for practice in library.values()}


def test_syntax_characters_around_a_word_are_ignored(library):
    assert found('"tenancy"') == [library["en"].pk]
    assert found("tenancy*") == [library["en"].pk]
    assert found("(fællesspisning)") == [library["da"].pk]


def test_an_empty_query_finds_nothing(library):
    assert found("") == []
    assert found("   \n\t") == []
    assert found("!?.,") == []


def test_after_an_edit_the_old_word_no_longer_matches_and_the_new_one_does(user, library):
    practice = library["en"]
    save_practice(
        by=user,
        practice=practice,
        seen_version=practice.version,
        themes=ENGLISH["themes"],
        principles=ENGLISH["principles"],
        outcomes="Of 35 young people supported, 31 kept their flat after a year.",
        activities="The council recruits volunteers. Each young person meets their volunteer weekly.",
    )
    assert found("tenancy") == []
    assert found("flat") == [practice.pk]
    assert found("mentoring") == [practice.pk]  # the title did not change


def test_a_deleted_practice_is_not_found(library):
    practice = library["da"]
    practice.delete()
    assert found("ensomhed") == []


def test_search_text_holds_the_folded_texts(library):
    practice = Practice.objects.get(pk=library["da"].pk)
    assert "gature" in practice.search_text
    assert "aegtefaelle" in practice.search_text
    assert "Besøgsvenner" not in practice.search_text


def test_postgresql_keeps_a_stemmed_and_an_unaccented_vector(library):
    if connection.vendor != "postgresql":
        assert Practice.objects.get(pk=library["lt"].pk).search_vector is None
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM practices_practice WHERE id = %s", [library["lt"].pk])
        vector = cursor.fetchone()[0]
    assert "'šeim'" in vector  # lithuanian stem of šeimoms, šeimos, ...
    assert "'seimoms'" in vector  # the folded word, under 'simple'


def test_the_command_indexes_practices_saved_before_the_index(library):
    older = PracticeFactory(owner=library["en"].owner, title="Respite care for parents", language="en")
    assert found("respite") == []
    out = io.StringIO()
    call_command("practices", "reindex", stdout=out)
    assert "Indexed 4 practice(s)" in out.getvalue()
    assert found("respite") == [older.pk]
    assert found("tenancy") == [library["en"].pk]
