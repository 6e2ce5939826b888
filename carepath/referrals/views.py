from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.core.keyset import cursor
from carepath.core.views import posted, render_form, staff_user
from carepath.goals.models import Goal
from carepath.referrals import selectors, services
from carepath.referrals.forms import AnswerForm, EndReferralForm, ReferralForm, ReferralPracticeForm
from carepath.referrals.models import Referral

CONFLICT = 409


def _section(case_url: str) -> str:
    return f"{case_url}#referrals"


def referral_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    chosen = request.GET.get("service", "")
    form = ReferralForm(posted(request), case=case, initial={"service": chosen} if chosen.isdigit() else {})
    if request.method == "POST" and form.is_valid():
        try:
            services.refer(case=case, by=user, **form.cleaned_data)
        except services.ReferralRefused as refused:
            form.add_error("service", refused.message)
        else:
            messages.success(request, _("The referral is sent. The provider will accept or decline it."))
            return redirect(_section(case.get_absolute_url()))
    return render_form(
        request,
        form,
        title=_("New referral"),
        caption=case.reference,
        intro=_("Refer the person to a service that fits their goals and functional level."),
        submit_label=_("Send the referral"),
        cancel_url=_section(case.get_absolute_url()),
        template="referrals/referral_form.html",
        case=case,
        suggestions=selectors.suggest_services(case),
        has_goals=selectors.case_goals(case).filter(status=Goal.Status.ACTIVE).exists(),
        level=selectors.latest_level(case),
    )


def inbox(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    page = selectors.inbox(user, after=cursor(request.GET.get("after")))
    policy.record_listed(user, [(r.case.person_id, r.case) for r in page.items])
    context = {"referrals": page.items, "page": page, "services": selectors.services_of_my_organisation(user)}
    return render(request, "referrals/inbox.html", context)


def referral_answer(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = staff_user(request)
    referral, case = policy.get_in_case(user, Referral, referral_id, policy.Do.REFERRAL)
    if not services.may_answer(user, referral):
        policy.record(user, AuditEvent.Action.DENIED, referral, case=case)
        raise PermissionDenied()
    form = AnswerForm(posted(request))
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["decision"] == AnswerForm.Decision.ACCEPT:
                services.accept_referral(referral=referral, by=user)
                messages.success(request, _("The referral is accepted. You are now on the case team."))
                return redirect(case.get_absolute_url())
            services.decline_referral(referral=referral, by=user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The referral is declined. The case worker sees your reason."))
            return redirect("referrals:inbox")
        except services.ReferralRefused as refused:
            form.add_error(None, refused.message)
            status = CONFLICT
            referral.refresh_from_db()
    elif form.errors:
        status = 400
    context = {
        "referral": referral,
        "case": case,
        "form": form,
        "load": selectors.service_load(referral.service_id),
        "goals": list(referral.goals.all()),
    }
    return render(request, "referrals/referral_answer.html", context, status=status)


def referral_end(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = staff_user(request)
    referral, case = policy.get_in_case(user, Referral, referral_id, policy.Do.MANAGE)
    form = EndReferralForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.end_referral(referral=referral, by=user)
        except services.ReferralRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The referral is ended."))
            return redirect(_section(case.get_absolute_url()))
    pending = referral.status == Referral.Status.PENDING
    response = render_form(
        request,
        form,
        title=_("Withdraw the referral") if pending else _("End the referral"),
        caption=case.reference,
        intro=_("The provider no longer sees the case through this referral. Staff on the case team keep access."),
        submit_label=_("Withdraw the referral") if pending else _("End the referral"),
        cancel_url=_section(case.get_absolute_url()),
        template="referrals/referral_end.html",
        referral=referral,
    )
    if form.non_field_errors():
        response.status_code = CONFLICT
    return response


def referral_practice(request: HttpRequest, referral_id: int) -> HttpResponse:
    """Name the practice from the library that the provider's plan for this referral applies."""
    user = staff_user(request)
    referral, case = policy.get_in_case(user, Referral, referral_id, policy.Do.PLAN)
    form = ReferralPracticeForm(posted(request), instance=referral)
    if request.method == "POST" and form.is_valid():
        services.name_practice(referral=referral, practice=form.cleaned_data["practice"], by=user)
        messages.success(request, _("The practice the plan applies is saved."))
        return redirect(_section(case.get_absolute_url()))
    return render_form(
        request,
        form,
        title=_("The practice this plan applies"),
        caption=f"{case.reference}: {referral.service.name}",
        intro=_(
            "Name the practice from the library that the service's plan applies. The practice then counts this "
            "case's outcomes, without any personal data, if your organisation shares its figures."
        ),
        submit_label=_("Save"),
        cancel_url=_section(case.get_absolute_url()),
    )
