"""People: a person is reached only through a case the token's user may see, as on the case page."""

from django.http import HttpRequest
from ninja import Router

from carepath.access import policy
from carepath.api.routers import problems, user_of
from carepath.api.schemas.people import Person
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case

router = Router(tags=["people"])


@router.get("/cases/{case_id}/person", response=Person, openapi_extra=problems(403, 404), operation_id="get_person")
def get_person(request: HttpRequest, case_id: int) -> object:
    """The person the case is about, with their contact details; the look is audited as a look at the person."""
    user = user_of(request)
    queryset = policy.visible_cases(user).select_related("person__household")
    case: Case = policy.get_case(user, case_id, policy.Do.VIEW, queryset=queryset, audit_view=False)
    policy.record(user, AuditEvent.Action.VIEW, case.person, case=case)
    return case.person
