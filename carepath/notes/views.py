from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.core.keyset import cursor, keyset_page
from carepath.core.views import posted, render_form, staff_user
from carepath.notes import services
from carepath.notes.forms import ProgressNoteForm

NOTES_PAGE = 50


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


def note_list(request: HttpRequest, case_id: int) -> HttpResponse:
    """Every progress note of the case, newest first, a page at a time (the case page shows the latest)."""
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.VIEW)  # audited as a view of the case
    notes = case.notes.select_related("written_by", "goal", "step")
    page = keyset_page(notes, order="-written_at", after=cursor(request.GET.get("after")), size=NOTES_PAGE)
    return render(request, "notes/note_list.html", {"case": case, "notes": page.items, "page": page})
