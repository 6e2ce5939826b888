import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.accounts.models import Role
from carepath.audit.models import AuditEvent
from carepath.learning.models import FocusGroup
from carepath.learning.tests.factories import focus_group_of
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.testing.factories import (
    CaseFactory,
    CitizenFactory,
    GoalFactory,
    ProviderStaffFactory,
    StepFactory,
    UnitFactory,
    UserFactory,
)
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import administrator, provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _detail(group):
    return reverse("learning:focus_group_detail", args=[group.pk])


def _edit(group):
    return reverse("learning:focus_group_edit", args=[group.pk])


NEW = reverse("learning:focus_group_new")
LIST = reverse("learning:focus_group_list")


def _views(user):
    return AuditEvent.objects.filter(user=user, action=AuditEvent.Action.VIEW, what="learning.focusgroup")


# Detail: who sees it, whom it names, what it audits -------------------------------------------


@pytest.mark.parametrize("who", ["case worker", "team leader"])
def test_staff_who_follow_the_case_see_the_participant_and_the_look_is_audited_per_person(client, who):
    group = focus_group_of()
    case = group.cases.get()
    user = case.signal.received_by if who == "case worker" else team_leader_of(case)
    client.force_login(user)
    response = client.get(_detail(group))
    assert response.status_code == 200
    body = response.content.decode()
    assert case.person.family_name in body and "Everyone was proud to pay at the counter." in body
    assert list(_views(user).values_list("object_id", "case_id", "person_id")) == [(group.pk, case.pk, case.person_id)]


def test_a_colleague_of_the_organisation_sees_the_session_but_not_whose_case_they_do_not_follow(client):
    group = focus_group_of()
    case = group.cases.get()
    colleague = UserFactory(unit=UnitFactory(organisation=case.unit.organisation))
    client.force_login(colleague)
    response = client.get(_detail(group))
    body = response.content.decode()
    assert response.status_code == 200
    assert case.person.family_name not in body
    assert "and 1 other person whose case you do not follow" in body
    assert list(_views(colleague).values_list("case_id", "person_id")) == [(None, None)]


@pytest.mark.parametrize(
    "make",
    [
        lambda case: stranger(),
        lambda case: provider_staff_on(case, Referral.Status.ACCEPTED),  # another organisation
        lambda case: administrator(),
    ],
    ids=["case worker of another organisation", "provider with referral and consent", "administrator"],
)
def test_anyone_outside_the_organisation_gets_404_and_the_refusal_is_audited(client, make):
    group = focus_group_of()
    user = make(group.cases.get())
    client.force_login(user)
    assert client.get(_detail(group)).status_code == 404
    assert client.get(_edit(group)).status_code == 404
    assert AuditEvent.objects.filter(
        user=user, action=AuditEvent.Action.DENIED, what="learning.focusgroup", object_id=group.pk
    ).exists()
    assert not _views(user).exists()


def test_a_providers_focus_group_is_seen_by_its_own_staff(client):
    staff = ProviderStaffFactory()
    case = CaseFactory()
    group = focus_group_of(case, unit=staff.unit)
    client.force_login(staff)
    assert client.get(_detail(group)).status_code == 200
    client.force_login(case.signal.received_by)  # the authority's worker: another organisation
    assert client.get(_detail(group)).status_code == 404


def test_a_citizen_never_reaches_a_focus_group(client):
    group = focus_group_of()
    client.force_login(CitizenFactory(person=group.cases.get().person))
    assert client.get(_detail(group)).status_code == 403
    assert client.get(LIST).status_code == 403


def test_the_detail_page_answers_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    group = focus_group_of()
    case = group.cases.get()
    add_links(group.goals, GoalFactory(case=case))
    group.staff.add(case.signal.received_by)
    client.force_login(case.signal.received_by)
    client.get(_detail(group))
    with django_assert_max_num_queries(30):
        assert client.get(_detail(group)).status_code == 200


# List ------------------------------------------------------------------------------------------


def test_the_list_filters_by_unit_and_period_and_names_no_one(client):
    case = CaseFactory()
    other_unit = UnitFactory(organisation=case.unit.organisation)
    early = focus_group_of(case, activity="The concert", held_on=TODAY - datetime.timedelta(days=60))
    recent = focus_group_of(case, activity="The bank")
    elsewhere = focus_group_of(CaseFactory(signal__unit=other_unit), activity="The museum")
    foreign = focus_group_of(activity="Somewhere else")
    client.force_login(case.signal.received_by)
    body = client.get(LIST).content.decode()
    assert all(g.activity in body for g in (early, recent, elsewhere)) and foreign.activity not in body
    assert case.person.family_name not in body
    assert not AuditEvent.objects.filter(user=case.signal.received_by).exists()
    since = (TODAY - datetime.timedelta(days=10)).isoformat()
    body = client.get(LIST, {"unit": case.unit_id, "date_from": since}).content.decode()
    assert recent.activity in body and early.activity not in body and elsewhere.activity not in body


