"""Reads of network meetings. Callers have the case or the portal access from the access policy first."""

from django.db.models import Prefetch, QuerySet

from carepath.cases.models import Case
from carepath.meetings.models import MeetingAction, MeetingParticipant, NetworkMeeting
from carepath.people.models import Person


def meetings_of_case(case: Case) -> QuerySet[NetworkMeeting]:
    """A case's meetings, newest first, as a list or the case page shows them (one query)."""
    return NetworkMeeting.objects.filter(case_id=case.pk).order_by("-starts_at", "-pk")


def with_details(meetings: QuerySet[NetworkMeeting]) -> QuerySet[NetworkMeeting]:
    """Everything a meeting page shows, in a fixed number of queries however many take part."""
    participants = MeetingParticipant.objects.select_related("user__organisation").order_by("kind", "pk")
    actions = MeetingAction.objects.select_related("owner", "goal", "step").order_by("due_on", "pk")
    return meetings.select_related("created_by").prefetch_related(
        Prefetch("participants", queryset=participants), "decisions", Prefetch("actions", queryset=actions)
    )


def meeting_page(meeting_id: int) -> NetworkMeeting:
    """The meeting with its participants, decisions and actions (the caller checked access to it)."""
    return with_details(NetworkMeeting.objects.filter(pk=meeting_id)).get()


def meetings_of_person(person: Person) -> QuerySet[NetworkMeeting]:
    """The meetings of all the person's cases, for the portal, newest first."""
    return NetworkMeeting.objects.filter(case__person_id=person.pk).order_by("-starts_at", "-pk")


def meeting_of_person(person: Person, meeting_id: int) -> NetworkMeeting | None:
    """One meeting of the person's cases with what the portal shows, or None (a 404)."""
    return with_details(meetings_of_person(person).filter(pk=meeting_id)).first()
