"""The citizen and representative portal: phone-first pages in plain words.

Every page starts from policy.get_portal_access (checked on each request, so a revoked or expired
proxy stops at once) and writes what was looked at to the audit log.
"""

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from carepath.access import policy
from carepath.access.policy import PortalAccess
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.core.views import posted, private_inline_file
from carepath.goals.models import Goal
from carepath.plans.models import StepAttachment
from carepath.portal import selectors, services
from carepath.portal.forms import NoteForm, ProxyForm, ProxyLimitForm, WishForm
from carepath.portal.models import Proxy

VIEW = AuditEvent.Action.VIEW


def portal_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # LoginRequiredMiddleware and PortalSeparationMiddleware ran first
    return user


def _open(request: HttpRequest, person_id: int, what: str, **rules: bool) -> tuple[User, PortalAccess]:
    """The access to the file, with the look at `what` (a record type) written to the audit log."""
    user = portal_user(request)
    access = policy.get_portal_access(user, person_id, **rules)
    # A list page names the kind of record looked at; only the overview is about the person record itself.
    object_id = person_id if what == "people.person" else None
    policy.record(user, VIEW, what=what, object_id=object_id, person_id=person_id)
    return user, access


def _page(
    request: HttpRequest, template: str, access: PortalAccess, *, status: int = 200, **context: Any
) -> HttpResponse:
    """Render a portal page; a form with errors answers 400 and keeps what was typed."""
    files = policy.portal_files(portal_user(request))
    context = {"access": access, "person": access.person, "files": files, **context}
    return render(request, template, context, status=status)


def start(request: HttpRequest) -> HttpResponse:
    """Straight to the only file; otherwise choose whose file to open."""
    files = policy.portal_files(portal_user(request))
    if len(files) == 1:
        return redirect("portal:home", person_id=files[0].person.pk)
    return render(request, "portal/start.html", {"files": files})


def home(request: HttpRequest, person_id: int) -> HttpResponse:
    user, access = _open(request, person_id, "people.person")
    person = access.person
    context: dict[str, Any] = {
        "goals": selectors.goals(person),
        "next_evaluation": selectors.next_evaluation(person),
    }
    if access.sees_plan:
        context["steps"] = selectors.coming_steps(person)
        context["savings"] = selectors.savings_plans(person)
    return _page(request, "portal/home.html", access, **context)


def goals(request: HttpRequest, person_id: int) -> HttpResponse:
    user, access = _open(request, person_id, "goals.goal")
    context: dict[str, Any] = {
        "goals": selectors.goals(access.person),
        "next_evaluation": selectors.next_evaluation(access.person),
    }
    return _page(request, "portal/goals.html", access, **context)


def plan(request: HttpRequest, person_id: int) -> HttpResponse:
    user, access = _open(request, person_id, "plans.step", plan=True)
    context: dict[str, Any] = {
        "goals": selectors.plan(access.person),
        "savings": selectors.savings_plans(access.person),
    }
    return _page(request, "portal/plan.html", access, **context)


def notes(request: HttpRequest, person_id: int) -> HttpResponse:
    user, access = _open(request, person_id, "notes.progressnote", plan=True)
    case = selectors.current_case(access.person)
    form = NoteForm(posted(request), goals=Goal.objects.filter(pk__in=selectors.goal_ids(access.person)))
    if case is not None and request.method == "POST" and form.is_valid():
        services.write_note(case=case, by=user, text=form.cleaned_data["text"], goal=form.cleaned_data["goal"])
        messages.success(request, _("Your note is saved. Your team can read it."))
        return redirect("portal:notes", person_id=person_id)
    status = 400 if form.errors else 200
    context = {"notes": selectors.shared_notes(access.person), "form": form, "can_write": case is not None}
    return _page(request, "portal/notes.html", access, status=status, **context)


def wish(request: HttpRequest, person_id: int) -> HttpResponse:
    user, access = _open(request, person_id, "portal.wish", own_file_only=True)
    case = selectors.current_case(access.person)
    if case is None:
        raise Http404()
    form = WishForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.write_wish(case=case, by=user, text=form.cleaned_data["text"])
        messages.success(request, _("Your wish is sent to your case worker."))
        return redirect("portal:home", person_id=person_id)
    return _page(request, "portal/wish.html", access, form=form, status=400 if form.errors else 200)


def who_looked(request: HttpRequest, person_id: int) -> HttpResponse:
    user, access = _open(request, person_id, "audit.auditevent", own_file_only=True)
    events = selectors.who_looked(access.person, request.GET.get("page"))
    kinds = {label: selectors.record_type_name(label) for label in {e.what for e in events}}
    return _page(request, "portal/who_looked.html", access, events=events, kinds=kinds)


def proxies(request: HttpRequest, person_id: int) -> HttpResponse:
    user, access = _open(request, person_id, "portal.proxy", own_file_only=True)
    granted = selectors.proxies_granted(access.person)
    return _page(request, "portal/proxies.html", access, proxies=granted, today=timezone.localdate())


def proxy_new(request: HttpRequest, person_id: int) -> HttpResponse:
    user, access = _open(request, person_id, "portal.proxy", own_file_only=True)
    form = ProxyForm(posted(request), person=access.person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.grant_proxy(
            person=access.person,
            by=user,
            representative=data["representative"],
            relation=data["relation"],
            scope=data["scope"],
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
        )
        messages.success(request, _("Done. They can now follow your file."))
        return redirect("portal:proxies", person_id=person_id)
    return _page(request, "portal/proxy_form.html", access, form=form, status=400 if form.errors else 200)


def _proxy_of(access: PortalAccess, proxy_id: int) -> Proxy:
    return get_object_or_404(Proxy.objects.select_related("representative"), pk=proxy_id, person=access.person)


def proxy_limit(request: HttpRequest, person_id: int, proxy_id: int) -> HttpResponse:
    user, access = _open(request, person_id, "portal.proxy", own_file_only=True)
    proxy = _proxy_of(access, proxy_id)
    initial = {"scope": proxy.scope, "valid_until": proxy.valid_until}
    form = ProxyLimitForm(posted(request), initial=initial)
    if proxy.revoked_at is None and request.method == "POST" and form.is_valid():
        services.limit_proxy(proxy=proxy, by=user, **form.cleaned_data)
        messages.success(request, _("Done. The change works at once."))
        return redirect("portal:proxies", person_id=person_id)
    status = 400 if form.errors else 200
    return _page(request, "portal/proxy_form.html", access, status=status, form=form, proxy=proxy)


@require_POST
def proxy_revoke(request: HttpRequest, person_id: int, proxy_id: int) -> HttpResponse:
    user = portal_user(request)
    access = policy.get_portal_access(user, person_id, own_file_only=True)
    services.revoke_proxy(proxy=_proxy_of(access, proxy_id), by=user)
    messages.success(request, _("Done. They cannot see your file any more."))
    return redirect("portal:proxies", person_id=person_id)


def support(request: HttpRequest, person_id: int, attachment_id: int) -> FileResponse:
    """A picture or video of one of the person's steps; every look is audited."""
    user = portal_user(request)
    access = policy.get_portal_access(user, person_id, plan=True)
    attachment = get_object_or_404(
        StepAttachment.objects.select_related("step"),
        pk=attachment_id,
        step__goal__in=selectors.goal_ids(access.person),
    )
    response = private_inline_file(attachment.file)
    policy.record(user, VIEW, attachment, person_id=person_id)
    return response
