from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core.views import render_form
from carepath.notes import services
from carepath.notes.forms import ProgressNoteForm


def _post(request: HttpRequest) -> QueryDict | None:
    """The posted data, even when empty: an empty post is a form with errors, not a blank page."""
    return request.POST if request.method == "POST" else None


def note_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    case = policy.get_case(user, case_id, policy.Do.PLAN)
    if case.status != Case.Status.OPEN:
        policy.record(user, AuditEvent.Action.DENIED, case, case=case)
        raise PermissionDenied()
    form = ProgressNoteForm(_post(request), case=case, initial={"goal": request.GET.get("goal")})
    if request.method == "POST" and form.is_valid():
        services.write_note(case=case, by=user, **form.cleaned_data)
        messages.success(request, _("The progress note is saved."))
        return redirect(f"{case.get_absolute_url()}#notes")
    return render_form(
        request,
        form,
        title=_("Write a progress note"),
        caption=case.reference,
        intro=_("Notes are dated and shared with the person, unless you restrict one with a reason."),
        submit_label=_("Save the note"),
        cancel_url=f"{case.get_absolute_url()}#notes",
    )
