from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.core.views import render_form, staff_user
from carepath.evaluations import selectors, services
from carepath.evaluations.forms import PlanEvaluationForm, RecordEvaluationForm
from carepath.evaluations.models import EvaluationMoment


def evaluation_plan(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    form = PlanEvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.plan_evaluation(case=case, by=user, planned_on=form.cleaned_data["planned_on"])
        messages.success(request, _("The evaluation moment is planned."))
        return redirect(f"{case.get_absolute_url()}#evaluations")
    return render_form(
        request,
        form,
        title=_("Plan an evaluation moment"),
        caption=case.reference,
        intro=_("Agree with the citizen or the family when you will look together at what was achieved."),
        submit_label=_("Plan the moment"),
        cancel_url=f"{case.get_absolute_url()}#evaluations",
    )


def evaluation_record(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    user = staff_user(request)
    evaluation, case = policy.get_in_case(user, EvaluationMoment, evaluation_id, policy.Do.MANAGE)
    goals = selectors.goals_to_evaluate(evaluation=evaluation)
    form = RecordEvaluationForm(
        request.POST or None,
        evaluation=evaluation,
        goals=goals,
        quality_of_life=selectors.previous_quality_of_life(evaluation=evaluation),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.record_evaluation(
            evaluation=evaluation,
            by=user,
            held_on=data["held_on"],
            citizen_words=data["citizen_words"],
            answers=form.answers(),
            quality_of_life=form.quality_of_life(),
            satisfaction=data["satisfaction"],
            citizen_view=data["citizen_view"],
        )
        messages.success(request, _("The evaluation is recorded."))
        return redirect(f"{case.get_absolute_url()}#evaluations")
    intro = _("Planned for %(date)s. Fill it in with the citizen; only how far each goal was reached is needed.") % {
        "date": date_format(evaluation.planned_on, "DATE_FORMAT")
    }
    if not goals:
        intro += " " + _("This case has no goals to evaluate yet.")
    return render_form(
        request,
        form,
        title=_("Record the evaluation"),
        caption=case.reference,
        intro=intro,
        submit_label=_("Save the evaluation"),
        cancel_url=f"{case.get_absolute_url()}#evaluations",
        template="evaluations/record.html",
        citizen_view_in_portal=evaluation.citizen_view_in_portal,
    )
