from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.core import uploads
from carepath.core.forms import Form, ModelForm
from carepath.goals.models import Goal
from carepath.learning import selectors
from carepath.learning.models import AfterActionReview, AppreciativeInquiry, FocusGroup, FocusGroupMaterial
from carepath.organisations.models import Service
from carepath.pilots import selectors as pilot_selectors
from carepath.plans.models import Step


class ParticipantField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Case) -> str:  # type: ignore[override]
        return f"{obj.person.given_name} {obj.person.family_name} ({obj.reference})"


class GoalField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Goal) -> str:  # type: ignore[override]
        return f"{obj.title} ({obj.case.reference})"


class StepField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Step) -> str:  # type: ignore[override]
        return f"{obj.what} ({obj.goal.title})"


class StaffField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        return obj.get_full_name() or obj.username


def _not_in_future(day: Any) -> Any:
    if day and day > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return day


def offer_learning_units(form: forms.ModelForm, user: User) -> None:  # type: ignore[type-arg]
    """The form's `unit` offers the units of the user's own organisation (a learning record's or a
    pilot's); when there is only one, a new record starts with it."""
    unit = form.fields["unit"]
    assert isinstance(unit, forms.ModelChoiceField)
    unit.queryset = policy.visible_learning_units(user).select_related("organisation")
    units = list(unit.queryset)
    if len(units) == 1 and not form.is_bound and not form.instance.pk:
        form.initial.setdefault("unit", units[0].pk)


class UnitScopedForm(ModelForm):
    """A learning record belongs to a unit of the user's own organisation."""

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_learning_units(self, user)
        self.fields["held_on"].initial = timezone.localdate

    def clean_held_on(self) -> Any:
        return _not_in_future(self.cleaned_data.get("held_on"))


class FocusGroupForm(UnitScopedForm):
    class Meta:
        model = FocusGroup
        fields = [
            "held_on",
            "activity",
            "unit",
            "service",
            "staff",
            "cases",
            "other_participants",
            "impressions",
            "recommendations",
            "areas_to_improve",
            "goals",
            "steps",
        ]
        field_classes = {"staff": StaffField, "cases": ParticipantField, "goals": GoalField, "steps": StepField}
        widgets = {
            "staff": forms.CheckboxSelectMultiple,
            "cases": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
            "steps": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "cases": _("Only the people whose case you may see are offered."),
            "other_participants": _("e.g. two volunteers, a relative. No names needed."),
            "impressions": _("What the participants said and felt, in their own words where you can."),
            "goals": _("Goals of the people taking part that the session talked about."),
            "steps": _("Steps of those goals (activities) that the session looked back on."),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        offered = selectors.participant_choices(user, self.instance)
        self.offered_cases = list(offered)
        fields = self.fields
        fields["cases"].queryset = offered  # type: ignore[attr-defined]
        fields["staff"].queryset = selectors.staff_choices(user)  # type: ignore[attr-defined]
        fields["goals"].queryset = selectors.goal_choices(offered)  # type: ignore[attr-defined]
        fields["steps"].queryset = selectors.step_choices(offered)  # type: ignore[attr-defined]
        fields["service"].queryset = Service.objects.filter(is_active=True).select_related("provider")  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            # Only what the user may see is shown as chosen; the rest stays untouched (services.record_focus_group).
            self.initial["cases"] = [c.pk for c in self.instance.cases.filter(pk__in=offered)]
            self.initial["goals"] = [g.pk for g in self.instance.goals.filter(case__in=offered)]
            self.initial["steps"] = [s.pk for s in self.instance.steps.filter(goal__case__in=offered)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        cases = {case.pk for case in data.get("cases") or []}
        if any(goal.case_id not in cases for goal in data.get("goals") or []):
            self.add_error("goals", _("Choose only goals of the people taking part."))
        if any(step.goal.case_id not in cases for step in data.get("steps") or []):
            self.add_error("steps", _("Choose only steps of the people taking part."))
        return data


class MaterialForm(ModelForm):
    """A photo or video the focus group looked at."""

    class Meta:
        model = FocusGroupMaterial
        fields = ["kind", "file", "description"]
        widgets = {"kind": forms.RadioSelect, "file": forms.FileInput}
        labels = {"file": _("Photo or video file")}
        help_texts = {"file": _("Photos: JPG, PNG, WEBP or GIF. Videos: MP4 or WEBM. At most 20 MB.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = FocusGroupMaterial.Kind.choices  # no empty choice on radios
        self.fields["file"].max_length = None  # type: ignore[attr-defined]  # stored under a new name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, upload = data.get("kind"), data.get("file")
        if kind and upload and "file" not in self.errors:
            try:
                uploads.check(kind, upload)
            except forms.ValidationError as error:
                self.add_error("file", error)
        return data


class PilotRecordForm(UnitScopedForm):
    """A review or an inquiry may be about a pilot: one the user may see (`pilots.selectors`)."""

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        pilot = self.fields["pilot"]
        assert isinstance(pilot, forms.ModelChoiceField)
        pilot.queryset = pilot_selectors.visible_pilots(user).order_by("title", "pk")
        pilot.empty_label = _("No pilot")


class ReviewForm(PilotRecordForm):
    class Meta:
        model = AfterActionReview
        fields = ["unit", "subject", "pilot", "held_on", "planned", "happened", "why_different", "lessons"]


class InquiryForm(PilotRecordForm):
    class Meta:
        model = AppreciativeInquiry
        fields = ["unit", "subject", "pilot", "held_on", "discover", "dream", "design", "destiny"]


class PeriodFilterForm(Form):
    """The list's filter: a unit and a period, from the query string."""

    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, required=False, empty_label=_("All units")
    )
    date_from = forms.DateField(label=_("From"), required=False)
    date_to = forms.DateField(label=_("To"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = policy.visible_learning_units(user).select_related("organisation")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period must be on or after its start."))
        return data

    def filters(self) -> dict[str, Any]:
        """The valid filters as keyword arguments for selectors.learning_records."""
        if not self.is_valid():
            return {}
        unit = self.cleaned_data.get("unit")
        return {
            "unit_id": unit.pk if unit else None,
            "date_from": self.cleaned_data.get("date_from"),
            "date_to": self.cleaned_data.get("date_to"),
        }
