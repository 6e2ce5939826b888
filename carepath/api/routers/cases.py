"""Cases: the caseload the token's user sees (paged, every person named is audited as listed) and one case."""

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from carepath.access import policy
from carepath.api.pagination import Page
from carepath.api.routers import With, problems, user_of
from carepath.api.schemas.cases import CaseDetail, CaseStatus, CaseSummary, Permissions
from carepath.cases import selectors
from carepath.cases.models import Case

router = Router(tags=["cases"])


@router.get("/cases", response=list[CaseSummary], openapi_extra=problems(), operation_id="list_cases")
@paginate(Page, names=lambda case: (case.person_id, case))
def list_cases(request: HttpRequest, status: CaseStatus = "open") -> object:
    """The cases you may see (on the team, referred to your organisation, or of a unit you lead), newest first."""
    cases = selectors.caseload_for(user_of(request), status=status)
    return cases.select_related("unit__organisation").order_by("-opened_at", "-pk")


@router.get("/cases/{case_id}", response=CaseDetail, openapi_extra=problems(404), operation_id="get_case")
def get_case(request: HttpRequest, case_id: int) -> CaseDetail:
    """One case. A provider without consent to share sees it as the referral needs (`access: referral`):
    the rest of the file then answers 403."""
    user = user_of(request)
    case = policy.get_case(user, case_id, policy.Do.REFERRAL)
    full = policy.may(user, policy.Do.VIEW, case)
    closed = case.status == Case.Status.CLOSED
    return CaseDetail.model_validate(
        With(
            case,
            access="full" if full else "referral",
            may=Permissions(
                view=full,
                manage=policy.may(user, policy.Do.MANAGE, case),
                plan=policy.may(user, policy.Do.PLAN, case),
            ),
            outcome=(case.outcome or None) if full else None,
            closure_reason=case.closure_reason if full and closed else None,
        )
    )
