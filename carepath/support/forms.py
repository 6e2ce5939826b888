from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.core.forms import Form, ModelForm, VersionedModelForm
from carepath.imports.forms import CaseloadFileForm
from carepath.support.models import SupportRecord, SupportReview
from carepath.support.services import RECORD_FIELDS


class SupportRecordForm(ModelForm):
    """Who received which support, when and where; the name and date of birth are only ever encoded for matching."""

    class Meta:
        model = SupportRecord
        fields = list(RECORD_FIELDS)
        widgets = {"kind": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}
        localized_fields = ["amount"]  # "12,50" where the language writes a decimal comma
        help_texts = {
            "birth_date": _("If you know it: it makes matching more reliable."),
            "given_on": _("Matching compares support of the same kind in the same month."),
        }
        error_messages = {
            "given_names": {"required": _("Enter the given names.")},
            "family_names": {"required": _("Enter the family names.")},
            "kind": {"required": _("Choose the kind of support.")},
            "given_on": {"required": _("Enter the date the support was given."), "invalid": _("Enter a real date.")},
            "birth_date": {"invalid": _("Enter a real date.")},
            "amount": {"invalid": _("Enter the amount as a number, for example 25 or 12.50.")},
        }

    def clean_given_on(self) -> Any:
        value = self.cleaned_data["given_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date the support was given cannot be in the future."))
        return value

    def clean_birth_date(self) -> Any:
        value = self.cleaned_data.get("birth_date")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date of birth cannot be in the future."))
        return value

    def clean_amount(self) -> Any:
        value = self.cleaned_data.get("amount")
        if value is not None and value < 0:
            raise forms.ValidationError(_("The amount cannot be negative."))
        return value


class EditSupportRecordForm(SupportRecordForm, VersionedModelForm):
    pass


class SupportFileForm(CaseloadFileForm):
    """The file of support records to check or import: CSV or XLSX, checked by the import itself."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].label = _("File of support records")
        self.fields["file"].help_text = _(
            "A CSV or XLSX file of 20 MB or less, with one row per support given and the columns listed above."
        )


class ReviewForm(Form):
    """The institution's account of the conversation a match led to."""

    outcome = forms.ChoiceField(
        label=_("What came of it"),
        choices=SupportReview.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what came of it.")},
    )
    conversation = forms.CharField(
        label=_("The conversation, in your words"),
        help_text=_(
            "What you talked about with the person, and what you agreed. Needed when it is the same person."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        outcome = data.get("outcome")
        if outcome in SupportReview.SAME_PERSON and not data.get("conversation", "").strip():
            self.add_error("conversation", _("Write down the conversation, in your words."))
        return data
