from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.core.views import posted, render_form, staff_user
from carepath.notes import services
from carepath.notes.forms import ProgressNoteForm


def note_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.PLAN)  # 403 on a closed case, audited
    form = ProgressNoteForm(posted(request), case=case, initial={"goal": request.GET.get("goal")})
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
