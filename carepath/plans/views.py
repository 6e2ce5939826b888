from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from django.contrib import messages
from django.db.models import Model
from django.forms import BaseForm
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.core.concurrency import StaleEdit
from carepath.core.views import posted, private_inline_file, render_form, staff_user, uploaded
from carepath.goals.models import Goal
from carepath.plans import services
from carepath.plans.forms import (
    AttachmentForm,
    DepositForm,
    SavingsPlanForm,
    StepEditForm,
    StepForm,
    StepStatusForm,
)
from carepath.plans.models import SavingsPlan, Step, StepAttachment

M = TypeVar("M", bound=Model)





def _goal_path(case_path: str) -> str:
    """Every plan object hangs off a goal: from "goal__case" to the goal's shared cases."""
    return case_path.removesuffix("case") + "group_cases"


def _for_planning(user: User, model: type[M], object_id: int, case_path: str) -> tuple[M, Case]:
    """The object if the user sees its case or a case its group goal is shared with (else 404),
    and that case is still open (else 403, audited by the policy)."""
    return policy.get_in_case(
        user, model, object_id, policy.Do.PLAN, case_path=case_path, shared_via=_goal_path(case_path)
    )


def _plan_url(case: Case, goal_id: int) -> str:
    return f"{case.get_absolute_url()}#plan-{goal_id}"


def _plan_form(
    request: HttpRequest,
    form: BaseForm,
    *,
    case: Case,
    goal_id: int,
    save: Callable[..., object],
    saved: str | Callable[[], str],
    **page: Any,
) -> HttpResponse:
    """A form of a goal's plan: a valid post goes through `save` and back to the plan, else the form shows again."""
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            save(**form.cleaned_data)
        except StaleEdit as error:
            stale = error
        except services.SavingsPlanExists:
            form.add_error(None, _("This goal already has a savings plan. Add a deposit to it instead."))
        else:
            messages.success(request, saved() if callable(saved) else saved)
            return redirect(_plan_url(case, goal_id))
    return render_form(request, form, cancel_url=_plan_url(case, goal_id), stale=stale, **page)


def step_new(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = staff_user(request)
    goal, case = _for_planning(user, Goal, goal_id, "case")
    return _plan_form(
        request,
        StepForm(posted(request)),
        case=case,
        goal_id=goal.pk,
        save=partial(services.add_step, goal=goal, case=case, by=user),
        saved=_("The step is added to the plan."),
        title=_("Add a step"),
        caption=goal.title,
        intro=_("Break the goal down with the person: what, who and when."),
        submit_label=_("Add the step"),
    )


def step_edit(request: HttpRequest, step_id: int) -> HttpResponse:
    user = staff_user(request)
    step, case = _for_planning(user, Step, step_id, "goal__case")
    return _plan_form(
        request,
        StepEditForm(posted(request), instance=step),
        case=case,
        goal_id=step.goal_id,
        save=partial(services.update_step, step=step, case=case, by=user),
        saved=_("The step is saved."),
        title=_("Change the step"),
        caption=case.reference,
        submit_label=_("Save the step"),
    )


def step_status(request: HttpRequest, step_id: int) -> HttpResponse:
    """The quick status change posted from the plan; the page itself is the no-script fallback."""
    user = staff_user(request)
    step, case = _for_planning(user, Step, step_id, "goal__case")
    return _plan_form(
        request,
        StepStatusForm(posted(request), instance=step, prefix=f"step-{step.pk}"),
        case=case,
        goal_id=step.goal_id,
        save=partial(services.change_step_status, step=step, case=case, by=user),
        saved=lambda: _("The step is now: %(status)s.") % {"status": step.get_status_display()},
        title=_("Change the status of the step"),
        caption=step.what,
        submit_label=_("Save the status"),
    )


def attachment_new(request: HttpRequest, step_id: int) -> HttpResponse:
    user = staff_user(request)
    step, case = _for_planning(user, Step, step_id, "goal__case")
    return _plan_form(
        request,
        AttachmentForm(posted(request), uploaded(request)),
        case=case,
        goal_id=step.goal_id,
        save=partial(services.add_attachment, step=step, case=case, by=user),
        saved=_("The support is added to the step."),
        title=_("Add a picture, video or easy-read text"),
        caption=step.what,
        intro=_("Supports help the person remember and do the step on their own."),
        submit_label=_("Add it to the step"),
    )


def attachment_file(request: HttpRequest, attachment_id: int) -> FileResponse:
    """A step's picture or video, only for who sees the case; every look is audited."""
    user = staff_user(request)
    attachment, case = policy.get_in_case(
        user, StepAttachment, attachment_id, case_path="step__goal__case", shared_via="step__goal__group_cases"
    )
    return private_inline_file(attachment.file)


def savings_new(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = staff_user(request)
    goal, case = _for_planning(user, Goal, goal_id, "case")
    return _plan_form(
        request,
        SavingsPlanForm(posted(request), initial={"currency": "EUR"}),
        case=case,
        goal_id=goal.pk,
        save=partial(services.start_savings_plan, goal=goal, case=case, by=user),
        saved=_("The savings plan is started."),
        title=_("Start a savings plan"),
        caption=goal.title,
        intro=_("Save money step by step towards the goal."),
        submit_label=_("Start the savings plan"),
    )


def deposit_new(request: HttpRequest, savings_plan_id: int) -> HttpResponse:
    user = staff_user(request)
    plan, case = _for_planning(user, SavingsPlan, savings_plan_id, "goal__case")
    return _plan_form(
        request,
        DepositForm(posted(request)),
        case=case,
        goal_id=plan.goal_id,
        save=partial(services.add_deposit, savings_plan=plan, case=case, by=user),
        saved=_("The deposit is recorded."),
        title=_("Add a deposit"),
        caption=case.reference,
        intro=_("Target: %(amount)s %(currency)s") % {"amount": plan.target_amount, "currency": plan.currency},
        submit_label=_("Add the deposit"),
    )
