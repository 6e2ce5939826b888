import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.plans.models import SavingsDeposit, SavingsPlan
from carepath.referrals.models import Referral
from carepath.testing.factories import GoalFactory, SavingsPlanFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_provider_starts_a_savings_plan(client):
    goal = GoalFactory()
    client.force_login(provider_staff_on(goal.case, Referral.Status.ACCEPTED))
    url = reverse("plans:savings_new", args=[goal.pk])
    assert 'value="EUR"' in client.get(url).content.decode()
    response = client.post(url, {"target_amount": "300", "currency": "eur"})
    assert response.status_code == 302
    plan = SavingsPlan.objects.get(goal=goal)
    assert (plan.target_amount, plan.currency) == (300, "EUR")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="plans.savingsplan").exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"target_amount": "0", "currency": "EUR"}, "target_amount", "The target amount must be more than 0."),
        ({"target_amount": "-5", "currency": "EUR"}, "target_amount", "The target amount must be more than 0."),
        ({"target_amount": "100", "currency": "E1"}, "currency", "Write the currency as three letters, e.g. EUR."),
        ({"target_amount": "", "currency": "EUR"}, "target_amount", "This field is required."),
    ],
)
def test_bad_savings_plan_answers_400(client, data, field, message):
    goal = GoalFactory()
    client.force_login(goal.created_by)
    response = client.post(reverse("plans:savings_new", args=[goal.pk]), data)
    assert_form_error(response, field, message)
    assert not SavingsPlan.objects.exists()


def test_a_second_savings_plan_is_refused(client):
    plan = SavingsPlanFactory()
    client.force_login(plan.goal.created_by)
    response = client.post(reverse("plans:savings_new", args=[plan.goal_id]), {"target_amount": "50",
                                                                               "currency": "EUR"})
    assert_form_error(response, None, "already has a savings plan")
    assert SavingsPlan.objects.count() == 1


def test_add_a_deposit(client):
    plan = SavingsPlanFactory()
    client.force_login(plan.goal.created_by)
    response = client.post(reverse("plans:deposit_new", args=[plan.pk]),
                           {"amount": "25.50", "deposited_on": TODAY.isoformat()})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#plan-{plan.goal_id}")
    assert str(SavingsDeposit.objects.get().amount) == "25.50"
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="plans.savingsdeposit").exists()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"amount": "0", "deposited_on": TODAY.isoformat()}, "amount", "The amount must be more than 0."),
        ({"amount": "10", "deposited_on": (TODAY + datetime.timedelta(days=1)).isoformat()}, "deposited_on",
         "The date of the deposit cannot be in the future."),
    ],
)
def test_bad_deposit_answers_400_and_keeps_the_input(client, data, field, message):
    plan = SavingsPlanFactory()
    client.force_login(plan.goal.created_by)
    response = client.post(reverse("plans:deposit_new", args=[plan.pk]), data)
    assert_form_error(response, field, message, kept=[f'value="{data["amount"]}"'])
    assert not SavingsDeposit.objects.exists()


def test_stranger_gets_404(client):
    plan = SavingsPlanFactory()
    client.force_login(stranger())
    assert client.get(reverse("plans:savings_new", args=[plan.goal_id])).status_code == 404
    assert client.post(reverse("plans:deposit_new", args=[plan.pk]), {"amount": "5"}).status_code == 404


def test_no_deposit_on_a_closed_case(client):
    plan = SavingsPlanFactory()
    Case.objects.filter(pk=plan.goal.case_id).update(status=Case.Status.CLOSED)
    client.force_login(plan.goal.created_by)
    assert client.get(reverse("plans:deposit_new", args=[plan.pk])).status_code == 403
