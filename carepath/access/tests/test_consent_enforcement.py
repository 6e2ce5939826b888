"""Without a consent to share that covers its organisation, a provider sees only the referral."""

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.consents import services as consent_services
from carepath.consents.models import Consent
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.testing.factories import (
    CaseFactory,
    ConsentFactory,
    GoalFactory,
    ProgressNoteFactory,
    ProviderFactory,
    StepFactory,
)
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db

SECRET_NOTE = "Talked about the debts with the bank."


@pytest.fixture
def case():
    made = CaseFactory()
    goal = GoalFactory(case=made, title="Travel to Riga by bus")
    ProgressNoteFactory(case=made, goal=goal, text=SECRET_NOTE)
    return made


def _goal_and_step(case):
    goal = case.goals.get()
    return goal, StepFactory(goal=goal)


def test_provider_without_consent_sees_only_the_referral(client, case):
    staff = provider_staff_on(case, consent=False)
    add_links(case.referrals.get().goals, case.goals.get())
    client.force_login(staff)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert 'id="referral-only"' in page
    assert "Travel to Riga by bus" in page  # the goal the referral is about
    assert SECRET_NOTE not in page
    assert "Functional ability" not in page


def test_provider_without_consent_cannot_open_the_file_behind_the_referral(client, case):
    staff = provider_staff_on(case, Referral.Status.ACCEPTED, consent=False)
    goal, step = _goal_and_step(case)
    client.force_login(staff)
    for url in (
        reverse("agreements:agreement_history", args=[case.pk]),
        reverse("plans:step_edit", args=[step.pk]),
        reverse("plans:step_new", args=[goal.pk]),
        reverse("notes:note_new", args=[case.pk]),
    ):
        assert client.get(url).status_code == 403, url
    assert AuditEvent.objects.filter(user=staff, action=AuditEvent.Action.DENIED).count() == 4


def test_the_referral_answer_needs_no_consent(client, case):
    staff = provider_staff_on(case, consent=False)
    client.force_login(staff)
    assert client.get(reverse("referrals:referral_answer", args=[case.referrals.get().pk])).status_code == 200


@pytest.mark.parametrize("scope", [Consent.Scope.SHARE_PROVIDERS, Consent.Scope.SHARE_NETWORK])
def test_a_consent_to_share_naming_no_provider_covers_every_provider(client, case, scope):
    staff = provider_staff_on(case, consent=False)
    ConsentFactory(case=case, scope=scope)
    client.force_login(staff)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert SECRET_NOTE in page and 'id="referral-only"' not in page


def test_a_consent_naming_another_provider_does_not_cover_this_one(client, case):
    staff = provider_staff_on(case, consent=False)
    add_links(ConsentFactory(case=case, scope=Consent.Scope.SHARE_PROVIDERS).providers, ProviderFactory())
    assert not policy.shares_file(staff, case)
    add_links(ConsentFactory(case=case, scope=Consent.Scope.SHARE_PROVIDERS).providers, staff.organisation)
    assert policy.shares_file(staff, case)


def test_a_consent_to_the_intervention_alone_shares_nothing_with_providers(case):
    staff = provider_staff_on(case, consent=False)
    ConsentFactory(case=case, scope=Consent.Scope.INTERVENTION)
    assert not policy.shares_file(staff, case)


def test_a_withdrawal_takes_effect_at_once_and_is_logged(client, case):
    staff = provider_staff_on(case)  # with a consent covering the provider
    client.force_login(staff)
    assert SECRET_NOTE in client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    sharing = Consent.objects.get(case=case, scope=Consent.Scope.SHARE_PROVIDERS)
    worker = case.signal.received_by
    consent_services.withdraw_consent(consent=sharing, by=worker, withdrawn_on=timezone.localdate(), reason="Asked to")
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert SECRET_NOTE not in page and 'id="referral-only"' in page
    assert AuditEvent.objects.filter(
        user=worker, action=AuditEvent.Action.UPDATE, what="consents.consent", object_id=sharing.pk
    ).exists()


def test_the_responsible_authority_needs_no_consent_to_share(case):
    assert policy.shares_file(case.signal.received_by, case)
