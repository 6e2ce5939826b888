from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from carepath.assessments.models import Assessment
from carepath.core.choices import FunctionalLevel
from carepath.core.forms import ModelForm

LEVEL_CHOICES = [(level.value, format_lazy("{} – {}", level.value, level.label)) for level in FunctionalLevel]
DIMENSIONS = ("physical", "communication", "social")


class AssessmentForm(ModelForm):
    """Functional ability on three dimensions, each a level and a description, plus strengths and resources."""

    class Meta:
        model = Assessment
        fields = [
            "assessed_on",
            "physical_level",
            "physical_description",
            "communication_level",
            "communication_description",
            "social_level",
            "social_description",
            "strengths",
            "resources",
        ]
        help_texts = {
            "physical_description": _("What the person can do and where they need support, in daily situations"),
            "communication_description": _("How the person understands others and makes themselves understood"),
            "social_description": _("How the person gets on with others and copes with new situations"),
            "strengths": _("What the person is good at, likes and wants"),
            "resources": _("Who and what around the person helps: family, friends, neighbours, clubs"),
        }
        error_messages = {
            "assessed_on": {"required": _("Enter the date of the assessment."), "invalid": _("Enter a real date.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessed_on"].initial = timezone.localdate
        for dimension in DIMENSIONS:
            label = self.fields[f"{dimension}_level"].label
            # Radios with the level's number and words, without the empty "---------" choice.
            self.fields[f"{dimension}_level"] = forms.TypedChoiceField(
                label=label,
                choices=LEVEL_CHOICES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
                error_messages={"required": _("Choose a level for “%(dimension)s”.") % {"dimension": label}},
            )

    def clean_assessed_on(self) -> Any:
        value = self.cleaned_data["assessed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date of the assessment cannot be in the future."))
        return value


def initial_from(previous: Assessment | None) -> dict[str, Any]:
    """What a new assessment starts from: the previous one's answers, so nothing is typed twice."""
    if previous is None:
        return {}
    names = [name for name in AssessmentForm.Meta.fields if name != "assessed_on"]
    return {name: getattr(previous, name) for name in names}
