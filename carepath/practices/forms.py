"""The ESN form as a web form, the WIT assessment and the library's search filters."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.core.forms import Form, VersionedModelForm
from carepath.practices.choices import COUNTRIES, Criterion, Principle, Score, Status, Theme
from carepath.practices.models import ESN_FIELDS, TEXT_FIELDS, Assessment, Practice


class PracticeForm(VersionedModelForm):
    """Every field of the ESN good-practice form, with the form's limits (validators on the model)."""

    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=Theme.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least one."),
        error_messages={"required": _("Choose at least one theme.")},
    )
    principles = forms.TypedMultipleChoiceField(
        label=_("Principles of the European Pillar of Social Rights"),
        choices=Principle.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The principles the practice serves."),
    )

    class Meta:
        model = Practice
        fields = list(TEXT_FIELDS)
        widgets = {
            "status": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "activities": forms.Textarea(attrs={"rows": 8}),
            "links": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields([*ESN_FIELDS, "seen_version"])
        if not self.instance.pk:
            self.fields["seen_version"].required = False  # a new practice has no version yet
        country = self.fields["country"]
        assert isinstance(country, forms.ChoiceField)
        country.choices = [("", _("Choose a country")), *COUNTRIES]
        status = self.fields["status"]
        assert isinstance(status, forms.ChoiceField)
        status.choices = Status.choices  # no empty radio
        if self.instance.pk and not self.is_bound:
            self.initial["themes"] = list(self.instance.themes.values_list("theme", flat=True))
            self.initial["principles"] = list(self.instance.principles.values_list("principle", flat=True))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if Theme.OTHER in data.get("themes", []) and not data.get("theme_other", "").strip():
            self.add_error("theme_other", _("Say which other theme, or untick 'Other'."))
        if data.get("status") == Status.OTHER and not data.get("status_other", "").strip():
            self.add_error("status_other", _("Say which other status, or choose one of the list."))
        return data

    def practice_fields(self) -> dict[str, Any]:
        """What `services.save_practice` takes from the form."""
        data = dict(self.cleaned_data)
        data.pop("seen_version", None)
        return data


def _criterion_fields(criterion: Criterion) -> tuple[str, str]:
    return f"score_{criterion.value}", f"comment_{criterion.value}"


class AssessmentForm(Form):
    """One reviewer's scores on WIT's eight criteria, each with a comment."""

    assessed_on = forms.DateField(label=_("Date of the assessment"))

    def __init__(self, *args: Any, assessment: Assessment | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        earlier = {s.criterion: s for s in assessment.scores.all()} if assessment else {}
        for criterion in Criterion:
            score, comment = _criterion_fields(criterion)
            self.fields[score] = forms.TypedChoiceField(
                label=criterion.label,
                choices=Score.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Give a score on this criterion.")},
            )
            self.fields[comment] = forms.CharField(
                label=_("Comment on: %(criterion)s") % {"criterion": criterion.label},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
            if criterion.value in earlier and not self.is_bound:
                self.initial[score] = earlier[criterion.value].score
                self.initial[comment] = earlier[criterion.value].comment
        if not self.is_bound:
            self.initial["assessed_on"] = assessment.assessed_on if assessment else timezone.localdate()

    def clean_assessed_on(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["assessed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date of the assessment cannot be in the future."))
        return day

    def scores(self) -> dict[int, tuple[int, str]]:
        out = {}
        for criterion in Criterion:
            score, comment = _criterion_fields(criterion)
            out[criterion.value] = (self.cleaned_data[score], self.cleaned_data.get(comment, ""))
        return out


class LibraryFilterForm(Form):
    """Search words and filters of the library list (a GET form: the words are no personal data)."""

    q = forms.CharField(label=_("Words to search for"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    principle = forms.TypedChoiceField(label=_("Principle"), required=False, coerce=int, empty_value=None)
    country = forms.ChoiceField(label=_("Country"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: dict[str, list[tuple[Any, Any]]] = {
            "theme": [("", _("Any theme")), *Theme.choices],
            "principle": [("", _("Any principle")), *Principle.choices],
            "country": [("", _("Any country")), *COUNTRIES],
            "status": [("", _("Any status")), *Status.choices],
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = options

    def filters(self) -> dict[str, Any]:
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v not in ("", None)}
