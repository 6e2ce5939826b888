"""Network meetings in the portal: when and where, who comes, what was decided and who does what.

Minutes restricted by staff are not shown; the page says so plainly. Every look is audited, so the
citizen sees in "who looked" when a relative read their meetings.
"""

from django.http import Http404, HttpRequest, HttpResponse

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.meetings import selectors
from carepath.portal.views import _page, portal_user

VIEW = AuditEvent.Action.VIEW


def meetings(request: HttpRequest, person_id: int) -> HttpResponse:
    user = portal_user(request)
    access = policy.get_portal_access(user, person_id, plan=True)
    policy.record(user, VIEW, what="meetings.networkmeeting", person_id=person_id)
    return _page(request, "portal/meetings.html", access, meetings=list(selectors.meetings_of_person(access.person)))


def meeting(request: HttpRequest, person_id: int, meeting_id: int) -> HttpResponse:
    user = portal_user(request)
    access = policy.get_portal_access(user, person_id, plan=True)
    found = selectors.meeting_of_person(access.person, meeting_id)
    if found is None:
        raise Http404()
    policy.record(user, VIEW, found, case_id=found.case_id, person_id=person_id)
    return _page(request, "portal/meeting.html", access, meeting=found)
