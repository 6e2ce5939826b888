from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from carepath.cases.models import Case
from carepath.cases.selectors import case_overview
from carepath.plans.tests.factories import SavingsDepositFactory, StepAttachmentFactory
from carepath.testing.factories import CaseFactory, GoalFactory, SavingsPlanFactory, StepFactory

pytestmark = pytest.mark.django_db


def _full_goal():
    case = CaseFactory()
    goal = GoalFactory(case=case)
    step = StepFactory(goal=goal, what="Buy a bus ticket")
    StepAttachmentFactory(step=step, description="The green ticket button")
    StepAttachmentFactory(step=step, kind="video", file__filename="clip.mp4", description="How to pay")
    StepAttachmentFactory(step=step, kind="easy_read", file="", description="", text="Press the green button.")
    plan = SavingsPlanFactory(goal=goal, target_amount=Decimal("300"))
    SavingsDepositFactory(savings_plan=plan, amount=Decimal("100"))
    SavingsDepositFactory(savings_plan=plan, amount=Decimal("20"))
    return case, goal, step


def _render(case, django_assert_num_queries):
    overview = case_overview(case=Case.objects.select_related("person", "signal").get(pk=case.pk),
                             user=case.signal.received_by)
    with django_assert_num_queries(0):
        context = {"case": case, "statuses": overview.step_statuses}
        return "".join(render_to_string("plans/_goal_plan.html", {**context, "goal": g}) for g in overview.goals)


def test_plan_shows_steps_supports_and_savings_from_prefetched_data_only(django_assert_num_queries):
    case, goal, step = _full_goal()
    GoalFactory(case=case)  # a goal without steps or savings
    html = _render(case, django_assert_num_queries)
    image, video, _easy = step.attachments.all()
    assert "Buy a bus ticket" in html and "Jonas with his support worker" in html and "Planned" in html
    assert '<option value="in_progress">' in html and '<option value="planned" selected>' in html
    assert f'src="{reverse("plans:attachment_file", args=[image.pk])}" alt="The green ticket button"' in html
    assert "<video" in html and "controls" in html and "How to pay" in html
    assert "Press the green button." in html
    assert '<progress class="cp-progress" max="100" value="40"' in html
    assert "120.00 of 300.00 EUR saved (40%)" in html
    assert "No steps yet." in html and "No savings plan." in html


def test_plan_of_an_open_case_has_action_links(django_assert_num_queries):
    case, goal, step = _full_goal()
    html = _render(case, django_assert_num_queries)
    for url in [reverse("plans:step_new", args=[goal.pk]), reverse("plans:step_edit", args=[step.pk]),
                reverse("plans:step_status", args=[step.pk]), reverse("plans:attachment_new", args=[step.pk]),
                reverse("plans:deposit_new", args=[goal.savings_plan.pk])]:
        assert url in html
    assert f'name="step-{step.pk}-status"' in html and f'name="step-{step.pk}-seen_version" value="1"' in html


def test_plan_of_a_closed_case_is_read_only(django_assert_num_queries):
    case, goal, step = _full_goal()
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    case.refresh_from_db()
    html = _render(case, django_assert_num_queries)
    assert "Buy a bus ticket" in html
    assert reverse("plans:step_edit", args=[step.pk]) not in html
    assert reverse("plans:step_new", args=[goal.pk]) not in html
