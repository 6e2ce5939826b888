from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import date as format_date
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.assessments import selectors, services
from carepath.assessments.forms import AssessmentForm, initial_from
from carepath.core.views import render_form, staff_user


def assessment_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    previous = selectors.latest_of(case)
    form = AssessmentForm(request.POST or None, initial=initial_from(previous))
    if request.method == "POST" and form.is_valid():
        services.assess(case=case, by=user, **form.cleaned_data)
        messages.success(request, _("The assessment is recorded."))
        return redirect(case.get_absolute_url() + "#assessment")
    intro = _("Assess what the person can do in daily life, by functional level, never by diagnosis.")
    if previous is not None:
        intro += " " + _(
            "The answers of the assessment of %(day)s are filled in: change only what is different now."
        ) % {"day": format_date(previous.assessed_on, "DATE_FORMAT")}
    return render_form(
        request,
        form,
        title=_("New assessment of functional ability"),
        caption=f"{case.reference} · {case.person}",
        intro=intro,
        submit_label=_("Record the assessment"),
        cancel_url=case.get_absolute_url(),
    )
