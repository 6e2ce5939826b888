import datetime
from decimal import Decimal

import pytest
from django.conf import settings

from carepath.audit.models import AuditEvent
from carepath.core.concurrency import StaleEdit
from carepath.plans import services
from carepath.plans.models import SavingsPlan, Step, StepAttachment
from carepath.plans.tests.factories import SavingsDepositFactory
from carepath.testing.factories import GoalFactory, SavingsPlanFactory, StepFactory
from carepath.testing.files import PNG, upload

pytestmark = pytest.mark.django_db
TOMORROW = datetime.date.today() + datetime.timedelta(days=1)


def _created(what):
    return AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what=what).count()


def test_add_step_under_a_goal_is_audited():
    goal = GoalFactory()
    step = services.add_step(goal=goal, case=goal.case, by=goal.created_by, what="Buy a ticket", who="Jonas",
                             due_on=TOMORROW)
    assert (step.goal, step.status, step.created_by) == (goal, Step.Status.PLANNED, goal.created_by)
    assert _created("plans.step") == 1


def test_update_step_bumps_the_version():
    step = StepFactory()
    services.update_step(step=step, case=step.goal.case, by=step.created_by, seen_version=1, what="Buy two tickets",
                         who="Jonas", due_on=TOMORROW, status=Step.Status.IN_PROGRESS)
    step.refresh_from_db()
    assert (step.what, step.status, step.version) == ("Buy two tickets", "in_progress", 2)


def test_a_stale_step_edit_is_refused_and_nothing_changes():
    step = StepFactory()
    Step.objects.filter(pk=step.pk).update(version=2, what="Changed by a colleague")
    with pytest.raises(StaleEdit):
        services.change_step_status(step=step, case=step.goal.case, by=step.created_by, seen_version=1,
                                    status=Step.Status.DONE)
    step.refresh_from_db()
    assert (step.status, step.what) == (Step.Status.PLANNED, "Changed by a colleague")


def test_attachment_file_is_stored_under_a_random_name():
    step = StepFactory()
    attachment = services.add_attachment(step=step, case=step.goal.case, by=step.created_by, kind="image",
                                         description="The bus stop", file=upload("Jonas Kazlauskas.PNG", PNG))
    assert "Jonas" not in attachment.file.name
    assert attachment.file.name.startswith("steps/") and attachment.file.name.endswith(".png")
    assert (settings.MEDIA_ROOT / attachment.file.name).read_bytes() == PNG
    assert _created("plans.stepattachment") == 1


def test_a_failed_attachment_leaves_no_file(monkeypatch):
    step = StepFactory()

    def broken(*args, **kwargs):
        raise RuntimeError("database is gone")

    def stored():
        return set(settings.MEDIA_ROOT.rglob("*.png"))

    monkeypatch.setattr(StepAttachment, "save", broken)
    before = stored()
    with pytest.raises(RuntimeError):
        services.add_attachment(step=step, case=step.goal.case, by=step.created_by, kind="image",
                                description="The bus stop", file=upload("bus.png", PNG))
    assert stored() == before


def test_easy_read_text_has_no_file():
    step = StepFactory()
    attachment = services.add_attachment(step=step, case=step.goal.case, by=step.created_by, kind="easy_read",
                                         text="Take bus 3. Get off at the big shop.")
    assert not attachment.file


def test_one_savings_plan_per_goal():
    goal = GoalFactory()
    plan = services.start_savings_plan(goal=goal, case=goal.case, by=goal.created_by, target_amount=Decimal("300"),
                                       currency="EUR")
    assert _created("plans.savingsplan") == 1
    with pytest.raises(services.SavingsPlanExists):
        services.start_savings_plan(goal=goal, case=goal.case, by=goal.created_by, target_amount=Decimal("5"))
    assert SavingsPlan.objects.get() == plan


def test_deposits_add_up_to_the_progress():
    plan = SavingsPlanFactory(target_amount=Decimal("300"))
    SavingsDepositFactory(savings_plan=plan, amount=Decimal("100"))
    services.add_deposit(savings_plan=plan, case=plan.goal.case, by=plan.goal.created_by, amount=Decimal("50"),
                         deposited_on=datetime.date.today())
    plan = SavingsPlan.objects.get()
    assert (plan.saved(), plan.percent()) == (Decimal("150"), 50)
    assert _created("plans.savingsdeposit") == 1