def test_a_period_that_ends_before_it_starts_is_explained(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    body = client.get(LIST, {"date_from": "2026-03-01", "date_to": "2026-02-01"}).content.decode()
    assert "The end of the period must be on or after its start." in body


def test_the_list_answers_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    case = CaseFactory()
    for _ in range(5):
        focus_group_of(case)
    client.force_login(case.signal.received_by)
    with django_assert_max_num_queries(20):
        assert client.get(LIST).status_code == 200


# New and change --------------------------------------------------------------------------------


def _posted(case, **fields):
    return {
        "held_on": (TODAY - datetime.timedelta(days=1)).isoformat(),
        "activity": "The concert",
        "unit": case.unit_id,
        "cases": [case.pk],
        "staff": [case.signal.received_by_id],
        "impressions": "Loud and happy.",
        "recommendations": "Earplugs next time.",
        "areas_to_improve": "Transport back.",
    } | fields


def test_the_form_offers_the_users_cases_and_lists_them_in_the_audit(client):
    case = CaseFactory()
    hidden = CaseFactory(signal__unit=case.unit)  # the same unit, another worker's case
    client.force_login(case.signal.received_by)
    body = client.get(NEW).content.decode()
    assert case.person.family_name in body and hidden.person.given_name not in body
    listed = AuditEvent.objects.filter(user=case.signal.received_by, action=AuditEvent.Action.LISTED)
    assert list(listed.values_list("person_id", flat=True)) == [case.person_id]


def test_a_case_worker_records_a_focus_group_with_goals_and_steps(client):
    case = CaseFactory()
    goal = GoalFactory(case=case)
    step = StepFactory(goal=goal)
    worker = case.signal.received_by
    client.force_login(worker)
    response = client.post(NEW, _posted(case, goals=[goal.pk], steps=[step.pk], other_participants="Two volunteers"))
    group = FocusGroup.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail(group)
    assert (group.activity, group.created_by, group.other_participants) == ("The concert", worker, "Two volunteers")
    assert list(group.cases.all()) == [case] and list(group.goals.all()) == [goal] and list(group.steps.all()) == [step]
    assert list(group.staff.all()) == [worker]
    assert AuditEvent.objects.filter(
        user=worker, action=AuditEvent.Action.CREATE, what="learning.focusgroup", case_id=case.pk
    ).exists()


def test_a_case_the_user_does_not_see_cannot_be_chosen(client):
    case = CaseFactory()
    foreign = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(NEW, _posted(case, cases=[case.pk, foreign.pk]))
    assert_form_error(response, "cases", "Select a valid choice.", kept=['value="The concert"', "Loud and happy."])
    assert not FocusGroup.objects.exists()


def _goal_of(case):
    return GoalFactory.create(case=case)


def _step_of(case):
    return StepFactory.create(goal=_goal_of(case))


@pytest.mark.parametrize(
    ("field", "message", "extra"),
    [
        ("goals", "Choose only goals of the people taking part.", lambda other: {"goals": [_goal_of(other).pk]}),
        ("steps", "Choose only steps of the people taking part.", lambda other: {"steps": [_step_of(other).pk]}),
    ],
)
def test_goals_and_steps_must_belong_to_the_participants(client, field, message, extra):
    case = CaseFactory()
    other = CaseFactory(signal__received_by=case.signal.received_by)  # seen, but not taking part
    client.force_login(case.signal.received_by)
    response = client.post(NEW, _posted(case, **extra(other)))
    assert_form_error(response, field, message, kept=['value="The concert"'])


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"impressions": ""}, "impressions", "This field is required."),
        ({"activity": ""}, "activity", "This field is required."),
        ({"held_on": (TODAY + datetime.timedelta(days=1)).isoformat()}, "held_on", "The date cannot be in the future."),
    ],
)
def test_a_refused_form_keeps_what_was_typed(client, fields, field, message):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    data = _posted(case, **fields)
    kept = [text for text in ("Earplugs next time.", "Transport back.")]
    response = client.post(NEW, data)
    assert_form_error(response, field, message, kept=kept)
    assert not FocusGroup.objects.exists()


def test_a_unit_of_another_organisation_cannot_be_chosen(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(NEW, _posted(case, unit=UnitFactory().pk))
    assert_form_error(response, "unit", "Select a valid choice.")


def test_an_administrator_outside_any_organisation_cannot_record_one(client):
    client.force_login(administrator())
    assert client.get(NEW).status_code == 403
    assert client.get(LIST).status_code == 200


def test_changing_keeps_the_participants_the_editor_cannot_see(client):
    case = CaseFactory()
    hidden = CaseFactory(signal__unit=case.unit)
    hidden_goal = GoalFactory(case=hidden)
    group = focus_group_of(case)
    add_links(group.cases, hidden)
    add_links(group.goals, hidden_goal)
    worker = case.signal.received_by
    client.force_login(worker)
    page = client.get(_edit(group)).content.decode()
    assert hidden.person.given_name not in page
    response = client.post(_edit(group), _posted(case, activity="The visit to the bank, again"))
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.activity == "The visit to the bank, again"
    assert set(group.cases.all()) == {case, hidden} and list(group.goals.all()) == [hidden_goal]
    assert AuditEvent.objects.filter(user=worker, action=AuditEvent.Action.UPDATE, case_id=case.pk).exists()
    assert not AuditEvent.objects.filter(user=worker, case_id=hidden.pk).exists()


def test_the_team_leader_changes_a_focus_group(client):
    group = focus_group_of()
    case = group.cases.get()
    leader = team_leader_of(case)
    client.force_login(leader)
    assert client.get(_edit(group)).status_code == 200
    response = client.post(_edit(group), _posted(case, staff=[leader.pk]))
    assert response.status_code == 302
    assert list(FocusGroup.objects.get().staff.all()) == [leader]


def test_staff_of_another_organisation_cannot_be_named(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    outsider = UserFactory(role=Role.CASE_WORKER)
    response = client.post(NEW, _posted(case, staff=[outsider.pk]))
    assert_form_error(response, "staff", "Select a valid choice.")
