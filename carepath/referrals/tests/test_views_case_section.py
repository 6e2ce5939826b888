import pytest
from django.urls import reverse

from carepath.cases.models import Case
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.referrals.tests.factories import load
from carepath.testing.factories import CaseFactory, GoalFactory, ReferralFactory, ServiceFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def test_section_shows_status_reason_goals_and_load(client):
    case = CaseFactory()
    service = ServiceFactory(name="Football club", capacity=12)
    load(service, in_service=4, waiting=1)
    declined = ReferralFactory(
        case=case, service=service, status=Referral.Status.DECLINED, decline_reason="No place before spring"
    )
    add_links(declined.goals, GoalFactory(case=case, title="Play football"))
    body = case_page(client, case)
    assert "Football club" in body and "Declined" in body and "No place before spring" in body
    assert "Play football" in body
    assert "4 of 12 places taken" in body and "1 on the waiting list" in body


def test_case_worker_gets_new_referral_and_withdraw_links_but_no_answer_link(client):
    case = CaseFactory()
    referral = ReferralFactory(case=case)
    body = case_page(client, case)
    assert reverse("referrals:referral_new", args=[case.pk]) in body
    assert reverse("referrals:referral_end", args=[referral.pk]) in body
    assert reverse("referrals:referral_answer", args=[referral.pk]) not in body


def test_provider_staff_gets_the_answer_link_for_their_own_pending_referral_only(client):
    case = CaseFactory()
    staff = provider_staff_on(case)
    mine = case.referrals.get()
    other = ReferralFactory(case=case)
    body = case_page(client, case, staff)
    assert reverse("referrals:referral_answer", args=[mine.pk]) in body
    assert reverse("referrals:referral_answer", args=[other.pk]) not in body
    assert reverse("referrals:referral_new", args=[case.pk]) not in body
    assert reverse("referrals:referral_end", args=[mine.pk]) not in body


def test_closed_case_has_no_referral_actions(client):
    case = CaseFactory()
    referral = ReferralFactory(case=case, status=Referral.Status.ACCEPTED)
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    body = case_page(client, case)
    assert reverse("referrals:referral_new", args=[case.pk]) not in body
    assert reverse("referrals:referral_end", args=[referral.pk]) not in body
