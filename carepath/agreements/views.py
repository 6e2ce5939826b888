from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.agreements import selectors, services
from carepath.agreements.forms import ActionFormSet, AgreementVersionForm
from carepath.core.views import render_form, staff_user


def agreement_history(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id)
    context = {
        "case": case,
        "versions": selectors.history_of(case),
        "can_manage": policy.may(user, policy.Do.MANAGE, case),
    }
    return render(request, "agreements/agreement_history.html", context)


def agreement_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    latest = selectors.current_version(case)
    if request.method == "POST":
        form = AgreementVersionForm(request.POST)
        actions = ActionFormSet(request.POST, prefix="actions")
    else:
        form = AgreementVersionForm(
            initial={
                "seen_version": latest.number if latest else 0,
                "accepted_by_family": latest.accepted_by_family if latest else "",
            }
        )
        actions = ActionFormSet(prefix="actions", initial=selectors.actions_to_renegotiate(latest))
    stale = None
    if request.method == "POST" and all([form.is_valid(), actions.is_valid()]):
        try:
            services.accept_version(case=case, by=user, actions=actions.cleaned_actions(), **form.cleaned_data)
        except services.VersionTaken as error:
            # render_form moves the form onto the version now in force, so saving again goes through.
            stale, latest = error, selectors.current_version(case)
        else:
            messages.success(request, _("The agreement is saved as a new version."))
            return redirect(case.get_absolute_url() + "#agreement")
    response = render_form(
        request,
        form,
        title=_("Renegotiate the agreement") if latest else _("Record the agreement"),
        caption=f"{case.reference} · {case.person}",
        submit_label=_("Save as a new version"),
        cancel_url=case.get_absolute_url(),
        stale=stale,
        template="agreements/agreement_form.html",
        actions=actions,
        latest=latest,
        case=case,
    )
    if actions.is_bound and not actions.is_valid() and response.status_code == 200:
        response.status_code = 400
    return response
