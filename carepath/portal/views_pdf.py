"""The citizen's plan as an easy-read PDF with its pictures, from the portal."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.plans import easy_read_pdf
from carepath.plans.views_pdf import pdf_response
from carepath.portal import selectors
from carepath.portal.views import portal_user


@require_GET
def plan_pdf(request: HttpRequest, person_id: int) -> HttpResponse:
    """The citizen, or a representative whose proxy covers the plan; audited as an export of the plan."""
    user = portal_user(request)
    access = policy.get_portal_access(user, person_id, plan=True)
    content = easy_read_pdf.easy_read_plan(name=str(access.person), goals=selectors.plan(access.person))
    policy.record(user, AuditEvent.Action.EXPORT, what="plans.step", person_id=person_id)
    return pdf_response(content)
