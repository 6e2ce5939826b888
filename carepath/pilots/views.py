"""Pages of pilots: list, new, detail (the roadmap and what was learnt), edit. Thin: a form, a selector or a service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from carepath.access import policy
from carepath.core.concurrency import StaleEdit
from carepath.core.views import posted, render_form, staff_user
from carepath.pilots import roadmap, selectors, services
from carepath.pilots.forms import PilotEditForm, PilotFilterForm, PilotForm
from carepath.pilots.models import Pilot

LIST_LIMIT = 200
INTRO = gettext_lazy(
    "A pilot of service user involvement, following the five steps of SEMPRE's roadmap. "
    "Develop it together with your staff, the service users and your partners."
)


def pilot_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = PilotFilterForm(request.GET or None, user=user)
    pilots = list(selectors.pilot_list(user, **form.filters())[:LIST_LIMIT])
    may_write = policy.visible_learning_units(user).exists()
    return render(request, "pilots/pilot_list.html", {"form": form, "pilots": pilots, "may_write": may_write})


def pilot_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not policy.visible_learning_units(user).exists():
        raise PermissionDenied()  # an administrator outside any organisation has no unit to record for
    form = PilotForm(posted(request), user=user)
    if request.method == "POST" and form.is_valid():
        pilot = services.record_pilot(by=user, **form.pilot_fields())
        messages.success(request, _("The pilot is saved."))
        return redirect("pilots:pilot_detail", pilot.pk)
    return render_form(
        request,
        form,
        title=_("Start a pilot"),
        intro=str(INTRO),
        submit_label=_("Save the pilot"),
        cancel_url=reverse("pilots:pilot_list"),
    )


def pilot_detail(request: HttpRequest, pilot_id: int) -> HttpResponse:
    """A pilot names no service user: nothing personal to audit beyond a refusal."""
    pilot = selectors.get_pilot(staff_user(request), pilot_id)
    context = {
        "pilot": pilot,
        "steps": roadmap.progress(pilot),
        "records": selectors.pilot_records(pilot),
        "fields": roadmap.texts(pilot),
    }
    return render(request, "pilots/pilot_detail.html", context)


def pilot_edit(request: HttpRequest, pilot_id: int) -> HttpResponse:
    user = staff_user(request)
    pilot = selectors.get_pilot(user, pilot_id)
    form = PilotEditForm(posted(request), instance=pilot, user=user)
    stale = current = None
    if request.method == "POST" and form.is_valid():
        try:
            services.record_pilot(
                by=user, pilot=pilot, seen_version=form.cleaned_data["seen_version"], **form.pilot_fields()
            )
        except StaleEdit as error:
            stale, current = error, Pilot.objects.get(pk=pilot.pk)  # shown beside the kept input
        else:
            messages.success(request, _("The pilot is saved."))
            return redirect("pilots:pilot_detail", pilot.pk)
    return render_form(
        request,
        form,
        title=_("Change the pilot"),
        caption=current.title if current else pilot.title,
        submit_label=_("Save the pilot"),
        cancel_url=reverse("pilots:pilot_detail", args=[pilot.pk]),
        stale=stale,
    )
