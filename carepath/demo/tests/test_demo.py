import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import Role, User
from carepath.agreements.models import AgreementVersion
from carepath.cases.models import Case, Deadline, Signal
from carepath.cases.selectors import open_deadlines_for
from carepath.demo.catalogue import DEFAULT_PASSWORD
from carepath.demo.consistency import problems
from carepath.demo.world import LOGINS
from carepath.evaluations.models import EvaluationMoment
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.organisations.models import Organisation
from carepath.plans.models import StepAttachment
from carepath.referrals.models import Referral
from carepath.referrals.selectors import waiting_for_answer
from carepath.support.models import SupportMatch

pytestmark = pytest.mark.django_db

ALL_CASES = {
    "Tomas Vaitkus", "Aistė Jankauskaitė", "Mindaugas Paulauskas", "Mette Sørensen", "Paolo Bianchi",
    "Beatriz Silva", "Emilija Petrauskaitė", "Lukas Brandt",
}
# Whose cases each login sees through the access policy (open and closed).
EXPECTED_CASES = {
    "caseworker": ALL_CASES,
    "teamleader": ALL_CASES,
    "quality": {"Tomas Vaitkus", "Mette Sørensen"},
    "admin": set(),
    "living": {"Tomas Vaitkus", "Aistė Jankauskaitė", "Mindaugas Paulauskas"},
    "centre": {"Mette Sørensen", "Emilija Petrauskaitė", "Beatriz Silva"},
    "boys": {"Lukas Brandt"},
    "early": {"Emilija Petrauskaitė"},
    "foodbank": set(),
    "tomas": set(),
    "mother": set(),
}


@pytest.fixture
def demo():
    call_command("demo", stdout=StringIO())


def case_of(name: str) -> Case:
    given, family = name.split(" ")
    return Case.objects.get(person__given_name=given, person__family_name=family)


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_running_twice_creates_nothing_new(demo):
    before = row_counts()
    out = StringIO()
    call_command("demo", stdout=out)
    assert row_counts() == before
    assert "already there" in out.getvalue()


def test_made_data_is_consistent_with_the_services(demo):
    assert problems() == []


@pytest.mark.parametrize("key", list(LOGINS))
def test_each_login_signs_in_and_sees_the_expected_cases(demo, client, key):
    assert client.login(username=LOGINS[key].username, password=DEFAULT_PASSWORD)
    user = User.objects.get(username=LOGINS[key].username)
    seen = {str(case.person) for case in policy.visible_cases(user).select_related("person")}
    assert seen == EXPECTED_CASES[key]
    home = "portal:start" if user.role == Role.CITIZEN else "dashboard:home"
    assert client.get(reverse(home)).status_code in (200, 302)


