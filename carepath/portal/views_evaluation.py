"""The citizen's own view of how it is going, on five faces: one question, never a questionnaire.

Only the citizen themselves answers it (their own file, not a representative): it is their voice.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.core.views import posted
from carepath.evaluations import selectors, services
from carepath.evaluations.forms import CitizenViewForm


def my_view(request: HttpRequest, person_id: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # LoginRequiredMiddleware and PortalSeparationMiddleware ran first
    access = policy.get_portal_access(user, person_id, own_file_only=True)
    moment = selectors.moment_for_citizen_view(person=access.person)
    policy.record(
        user,
        AuditEvent.Action.VIEW,
        moment,
        what="evaluations.evaluationmoment",
        case_id=moment.case_id if moment else None,
        person_id=person_id,
    )
    initial = {"view": moment.citizen_view, "words": moment.citizen_words} if moment else {}
    form = CitizenViewForm(posted(request), initial=initial)
    if moment is not None and request.method == "POST" and form.is_valid():
        services.give_citizen_view(
            evaluation=moment, by=user, view=form.cleaned_data["view"], words=form.cleaned_data["words"]
        )
        messages.success(request, _("Thank you. Your team will see how it is going for you."))
        return redirect("portal:home", person_id=person_id)
    context = {
        "access": access,
        "person": access.person,
        "files": policy.portal_files(user),
        "moment": moment,
        "form": form,
    }
    return render(request, "portal/my_view.html", context, status=400 if form.errors else 200)
