"""The reminders list, the pages to make and stop one's calendar address, and the feed itself."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from carepath.access import policy
from carepath.accounts.models import User
from carepath.core.keyset import cursor, keyset_page
from carepath.reminders import feeds, selectors, services

STEP_PAGE = 50  # rows per page of the team view's steps
LIST_LIMIT = 100  # the newest; older reminders are history, their deadlines and steps are on the dashboard


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # LoginRequiredMiddleware and PortalSeparationMiddleware ran first
    return user


def reminder_list(request: HttpRequest) -> HttpResponse:
    """The signed-in professional's reminders, newest first; a POST marks one (or all) as read.

    A reminder shows a case reference, a deadline's label and a date, no content of the file, so the
    list writes nothing to the audit log: the case page it links to does."""
    user = _user(request)
    if request.method == "POST":
        chosen = request.POST.get("reminder", "")
        services.mark_read(user=user, reminder_id=int(chosen) if chosen.isdigit() else None)
        return redirect("reminders:list")
    reminders = list(selectors.reminders_of(user)[:LIST_LIMIT])
    unread = selectors.unread_count(user)
    context = {"reminders": reminders, "unread": unread, "today": timezone.localdate()}
    return render(request, "reminders/list.html", context)


def team_due(request: HttpRequest) -> HttpResponse:
    """Due and overdue in the cases the user answers for: counts of the legal deadlines (listed on the
    deadlines page) and the agreed steps themselves, earliest first, a page at a time."""
    user = _user(request)
    today = timezone.localdate()
    horizon = today + datetime.timedelta(days=settings.CAREPATH_REMINDER_LEAD_DAYS)
    due = selectors.team_due(user, today=today, horizon=horizon)
    page = keyset_page(due.steps, order="due_on", after=cursor(request.GET.get("after")), size=STEP_PAGE)
    policy.record_listed(user, [(s.goal.case.person_id, s.goal.case) for s in page.items])
    context = {"due": due, "steps": page.items, "page": page, "today": today, "horizon": horizon}
    return render(request, "reminders/team_due.html", context)


def calendar(request: HttpRequest) -> HttpResponse:
    """A professional's secret calendar address: make one (shown once), or stop it."""
    user = _user(request)
    token = _act(request, user)
    if token is None and request.method == "POST":
        return redirect("reminders:calendar")
    return render(request, "reminders/calendar.html", _calendar_context(request, user, token))


def portal_calendar(request: HttpRequest, person_id: int) -> HttpResponse:
    """The same for a citizen, in the portal and in plain words: their own file only."""
    user = _user(request)
    access = policy.get_portal_access(user, person_id, own_file_only=True)
    token = _act(request, user)
    if token is None and request.method == "POST":
        return redirect("reminders:portal_calendar", person_id=person_id)
    context = {
        **_calendar_context(request, user, token),
        "access": access,
        "person": access.person,
        "files": policy.portal_files(user),
    }
    return render(request, "reminders/portal_calendar.html", context)


def _act(request: HttpRequest, user: User) -> str | None:
    """Make a new address (returns its secret, to show once) or stop the current one."""
    if request.method != "POST":
        return None
    if request.POST.get("action") == "new":
        return services.create_feed(owner=user)[1]
    if request.POST.get("action") == "stop":
        services.revoke_feed(owner=user)
        messages.success(request, _("Done. The calendar address does not work any more."))
    return None


def _calendar_context(request: HttpRequest, user: User, token: str | None) -> dict[str, object]:
    address = request.build_absolute_uri(reverse("reminders:feed", kwargs={"feed_token": token})) if token else ""
    return {"feed": selectors.active_feed(user), "address": address}


@require_GET
def feed(request: HttpRequest, feed_token: str) -> HttpResponse:
    """The calendar itself, for calendar apps: no sign-in, the secret is the key. 404 when it is
    unknown or stopped, or its owner's account is closed; each fetch is audited (feeds.py)."""
    found = selectors.feed_by_token(feed_token)
    if found is None:
        raise Http404()
    response = HttpResponse(feeds.calendar_of(found.owner), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
