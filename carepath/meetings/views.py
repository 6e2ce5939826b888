from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from carepath.access import policy
from carepath.cases.models import Case
from carepath.core.concurrency import StaleEdit
from carepath.core.views import posted, render_form, staff_user
from carepath.meetings import selectors, services
from carepath.meetings.forms import ActionFormSet, MeetingForm, initial_of
from carepath.meetings.models import NetworkMeeting


def meeting_list(request: HttpRequest, case_id: int) -> HttpResponse:
    """Every network meeting of the case, newest first."""
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.VIEW)  # audited as a view of the case
    context = {
        "case": case,
        "meetings": selectors.meetings_of_case(case),
        "can_plan": policy.may(user, policy.Do.PLAN, case),
    }
    return render(request, "meetings/meeting_list.html", context)


def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = staff_user(request)
    found, case = policy.get_in_case(user, NetworkMeeting, meeting_id, policy.Do.VIEW)  # the look is audited
    context = {
        "case": case,
        "meeting": selectors.meeting_page(found.pk),
        "can_plan": policy.may(user, policy.Do.PLAN, case),
    }
    return render(request, "meetings/meeting_detail.html", context)


def meeting_new(request: HttpRequest, case_id: int) -> HttpResponse:
    user = staff_user(request)
    case = policy.get_case(user, case_id, policy.Do.PLAN)  # 403 on a closed case, audited
    initial = {"seen_version": 0, "professionals": [user.pk], "citizen_takes_part": True}
    form = MeetingForm(posted(request), case=case, initial=initial)
    actions = ActionFormSet(posted(request), prefix="actions", case=case)
    if request.method == "POST" and all([form.is_valid(), actions.is_valid()]):
        services.plan_meeting(case=case, by=user, **_saved(form, actions))
        messages.success(request, _("The network meeting is saved."))
        return redirect(f"{case.get_absolute_url()}#meetings")
    return _form_page(request, form, actions, case=case, title=_("Plan a network meeting"))


def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = staff_user(request)
    found, case = policy.get_in_case(user, NetworkMeeting, meeting_id, policy.Do.PLAN)
    meeting = selectors.meeting_page(found.pk)
    taking_part = [p.user_id for p in meeting.participants.all() if p.user_id is not None]
    form = MeetingForm(posted(request), case=case, taking_part=taking_part, initial=initial_of(meeting))
    actions = ActionFormSet(posted(request), prefix="actions", case=case)
    stale = None
    if request.method == "POST" and all([form.is_valid(), actions.is_valid()]):
        try:
            services.update_meeting(
                meeting=meeting,
                case=case,
                by=user,
                seen_version=form.cleaned_data["seen_version"],
                **_saved(form, actions),
            )
        except StaleEdit as error:
            stale = error
        else:
            messages.success(request, _("The network meeting is saved."))
            return redirect(meeting.get_absolute_url())
    return _form_page(
        request, form, actions, case=case, title=_("Change the network meeting"), meeting=meeting, stale=stale
    )


def _saved(form: MeetingForm, actions: Any) -> dict[str, Any]:
    return {
        "fields": form.meeting_fields(),
        "participants": form.participants(),
        "decisions": form.decision_texts(),
        "actions": actions.cleaned_actions(),
    }


def _form_page(
    request: HttpRequest,
    form: MeetingForm,
    actions: Any,
    *,
    case: Case,
    title: str,
    meeting: NetworkMeeting | None = None,
    stale: StaleEdit | None = None,
) -> HttpResponse:
    response = render_form(
        request,
        form,
        title=title,
        caption=f"{case.reference} · {case.person}",
        submit_label=_("Save the meeting"),
        cancel_url=meeting.get_absolute_url() if meeting else f"{case.get_absolute_url()}#meetings",
        stale=stale,
        template="meetings/meeting_form.html",
        actions=actions,
        case=case,
        meeting=meeting,
        has_goals=bool(actions.forms and actions.forms[0].fields["goal"].queryset.exists()),
    )
    if actions.is_bound and not actions.is_valid() and response.status_code == 200:
        response.status_code = 400
    return response
