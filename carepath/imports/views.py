from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from carepath.core.views import posted, render_form, staff_user, uploaded
from carepath.imports import services
from carepath.imports.columns import COLUMNS
from carepath.imports.forms import CaseloadFileForm
from carepath.imports.outcome import Outcome
from carepath.imports.selectors import may_import


@require_http_methods(["GET", "POST"])
def caseload_import(request: HttpRequest) -> HttpResponse:
    """Check a caseload file ("Check only") or import it ("Import"); either way the page lists every
    problem by row and column, or every case with what happens to it."""
    user = staff_user(request)
    if not may_import(user):
        raise PermissionDenied()
    form = CaseloadFileForm(posted(request), uploaded(request))
    outcome: Outcome | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        dry_run = "import" not in request.POST
        outcome = services.import_caseload(name=upload.name, content=upload.read(), by=user, dry_run=dry_run)
        if outcome.errors:
            count = len(outcome.errors)
            message = ngettext(
                "The file has %(count)d problem, so nothing was imported. See “Problems in the file” below.",
                "The file has %(count)d problems, so nothing was imported. See “Problems in the file” below.",
                count,
            )
            form.add_error("file", message % {"count": count})
    return render_form(
        request,
        form,
        title=_("Import a caseload"),
        template="imports/import.html",
        outcome=outcome,
        columns=COLUMNS,
    )
