"""The pilot's form (new and versioned edit) and the list's filter."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.core.forms import Form, ModelForm, VersionedModelForm
from carepath.learning.forms import offer_learning_units
from carepath.pilots.models import PILOT_FIELDS, Pilot, Step

FIELDS = list(PILOT_FIELDS)


class PilotForm(ModelForm):
    """A pilot belongs to a unit of the user's own organisation, like a learning record."""

    class Meta:
        model = Pilot
        fields = FIELDS
        widgets = {"step": forms.RadioSelect}
        error_messages = {
            "title": {"required": _("Enter the title of the pilot.")},
            "objectives": {"required": _("Enter at least one objective.")},
            "step": {"required": _("Choose the step the pilot is at.")},
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_learning_units(self, user)
        step = self.fields["step"]
        assert isinstance(step, forms.ChoiceField)
        step.choices = Step.choices  # radios need no empty choice

    def pilot_fields(self) -> dict[str, Any]:
        """What `services.record_pilot` takes from the form."""
        return {name: self.cleaned_data[name] for name in FIELDS}


class PilotEditForm(PilotForm, VersionedModelForm):
    pass


class PilotFilterForm(Form):
    """The list's filter: a step of the roadmap and a unit, from the query string."""

    step = forms.ChoiceField(label=_("Step"), required=False)
    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, required=False, empty_label=_("All units")
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        step = self.fields["step"]
        assert isinstance(step, forms.ChoiceField)
        step.choices = [("", _("Any step")), *Step.choices]
        self.fields["unit"].queryset = policy.visible_learning_units(user).select_related("organisation")  # type: ignore[attr-defined]

    def filters(self) -> dict[str, Any]:
        """The valid filters as keyword arguments for selectors.pilot_list."""
        if not self.is_bound or not self.is_valid():
            return {}
        unit = self.cleaned_data.get("unit")
        return {"step": self.cleaned_data.get("step") or None, "unit_id": unit.pk if unit else None}
