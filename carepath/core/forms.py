"""Form base classes that render as accessible design-system components.

Widgets get their CSS classes and `aria-describedby` here, so templates stay plain and every
form shows a message beside the field plus a summary at the top (components/error_summary.html).
"""

from typing import Any

from django import forms

WIDGET_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.RadioSelect: "govuk-radios__input",
}


ERROR_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "govuk-textarea--error",
    forms.Select: "govuk-select--error",
    forms.ClearableFileInput: "govuk-file-upload--error",
    forms.FileInput: "govuk-file-upload--error",
}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class StyledFormMixin:
    """Adds design-system classes and error wiring to every widget."""

    fields: dict[str, forms.Field]
    errors: Any
    prefix: str | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():
            widget = field.widget
            if isinstance(field, forms.DateField) and not isinstance(widget, forms.HiddenInput):
                field.widget = widget = DateInput(attrs=widget.attrs)
            css = next((c for t, c in WIDGET_CLASSES.items() if type(widget) is t), "govuk-input")
            if isinstance(widget, forms.Textarea) and widget.attrs.get("rows") == "10":
                widget.attrs["rows"] = "4"  # Django's default of 10 makes forms needlessly long
            widget.attrs["class"] = " ".join(filter(None, [widget.attrs.get("class"), css]))

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                described_by = [f"{name}-error"]
                if self.fields[name].help_text:
                    described_by.append(f"{self[name].auto_id}_helptext")  # type: ignore[index]
                widget.attrs["aria-describedby"] = " ".join(described_by)
                if not isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.CheckboxInput):
                    widget.attrs["class"] += " " + ERROR_CLASSES.get(type(widget), "govuk-input--error")


class Form(StyledFormMixin, forms.Form):
    pass


class ModelForm(StyledFormMixin, forms.ModelForm):
    pass


class RowForm(Form):
    """A row of a formset (an agreed action): rows share field names, so each input points at its own row's message."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self.add_prefix(name)}-error"


class VersionedModelForm(ModelForm):
    """Carries the version the user saw, so a stale save is detected (core.concurrency)."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk:
            self.initial["seen_version"] = self.instance.version


class DecisionWithReasonForm(Form):
    """A yes/no decision whose "no" needs a reason (triage, a provider's answer to a referral).

    Subclasses define the `decision` and `reason` fields, the decision value that needs a reason
    and the message shown when it is missing.
    """

    reason_needed_for: str
    reason_missing: Any

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == self.reason_needed_for and not data.get("reason", "").strip():
            self.add_error("reason", self.reason_missing)
        return data
