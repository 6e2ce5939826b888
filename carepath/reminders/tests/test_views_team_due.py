"""The team view of what is due: deadlines counted, open steps listed, only of the cases the user answers for."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.accounts.models import Role
from carepath.audit.models import AuditEvent
from carepath.cases.models import CaseTeamMember, Deadline
from carepath.consents.models import Consent
from carepath.organisations.authority import add_links
from carepath.plans.models import Step
from carepath.testing.auth import TwoStepClient
from carepath.testing.factories import (
    CaseFactory,
    ConsentFactory,
    GoalFactory,
    ProviderStaffFactory,
    StepFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def in_days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def client_of(user) -> TwoStepClient:
    client = TwoStepClient()
    client.force_login(user)
    return client


def team_due(user) -> str:
    response = client_of(user).get(reverse("reminders:team_due"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_team_view_counts_deadlines_and_lists_open_steps_due_or_overdue():
    case = CaseFactory()
    Deadline.objects.create(signal=case.signal, label="Social information", due_on=in_days(-1))
    Deadline.objects.create(signal=case.signal, label="Decision", due_on=in_days(1))
    Deadline.objects.create(signal=case.signal, label="Later", due_on=in_days(60))
    goal = GoalFactory(case=case)
    StepFactory(goal=goal, what="Overdue call to the school", due_on=in_days(-3))
    StepFactory(goal=goal, what="Visit the food bank together", due_on=in_days(1))
    StepFactory(goal=goal, what="Far away step", due_on=in_days(60))
    StepFactory(goal=goal, what="Finished step", due_on=in_days(-1), status=Step.Status.DONE)
    text = team_due(case.signal.received_by)
    assert 'id="overdue-deadlines"><strong class="govuk-tag govuk-tag--red">1</strong>' in text
    assert 'id="due-deadlines">1<' in text
    assert 'id="overdue-steps"><strong class="govuk-tag govuk-tag--red">1</strong>' in text
    assert text.index("Overdue call to the school") < text.index("Visit the food bank together")
    assert "Far away step" not in text and "Finished step" not in text


def test_a_team_leader_sees_the_steps_of_every_case_of_the_unit_and_no_other():
    case = CaseFactory()
    StepFactory(goal=GoalFactory(case=case), what="Step in my unit", due_on=in_days(0))
    StepFactory(goal=GoalFactory(case=CaseFactory()), what="Step elsewhere", due_on=in_days(0))
    leader = UserFactory(role=Role.TEAM_LEADER, organisation=case.unit.organisation)
    case.unit.leader = leader
    case.unit.save(update_fields=["leader"])
    text = team_due(leader)
    assert "Step in my unit" in text and "Step elsewhere" not in text
    assert "Step in my unit" not in team_due(UserFactory(organisation=case.unit.organisation))


def test_a_provider_on_the_team_sees_the_steps_only_under_a_consent_to_share():
    case = CaseFactory()
    StepFactory(goal=GoalFactory(case=case), what="Shared plan step", due_on=in_days(0))
    provider = ProviderStaffFactory()
    CaseTeamMember.objects.create(case=case, user=provider)
    assert "Shared plan step" not in team_due(provider)
    add_links(ConsentFactory(case=case, scope=Consent.Scope.SHARE_PROVIDERS).providers, provider.organisation)
    assert "Shared plan step" in team_due(provider)


def test_the_people_named_are_audited_as_listed_and_queries_do_not_grow(django_assert_max_num_queries):
    case = CaseFactory()
    worker = case.signal.received_by
    StepFactory(goal=GoalFactory(case=case), due_on=in_days(0))
    client = client_of(worker)
    with django_assert_max_num_queries(16) as few:
        client.get(reverse("reminders:team_due"))
    for _ in range(5):
        other = CaseFactory(signal__received_by=worker, signal__unit=case.unit)
        StepFactory(goal=GoalFactory(case=other), due_on=in_days(-1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("reminders:team_due"))
    listed = AuditEvent.objects.filter(user=worker, action=AuditEvent.Action.LISTED, what="people.person")
    assert case.person_id in set(listed.values_list("person_id", flat=True))


def test_the_steps_are_paginated_by_keyset(settings):
    case = CaseFactory()
    goal = GoalFactory(case=case)
    for n in range(52):
        StepFactory(goal=goal, what=f"Step number {n:02d}", due_on=in_days(-60 + n))
    client = client_of(case.signal.received_by)
    first = client.get(reverse("reminders:team_due")).content.decode()
    assert "Step number 49" in first and "Step number 50" not in first
    after = first.split('after=')[1].split('"')[0]
    second = client.get(reverse("reminders:team_due") + f"?after={after}").content.decode()
    assert "Step number 50" in second and "Step number 51" in second and "Step number 49" not in second
