from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from carepath.access import policy
from carepath.consents import selectors, services
from carepath.consents.forms import ConsentForm, WithdrawConsentForm
from carepath.consents.models import Consent
from carepath.core import uploads
from carepath.core.concurrency import StaleEdit
from carepath.core.views import render_form, staff_user


def consent_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    form = ConsentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.record_consent(case=case, by=user, **form.cleaned_data)
        messages.success(request, _("The consent is recorded."))
        return redirect(case.get_absolute_url() + "#consent")
    return render_form(
        request,
        form,
        title=_("Record consent"),
        caption=case.reference,
        intro=_("Consent to the intervention binds the family and the services to a transparent process."),
        submit_label=_("Record the consent"),
        cancel_url=case.get_absolute_url(),
    )


def consent_withdraw(request: HttpRequest, consent_id: int) -> HttpResponse:
    user = staff_user(request)
    consent, case = policy.get_in_case(user, Consent, consent_id, policy.Do.MANAGE)
    form = WithdrawConsentForm(request.POST or None, consent=consent)
    stale: StaleEdit | None = None if consent.is_active else services.AlreadyWithdrawn()
    if request.method == "POST" and stale is None and form.is_valid():
        try:
            services.withdraw_consent(consent=consent, by=user, **form.cleaned_data)
        except services.AlreadyWithdrawn as error:
            stale = error
        else:
            messages.success(request, _("The consent is withdrawn."))
            return redirect(case.get_absolute_url() + "#consent")
    return render_form(
        request,
        form,
        title=_("Withdraw consent"),
        caption=f"{case.reference} · {consent.get_scope_display()}",
        intro=_("Once withdrawn, the consent no longer allows what it covered. It stays in the case history."),
        submit_label=_("Withdraw the consent"),
        cancel_url=case.get_absolute_url(),
        stale=stale,
    )


@require_GET
def consent_document(request: HttpRequest, consent_id: int) -> FileResponse:
    consent, scan, kind = selectors.scan_of(staff_user(request), consent_id)
    # The file name says nothing about the person; only the policy-checked URL serves it.
    response = FileResponse(
        scan, as_attachment=True, filename=f"consent-{consent.pk}{kind}", content_type=uploads.CONTENT_TYPES[kind]
    )
    response["Cache-Control"] = "private, no-store"
    return response
