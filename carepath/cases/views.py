from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from carepath.access import policy
from carepath.cases import selectors, services
from carepath.cases.forms import CloseCaseForm, SignalForm, TeamMemberForm, TriageForm
from carepath.cases.models import Case, Deadline, Signal
from carepath.core.concurrency import StaleEdit
from carepath.core.keyset import cursor, keyset_page
from carepath.core.views import render_form, staff_user
from carepath.referrals import selectors as referral_selectors

LIST_PAGE = 50  # rows per page of the case, signal and deadline lists


def signal_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if user.role not in policy.AUTHORITY_ROLES or user.unit is None:
        raise PermissionDenied()
    form = SignalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        signal = services.receive_signal(by=user, unit=user.unit, **form.cleaned_data)
        messages.success(request, _("The signal is recorded. Decide now or later whether to open a case."))
        return redirect("cases:signal_detail", signal_id=signal.pk)
    return render_form(
        request,
        form,
        title=_("New signal"),
        intro=_("Write down what you were told. The deadlines of the case type start today."),
        submit_label=_("Record the signal"),
    )


def signal_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if user.role not in policy.AUTHORITY_ROLES:
        raise PermissionDenied()
    page = keyset_page(
        selectors.signals_waiting_for(user), order="received_at", after=cursor(request.GET.get("after")), size=LIST_PAGE
    )
    policy.record_listed(user, [(s.person_id, None) for s in page.items])
    return render(request, "cases/signal_list.html", {"signals": page.items, "page": page})


def deadline_list(request: HttpRequest) -> HttpResponse:
    """Every open deadline of the user's signals and cases, earliest first (the dashboard shows the first few)."""
    user = staff_user(request)
    page = keyset_page(
        selectors.open_deadlines_for(user), order="due_on", after=cursor(request.GET.get("after")), size=LIST_PAGE
    )
    policy.record_listed(user, [(d.signal.person_id, None) for d in page.items])
    context = {"deadlines": page.items, "page": page, "today": timezone.localdate()}
    return render(request, "cases/deadline_list.html", context)


def signal_detail(request: HttpRequest, signal_id: int) -> HttpResponse:
    user = staff_user(request)
    signal = policy.get_signal(user, signal_id)
    form = TriageForm(request.POST or None)
    if request.method == "POST":
        if signal.status != Signal.Status.NEW:
            raise PermissionDenied()
        if form.is_valid():
            if form.cleaned_data["decision"] == TriageForm.Decision.OPEN:
                case = services.open_case(signal=signal, by=user)
                opened = _("Case %(ref)s is open. You are its case manager.") % {"ref": case.reference}
                messages.success(request, opened)
                return redirect("cases:case_detail", case_id=case.pk)
            services.close_signal(signal=signal, by=user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The signal is closed."))
            return redirect("cases:signal_list")
    deadlines = Deadline.objects.filter(signal=signal)
    return render(
        request,
        "cases/signal_detail.html",
        {"signal": signal, "form": form, "deadlines": deadlines},
        status=400 if form.errors else 200,
    )


def case_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", Case.Status.OPEN)
    if status not in Case.Status.values:
        status = Case.Status.OPEN
    user = staff_user(request)
    page = keyset_page(
        selectors.caseload_for(user, status=status),
        order="-opened_at",
        after=cursor(request.GET.get("after")),
        size=LIST_PAGE,
    )
    policy.record_listed(user, [(c.person_id, c) for c in page.items])
    context = {"cases": page.items, "page": page, "status": status, "page_query": f"status={status}&"}
    return render(request, "cases/case_list.html", context)


def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    # The history starts with the signal: read with the case (prepared statements plan the join once
    # per connection, docs/scaling.md) rather than by a query of its own.
    with_signal = policy.visible_cases(user).select_related("signal")
    case = policy.get_case(user, case_id, policy.Do.REFERRAL, queryset=with_signal)
    if not policy.may(user, policy.Do.VIEW, case):
        referrals = referral_selectors.referrals_to_my_organisation(case, user)
        return render(request, "cases/case_referral_only.html", {"case": case, "referrals": referrals})
    overview = selectors.case_overview(case=case, user=user, notes=selectors.NOTES_ON_CASE_PAGE)
    return render(request, "cases/case_detail.html", {"o": overview, "case": case})


def case_history(request: HttpRequest, case_id: int) -> HttpResponse:
    """The whole history of the case; the case page shows its latest entries."""
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.VIEW)
    overview = selectors.case_overview(case=case, user=user, notes=None)
    return render(request, "cases/case_history.html", {"o": overview, "case": case})


def case_close(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    form = CloseCaseForm(request.POST or None, instance=case)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.close_case(case=case, by=user, **form.cleaned_data)
        except StaleEdit as error:
            stale = error
        else:
            messages.success(request, _("The case is closed."))
            return redirect("cases:case_detail", case_id=case.pk)
    return render_form(
        request,
        form,
        title=_("Close the case"),
        caption=case.reference,
        intro=_("Close the case when the goals are reached or the person manages on their own."),
        submit_label=_("Close the case"),
        cancel_url=case.get_absolute_url(),
        stale=stale,
    )


def team_add(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_team_member(case=case, by=user, **form.cleaned_data)
        messages.success(request, _("The team is updated."))
        return redirect("cases:case_detail", case_id=case.pk)
    return render_form(
        request,
        form,
        title=_("Add to the case team"),
        caption=case.reference,
        submit_label=_("Add to the team"),
        cancel_url=case.get_absolute_url(),
    )


@require_POST
def deadline_done(request: HttpRequest, deadline_id: int) -> HttpResponse:
    user = staff_user(request)
    deadline = policy.get_deadline(user, deadline_id)
    services.complete_deadline(deadline=deadline, by=user)
    messages.success(request, _("The deadline is marked as met."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("dashboard:home")
    return redirect(next_url)
