from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.cases.models import Case
from carepath.core.concurrency import StaleEdit
from carepath.core.views import render_form, staff_user
from carepath.goals import services
from carepath.goals.forms import EditGoalForm, GoalStatusForm, NewGoalForm
from carepath.goals.models import Goal
from carepath.portal.models import Wish


def _wish_of(case: Case, wish_id: str | None) -> Wish | None:
    """A wish of this case not yet taken up (a goal started from the portal), else None."""
    if not wish_id or not wish_id.isdigit():
        return None
    return case.wishes.filter(pk=wish_id, taken_up_in__isnull=True).first()


def goal_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    wish = _wish_of(case, request.GET.get("wish") or request.POST.get("wish"))
    initial = {"citizen_words": wish.text, "proposed_by": Goal.ProposedBy.CITIZEN} if wish else {}
    form = NewGoalForm(request.POST or None, case=case, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.create_goal(case=case, by=user, wish=wish, **form.cleaned_data)
        messages.success(request, _("The goal is set."))
        return redirect(case.get_absolute_url() + "#goals")
    return render_form(
        request,
        form,
        title=_("Set a goal with the citizen"),
        caption=f"{case.reference} · {case.person}",
        intro=_("Start from the citizen's wish or dream, in their words; then say what it means in practice."),
        submit_label=_("Save the goal"),
        cancel_url=case.get_absolute_url(),
    )


def goal_edit(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = staff_user(request)
    goal, case = policy.get_in_case(user, Goal, goal_id, policy.Do.MANAGE)
    form = EditGoalForm(request.POST or None, instance=goal, case=case, user=user)
    stale = current = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_goal(goal=goal, by=user, **form.cleaned_data)
        except StaleEdit as error:
            stale, current = error, Goal.objects.get(pk=goal.pk)  # shown beside the kept input
        else:
            messages.success(request, _("The goal is saved."))
            return redirect(case.get_absolute_url() + "#goals")
    return render_form(
        request,
        form,
        title=_("Change the goal"),
        caption=f"{case.reference} · {case.person}",
        submit_label=_("Save the goal"),
        cancel_url=case.get_absolute_url(),
        stale=stale,
        current=current,
        template="goals/goal_form.html",
    )


def goal_status(request: HttpRequest, goal_id: int) -> HttpResponse:
    user = staff_user(request)
    goal, case = policy.get_in_case(user, Goal, goal_id, policy.Do.MANAGE)
    form = GoalStatusForm(request.POST or None, instance=goal)
    stale = current = None
    if request.method == "POST" and form.is_valid():
        try:
            services.change_status(goal=goal, by=user, **form.cleaned_data)
        except StaleEdit as error:
            stale, current = error, Goal.objects.get(pk=goal.pk)
        else:
            messages.success(request, _("The status of the goal is saved."))
            return redirect(case.get_absolute_url() + "#goals")
    return render_form(
        request,
        form,
        title=_("Where does the goal stand?"),
        caption=goal.title,
        submit_label=_("Save the status"),
        cancel_url=case.get_absolute_url(),
        stale=stale,
        current=current,
        template="goals/goal_form.html",
    )