def test_there_is_one_login_per_role_and_the_administrator_is_superuser(demo):
    roles = set(User.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    providers = User.objects.filter(role=Role.PROVIDER_STAFF, organisation__kind=Organisation.Kind.PROVIDER)
    assert providers.values("organisation").distinct().count() == 4


def test_password_comes_from_the_environment(monkeypatch, client):
    monkeypatch.setenv("CAREPATH_DEMO_PASSWORD", "another-secret-2026")
    out = StringIO()
    call_command("demo", stdout=out)
    assert client.login(username="caseworker", password="another-secret-2026")
    assert "another-secret-2026" in out.getvalue()


def test_team_leader_leads_the_units_and_sees_both_waiting_signals(demo):
    leader = User.objects.get(username="teamleader")
    assert set(leader.led_units.values_list("name", flat=True)) == {"Adult social services", "Children and families"}
    waiting = policy.visible_signals(leader).filter(status=Signal.Status.NEW)
    assert {str(s.person) for s in waiting} == {"Giulia Romano", "Viktor Ivanov"}


def test_trip_abroad_has_savings_pictures_and_easy_read(demo):
    trip = Goal.objects.get(case=case_of("Tomas Vaitkus"), life_domain="leisure")
    assert trip.citizen_words == "I want to fly to Spain and see the sea."
    plan = trip.savings_plan
    assert plan.deposits.count() >= 3 and 0 < plan.percent() < 100
    pictures = StepAttachment.objects.filter(step__goal=trip, kind=StepAttachment.Kind.IMAGE)
    assert pictures.count() == 4  # one on today's step, for the portal
    for picture in pictures:
        assert picture.description
        with picture.file.open("rb") as f:
            assert f.read(8) == b"\x89PNG\r\n\x1a\n"
    assert StepAttachment.objects.filter(step__goal=trip, kind=StepAttachment.Kind.EASY_READ).exists()


def test_residents_council_group_goal_is_shared_by_three_residents(demo):
    goal = Goal.objects.get(is_group_goal=True)
    assert goal.proposed_by == Goal.ProposedBy.RESIDENTS_COUNCIL
    sharing = {str(goal.case.person)} | {str(c.person) for c in goal.group_cases.all()}
    assert sharing == {"Tomas Vaitkus", "Aistė Jankauskaitė", "Mindaugas Paulauskas"}


def test_family_agreement_has_two_versions_consent_and_a_deadline_due_soon(demo):
    case = case_of("Beatriz Silva")
    assert list(AgreementVersion.objects.filter(case=case).values_list("number", flat=True)) == [2, 1]
    consent = case.consents.get(scope="intervention")
    assert consent.document and consent.given_by == "Ana Silva and Rui Silva"
    social = Deadline.objects.get(signal=case.signal, label="Social information")
    today = timezone.localdate()
    assert social.done_on is None and today <= social.due_on <= today + datetime.timedelta(days=7)


def test_case_worker_dashboard_has_deadlines_overdue_and_due(demo):
    worker = User.objects.get(username="caseworker")
    today = timezone.localdate()
    deadlines = list(open_deadlines_for(worker))
    assert any(d.due_on < today for d in deadlines)
    assert any(d.due_on >= today for d in deadlines)


def test_adult_with_anxiety_improves_and_has_an_evaluation_held(demo):
    case = case_of("Mette Sørensen")
    levels = [a.highest_level for a in case.assessments.all()]
    assert len(levels) == 3 and levels == sorted(levels, reverse=True) and levels[0] > levels[-1]
    accepted = case.referrals.filter(status=Referral.Status.ACCEPTED)
    assert accepted.exists() and all(case.team.filter(user=r.answered_by).exists() for r in accepted)
    restricted = ProgressNote.objects.get(case=case, is_restricted=True)
    assert restricted.restriction_reason
    first, held = EvaluationMoment.objects.filter(case=case, held_on__isnull=False).order_by("held_on")
    assert "shop on my own" in held.citizen_words
    assert set(held.attainments.values_list("level", flat=True)) == {"fully", "partially"}
    # Quality of life before and after: daily living from 2 to 4; she is happier with how it goes.
    before = dict(first.quality_of_life.values_list("domain", "score"))
    after = dict(held.quality_of_life.values_list("domain", "score"))
    assert (before["daily_living"], after["daily_living"]) == (2, 4)
    assert (first.citizen_view, held.citizen_view) == (2, 4)


def test_early_intervention_team_spans_three_organisations(demo):
    case = case_of("Emilija Petrauskaitė")
    organisations = set(case.team.values_list("user__organisation__name", flat=True))
    assert len(organisations) == 3
    manager = case.team.get(is_case_manager=True).user
    assert manager.username == "early"


def test_boy_waits_for_mobile_trauma_help_in_the_providers_inbox(demo):
    boys = User.objects.get(username="boys")
    inbox = list(waiting_for_answer(boys))
    assert [str(r.case.person) for r in inbox] == ["Lukas Brandt"]
    assert inbox[0].service.name == "Mobile trauma help for boys"


def test_closed_case_and_closed_signal_have_their_reasons(demo):
    closed = case_of("Paolo Bianchi")
    assert closed.status == Case.Status.CLOSED and closed.outcome == Case.Outcome.AUTONOMOUS
    assert "moves out of the circle" in closed.closure_reason
    assert Signal.objects.get(status=Signal.Status.CLOSED).closed_reason


def test_case_worker_can_open_every_case_page(demo, client):
    worker = User.objects.get(username="caseworker")
    client.force_login(worker)
    for case in policy.visible_cases(worker):
        assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 200


def test_tomas_sees_todays_step_and_his_mother_follows_his_progress(demo, client):
    tomas = User.objects.get(username="tomas")
    client.force_login(tomas)
    page = client.get(reverse("portal:home", args=[tomas.person_id])).content.decode()
    assert "Look at the pictures of the airport with Ieva" in page
    client.force_login(User.objects.get(username="mother"))
    page = client.get(reverse("portal:home", args=[tomas.person_id])).content.decode()
    assert "I want to fly to Spain and see the sea." in page
    assert "Look at the pictures of the airport with Ieva" not in page  # her proxy covers progress only


def test_a_demo_staff_login_passes_both_steps_with_the_demo_code(demo):
    from django.test import Client

    client = Client()
    response = client.post(reverse("login"), {"username": "caseworker", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302 and response.url.startswith(reverse("two_factor"))
    out = StringIO()
    call_command("demo_code", "caseworker", stdout=out)
    code = out.getvalue().strip()
    assert len(code) == 6 and code.isdigit()
    assert client.post(reverse("two_factor"), {"code": code}).status_code == 302
    assert client.get(reverse("dashboard:home")).status_code == 200


def test_demo_code_refuses_a_login_without_the_demo_authenticator(demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("demo_code", "tomas", stdout=StringIO())


def test_tomas_sees_who_looked_at_his_file(demo, client):
    tomas = User.objects.get(username="tomas")
    client.force_login(tomas)
    page = client.get(reverse("portal:who_looked", args=[tomas.person_id])).content.decode()
    for name in ("Laura Mendes", "Ieva Stankevičienė", "Rūta Vaitkienė"):
        assert name in page


def test_the_food_bank_and_the_municipality_see_the_seed_002_family_as_one_match(demo, client):
    match = SupportMatch.objects.get()
    names = {match.left_institution.name, match.right_institution.name}
    assert names == {"Municipality of Rivertown", "Rivertown Food Bank"}
    client.force_login(User.objects.get(username="foodbank"))
    page = client.get(reverse("support:match_list")).content.decode()
    assert "Fereira" in page and "Municipality of Rivertown" in page
    assert "Ferreira" not in page  # the municipality's spelling: its record stays with it
