from io import StringIO

import pytest
from django.core.management import call_command

from carepath.accounts.models import Role
from carepath.demo.practice_texts import ASSESSMENTS, PRACTICES
from carepath.demo.world import MUNICIPALITY
from carepath.organisations.models import Organisation
from carepath.practices import outcomes
from carepath.practices.choices import Criterion
from carepath.practices.models import Assessment, Practice
from carepath.referrals.models import Referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", stdout=StringIO())


def practice(key: str) -> Practice:
    title = next(entry["title"] for entry in PRACTICES if entry["key"] == key)
    return Practice.objects.get(title=title)


def people_applying(key: str) -> set[str]:
    return {str(case.person) for case in outcomes.cases_applying(practice(key)).select_related("person")}


def test_the_seven_practices_exist_with_their_themes_and_principles(demo):
    assert Practice.objects.count() == 7
    for entry in PRACTICES:
        made = Practice.objects.get(title=entry["title"])
        assert set(made.themes.values_list("theme", flat=True)) == set(entry["themes"])
        assert set(made.principles.values_list("principle", flat=True)) == set(entry["principles"])
        assert made.summary == entry["summary"]


def test_practices_are_documented_by_the_organisations_doing_that_work(demo):
    assert practice("believe-in-the-unbelievable").owner.name == "Riverside Independent Living Home"
    assert practice("mut-mobile-trauma-help").owner.name == "Help for Boys Rivertown"
    assert practice("early-intervention-team").owner.name == "Rivertown Early Intervention Team"
    assert practice("tailor-cooperative").owner.name == MUNICIPALITY


def test_assessments_come_from_reviewers_of_another_organisation(demo):
    assert Assessment.objects.count() == len(ASSESSMENTS)
    for assessment in Assessment.objects.select_related("practice", "reviewer"):
        assert assessment.reviewer.role in (Role.TEAM_LEADER, Role.QUALITY_COORDINATOR)
        assert assessment.reviewer.organisation_id != assessment.practice.owner_id
        assert assessment.scores.count() == len(Criterion.values)


def test_cases_apply_the_practices_their_stories_follow(demo):
    assert people_applying("believe-in-the-unbelievable") == {
        "Tomas Vaitkus",
        "Aistė Jankauskaitė",
        "Mindaugas Paulauskas",
    }
    assert people_applying("early-intervention-team") == {"Emilija Petrauskaitė"}
    assert people_applying("mut-mobile-trauma-help") == {"Lukas Brandt"}
    assert people_applying("tailor-cooperative") == {"Paolo Bianchi"}
    assert people_applying("social-broker") == set()
    assert (
        Referral.objects.filter(practice=practice("mut-mobile-trauma-help"), status=Referral.Status.PENDING).count()
        == 1
    )


def test_the_municipality_shares_its_outcome_figures(demo):
    assert Organisation.objects.get(name=MUNICIPALITY).shares_practice_outcomes
    assert not Organisation.objects.get(name="Rivertown Social Services Centre").shares_practice_outcomes


def test_the_municipalitys_pilot_is_at_assessing_its_outcomes_with_its_after_action_review(demo):
    from carepath.pilots.models import Pilot, Step

    pilot = Pilot.objects.get(title="Dreams and wishes with the living home")
    assert pilot.step == Step.ASSESS
    assert pilot.practice is None  # "Make it a practice" is there to try
    assert [r.subject for r in pilot.after_action_reviews.all()] == ["The dreams-and-wishes pilot with the living home"]
