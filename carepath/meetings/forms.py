"""The meeting form: one page for the agenda, who takes part, what was decided and who does what."""

import datetime
from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.core.forms import Form, RowForm
from carepath.goals import selectors as goal_selectors
from carepath.goals.models import Goal
from carepath.meetings.models import MeetingParticipant, NetworkMeeting
from carepath.meetings.services import Action, MeetingFields, Participant

EXTRA_ACTIONS = 2
MAX_ACTIONS = 20
CITIZEN = "citizen"


class TeamChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        organisation = f" ({obj.organisation})" if obj.organisation_id else ""
        return f"{obj.get_full_name() or obj.username}{organisation}"


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.username)


def _team(case: Case, also: list[int] | None = None) -> Any:
    """The case team, and the professionals who already take part (they may have left the team since)."""
    rule = Q(case_memberships__case_id=case.pk)
    if also:
        rule |= Q(pk__in=also)
    return User.objects.filter(rule).distinct().select_related("organisation").order_by("first_name", "pk")


class MeetingForm(Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        initial=_("Network meeting"),
        error_messages={"required": _("Give the meeting a title.")},
    )
    day = forms.DateField(
        label=_("Day"),
        error_messages={"required": _("Enter the day of the meeting."), "invalid": _("Enter a real date.")},
    )
    starts = forms.TimeField(
        label=_("From"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Enter when the meeting starts."), "invalid": _("Enter a time, e.g. 14:30.")},
    )
    ends = forms.TimeField(
        label=_("Until"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": _("Enter when the meeting ends."), "invalid": _("Enter a time, e.g. 15:30.")},
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Where you meet, e.g. the school, or a video call"),
    )
    agenda = forms.CharField(
        label=_("Agenda"), widget=forms.Textarea, required=False, help_text=_("What you will talk about")
    )
    professionals = TeamChoiceField(
        label=_("Professionals from the case team"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    citizen_takes_part = forms.BooleanField(label=_("The citizen takes part"), required=False, initial=True)
    family = forms.CharField(
        label=_("Family and network"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "One person a line: name, then how they relate, e.g. Ana Silva, mother. "
            "They take part as experts of their own situation."
        ),
    )
    guests = forms.CharField(
        label=_("Other professionals without an account"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("One person a line: name, then organisation, e.g. Marta Costa, Rivertown Primary School"),
    )
    absent = forms.MultipleChoiceField(
        label=_("Who did not come"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("After the meeting: tick who was invited but did not come."),
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One decision a line, in the order they were taken"),
    )
    strategy = forms.CharField(
        label=_("Common strategy"),
        widget=forms.Textarea,
        required=False,
        help_text=_("How everyone works together from now on"),
    )
    minutes = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea,
        required=False,
        help_text=_("What was said. The citizen reads them unless you restrict them."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=NetworkMeeting.Status.choices,
        initial=NetworkMeeting.Status.PLANNED,
        widget=forms.RadioSelect,
    )
    is_restricted = forms.BooleanField(
        label=_("Restrict the minutes (not shown to the citizen)"),
        required=False,
        help_text=_("Only when the citizen must not read them, e.g. they are about someone else"),
    )
    restriction_reason = forms.CharField(
        label=_("Reason for restricting"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Needed when the minutes are restricted"),
    )
    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, case: Case, taking_part: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        team = cast(TeamChoiceField, self.fields["professionals"])
        team.queryset = _team(case, taking_part)
        absent = cast(forms.MultipleChoiceField, self.fields["absent"])
        absent.choices = [(CITIZEN, _("The citizen"))] + [
            (str(u.pk), team.label_from_instance(u)) for u in team.queryset
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, starts, ends = data.get("day"), data.get("starts"), data.get("ends")
        if day and starts and ends:
            data["starts_at"] = timezone.make_aware(datetime.datetime.combine(day, starts))
            data["ends_at"] = timezone.make_aware(datetime.datetime.combine(day, ends))
            if ends <= starts:
                self.add_error("ends", _("The meeting must end after it starts."))
        if data.get("is_restricted"):
            if not data.get("restriction_reason", "").strip():
                self.add_error("restriction_reason", _("Say why the citizen may not read the minutes."))
        else:
            data["restriction_reason"] = ""
        data["family_members"] = self._people(
            "family", _("Write the name first, then the relation, e.g. Ana Silva, mother.")
        )
        data["guest_members"] = self._people("guests", _("Write the name first, then the organisation."))
        return data

    def _people(self, name: str, message: Any) -> list[tuple[str, str]]:
        """Lines of "name, relation" (or organisation), as typed."""
        found = []
        for line in (self.cleaned_data.get(name) or "").splitlines():
            who, _comma, relation = line.partition(",")
            if line.strip() and not who.strip():
                self.add_error(name, message)
            elif who.strip():
                found.append((who.strip()[:200], relation.strip()[:100]))
        return found

    def meeting_fields(self) -> MeetingFields:
        d = self.cleaned_data
        return MeetingFields(
            title=d["title"],
            starts_at=d["starts_at"],
            ends_at=d["ends_at"],
            place=d["place"],
            agenda=d["agenda"],
            strategy=d["strategy"],
            minutes=d["minutes"],
            status=d["status"],
            is_restricted=d["is_restricted"],
            restriction_reason=d["restriction_reason"],
        )

    def participants(self) -> list[Participant]:
        d = self.cleaned_data
        absent = set(d.get("absent") or [])
        kind = MeetingParticipant.Kind
        found = [Participant(kind.PROFESSIONAL, user=u, attended=str(u.pk) not in absent) for u in d["professionals"]]
        if d.get("citizen_takes_part"):
            found.append(Participant(kind.CITIZEN, name=str(self.case.person), attended=CITIZEN not in absent))
        found += [Participant(kind.FAMILY, name=name, relation=relation) for name, relation in d["family_members"]]
        found += [Participant(kind.GUEST, name=name, relation=relation) for name, relation in d["guest_members"]]
        return found

    def decision_texts(self) -> list[str]:
        return [line.strip() for line in (self.cleaned_data.get("decisions") or "").splitlines() if line.strip()]


def initial_of(meeting: NetworkMeeting) -> dict[str, Any]:
    """The form's initial values from a saved meeting (loaded with selectors.with_details)."""
    local_start, local_end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    participants = list(meeting.participants.all())
    kind = MeetingParticipant.Kind
    absent = [str(p.user_id) for p in participants if p.kind == kind.PROFESSIONAL and not p.attended]
    absent += [CITIZEN for p in participants if p.kind == kind.CITIZEN and not p.attended]
    return {
        "title": meeting.title,
        "day": local_start.date(),
        "starts": local_start.time(),
        "ends": local_end.time(),
        "place": meeting.place,
        "agenda": meeting.agenda,
        "strategy": meeting.strategy,
        "minutes": meeting.minutes,
        "status": meeting.status,
        "is_restricted": meeting.is_restricted,
        "restriction_reason": meeting.restriction_reason,
        "seen_version": meeting.version,
        "professionals": [p.user_id for p in participants if p.kind == kind.PROFESSIONAL],
        "citizen_takes_part": any(p.kind == kind.CITIZEN for p in participants),
        "family": _lines(p for p in participants if p.kind == kind.FAMILY),
        "guests": _lines(p for p in participants if p.kind == kind.GUEST),
        "absent": absent,
        "decisions": "\n".join(d.text for d in meeting.decisions.all()),
    }


def _lines(participants: Iterable[MeetingParticipant]) -> str:
    return "\n".join(f"{p.name}, {p.relation}" if p.relation else p.name for p in participants)


class ActionForm(RowForm):
    """One row: who does what by when, towards which goal. Saved, it becomes a step of that goal."""

    what = forms.CharField(label=_("What"), max_length=300, required=False)
    owner = OwnerChoiceField(label=_("Who (from the case team)"), queryset=User.objects.none(), required=False)
    owner_name = forms.CharField(
        label=_("Or who (by name)"),
        max_length=200,
        required=False,
        help_text=_("e.g. the mother, or the school's teacher"),
    )
    due_on = forms.DateField(label=_("By when"), required=False, error_messages={"invalid": _("Enter a real date.")})
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none(), required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["owner"]).queryset = _team(case)
        goals = Goal.objects.filter(pk__in=goal_selectors.ids_of_case(case.pk)).order_by("due_on", "pk")
        cast(forms.ModelChoiceField, self.fields["goal"]).queryset = goals

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.has_changed():
            return data
        if not (data.get("what") or "").strip():
            self.add_error("what", _("Say what is to be done."))
        if not data.get("owner") and not (data.get("owner_name") or "").strip():
            self.add_error("owner_name", _("Say who does it: choose someone of the team or write a name."))
        if not data.get("due_on") and "due_on" not in self.errors:
            self.add_error("due_on", _("Say by when."))
        if not data.get("goal"):
            self.add_error("goal", _("Choose the goal this action is a step of."))
        return data


class BaseActionFormSet(forms.BaseFormSet):
    """New actions of the meeting; an empty row is no action."""

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        self.case = case
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "case": self.case}

    def cleaned_actions(self) -> list[Action]:
        rows = [row.cleaned_data for row in self.forms if row.has_changed() and row.cleaned_data]
        return [
            Action(
                what=r["what"].strip(),
                goal=r["goal"],
                due_on=r["due_on"],
                owner=r["owner"],
                owner_name=(r["owner_name"] or "").strip(),
            )
            for r in rows
        ]


ActionFormSet = cast(
    type[BaseActionFormSet],
    forms.formset_factory(
        ActionForm, formset=BaseActionFormSet, extra=EXTRA_ACTIONS, max_num=MAX_ACTIONS, validate_max=True
    ),
)
