from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.core.concurrency import StaleEdit
from carepath.core.views import posted, render_form, staff_user
from carepath.people import services
from carepath.people.forms import PersonDetailsForm


def person_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    """Correct the details of the person a case is about (the authority's decision)."""
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    form = PersonDetailsForm(posted(request), instance=case.person)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_details(person=case.person, case=case, by=user, **form.cleaned_data)
        except StaleEdit as error:
            stale = error
        else:
            messages.success(request, _("The personal details are corrected."))
            return redirect(case.get_absolute_url())
    return render_form(
        request,
        form,
        title=_("Correct the personal details"),
        caption=case.reference,
        intro=_("Every person has the right to have wrong details corrected. The change is logged."),
        submit_label=_("Save the details"),
        cancel_url=case.get_absolute_url(),
        stale=stale,
    )
