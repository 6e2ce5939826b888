"""A report as a download: the same figures as its page, in CSV, XLSX or PDF."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.core.views import staff_user
from carepath.reports import exports, selectors

EXPORT = AuditEvent.Action.EXPORT


@require_GET
def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """Who may see the report may download it (build_report answers 403/404 otherwise).

    Figures alone name no one; the quotes are people's own words, so taking them away is audited:
    each quoted record (by build_report) and the download itself.
    """
    user = staff_user(request)
    try:
        report = selectors.build_report(slug, user, request.GET, audit_action=EXPORT)
    except ValidationError:  # a hand-made filter: the report page shows what is wrong with it
        return redirect(f"{reverse('reports:report', args=[slug])}?{request.GET.urlencode()}")
    kind = exports.FORMATS[fmt]  # the URL converter lets only known formats through
    content = kind.build(report)
    if report.voices:
        policy.record(user, EXPORT, what=f"reports.{report.slug}")
    response = HttpResponse(content, content_type=kind.content_type)
    name = exports.file_name(report, fmt, timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
