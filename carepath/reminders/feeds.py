"""The iCalendar feeds (RFC 5545): a professional's steps, deadlines and network meetings, a
citizen's own steps and meetings.

Each fetch is a read of the files it lists, so it is audited like a page: one "view" per case (or
signal) a professional's feed lists, one "view" of the plan's steps (and one of the meetings, when
there are any) for a citizen's feed. Steps and deadlines are whole-day events, meetings timed ones.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from carepath.access import policy
from carepath.accounts.models import Role, User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, Signal
from carepath.meetings.models import NetworkMeeting
from carepath.reminders import selectors


def calendar_of(owner: User) -> bytes:
    """The feed of `owner`: a citizen's own steps, or a professional's steps and deadlines."""
    if owner.role == Role.CITIZEN:
        return _citizen(owner)
    return _staff(owner)


def _staff(owner: User) -> bytes:
    found = selectors.staff_calendar(owner)
    calendar = _calendar(_("Carepath: my steps and deadlines"))
    cases: dict[int, Case] = {}
    signals: dict[int, Signal] = {}
    for step in found.steps:
        case = step.goal.case
        cases[case.pk] = case
        calendar.add_component(_event(
            uid=f"step-{step.pk}", day=step.due_on, summary=f"{case.reference}: {step.what}",
            description=_("A step of the plan of case %(reference)s.") % {"reference": case.reference},
            path=case.get_absolute_url(),
        ))
    for deadline in found.deadlines:
        of_case: Case | None = getattr(deadline.signal, "case", None)
        if of_case is not None:
            cases[of_case.pk] = of_case
            reference, path = of_case.reference, of_case.get_absolute_url()
        else:
            signals[deadline.signal_id] = deadline.signal
            reference = str(deadline.signal)
            path = reverse("cases:signal_detail", kwargs={"signal_id": deadline.signal_id})
        calendar.add_component(_event(
            uid=f"deadline-{deadline.pk}", day=deadline.due_on, summary=f"{reference}: {deadline.label}",
            description=_("A deadline of %(reference)s.") % {"reference": reference}, path=path,
        ))
    for meeting in found.meetings:
        cases[meeting.case_id] = meeting.case
        calendar.add_component(_meeting_event(
            meeting, summary=f"{meeting.case.reference}: {meeting.title}",
            description=_("A network meeting of case %(reference)s.") % {"reference": meeting.case.reference},
            path=meeting.get_absolute_url(),
        ))
    for case in cases.values():
        policy.record(owner, AuditEvent.Action.VIEW, case, case=case)
    for signal in signals.values():
        policy.record(owner, AuditEvent.Action.VIEW, signal, person_id=signal.person_id)
    return calendar.to_ical()


def _citizen(owner: User) -> bytes:
    steps = selectors.citizen_steps(owner)
    calendar = _calendar(_("My plan"))
    for step in steps:
        calendar.add_component(_event(
            uid=f"step-{step.pk}", day=step.due_on, summary=step.what,
            description=_("A step of your plan. Who: %(who)s") % {"who": step.who},
            path=reverse("portal:plan", kwargs={"person_id": owner.person_id}),
        ))
    meetings = selectors.citizen_meetings(owner)
    for meeting in meetings:
        calendar.add_component(_meeting_event(
            meeting, summary=meeting.title, description=_("A meeting about your plan, with your family and your team."),
            path=reverse("portal:meeting", kwargs={"person_id": owner.person_id, "meeting_id": meeting.pk}),
        ))
    if owner.person_id is not None:
        policy.record(owner, AuditEvent.Action.VIEW, what="plans.step", person_id=owner.person_id)
        if meetings:
            policy.record(owner, AuditEvent.Action.VIEW, what="meetings.networkmeeting", person_id=owner.person_id)
    return calendar.to_ical()


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Carepath//Calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _meeting_event(meeting: NetworkMeeting, *, summary: str, description: str, path: str) -> Event:
    """A timed event from the meeting's start to its end, at its place."""
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@carepath")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", summary)
    event.add("description", description)
    if meeting.place:
        event.add("location", meeting.place)
    event.add("url", settings.CAREPATH_SITE_URL.rstrip("/") + path)
    return event


def _event(*, uid: str, day: datetime.date, summary: str, description: str, path: str) -> Event:
    """A whole-day event on the due date, with a link to the page (behind the sign-in)."""
    event = Event()
    event.add("uid", f"{uid}@carepath")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", settings.CAREPATH_SITE_URL.rstrip("/") + path)
    return event
