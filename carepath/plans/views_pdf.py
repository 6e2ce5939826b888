"""The case's plan as an easy-read PDF, for staff to print or send to the citizen."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.core.views import staff_user
from carepath.plans import easy_read_pdf


@require_GET
def plan_pdf(request: HttpRequest, case_id: int) -> HttpResponse:
    """For who may see the whole file; the download is audited as an export of the plan."""
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.VIEW, audit_view=False)
    content = easy_read_pdf.easy_read_plan(name=str(case.person), goals=easy_read_pdf.goals_of_case(case))
    policy.record(user, AuditEvent.Action.EXPORT, what="plans.step", case=case)
    return pdf_response(content)


def pdf_response(content: bytes) -> HttpResponse:
    """A download that says nothing about whose plan it is, and that no cache keeps."""
    response = HttpResponse(content, content_type="application/pdf")
    name = easy_read_pdf.file_name(timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
