import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.core import uploads
from carepath.core.forms import ModelForm, VersionedModelForm
from carepath.plans.models import SavingsDeposit, SavingsPlan, Step, StepAttachment
from carepath.practices.selectors import practice_choices

STEP_HELP = {
    "what": _("One small thing to do, in plain words, e.g. Buy a bus ticket"),
    "who": _("Who does it, e.g. Jonas with his support worker"),
}


class PracticeChoiceMixin:
    """The step's "practice applied" offers the library by title (a short list: no search needed)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        practice = self.fields["practice"]
        assert isinstance(practice, forms.ModelChoiceField)
        practice.queryset = practice_choices()
        practice.empty_label = _("No practice from the library")


class StepForm(PracticeChoiceMixin, ModelForm):
    class Meta:
        model = Step
        fields = ["what", "who", "due_on", "practice"]
        help_texts = STEP_HELP


class StepEditForm(PracticeChoiceMixin, VersionedModelForm):
    class Meta:
        model = Step
        fields = ["what", "who", "due_on", "status", "practice"]
        help_texts = STEP_HELP


class StepStatusForm(VersionedModelForm):
    class Meta:
        model = Step
        fields = ["status"]


class AttachmentForm(ModelForm):
    """A picture, a video or an easy-read text that supports a step."""

    class Meta:
        model = StepAttachment
        fields = ["kind", "file", "description", "text", "for_offline"]
        widgets = {"kind": forms.RadioSelect, "file": forms.FileInput}
        labels = {"file": _("Picture or video file")}
        help_texts = {
            "file": _("Pictures: JPG, PNG, WEBP or GIF. Videos: MP4 or WEBM. At most 20 MB."),
            "description": _(
                "What the picture or video shows, for people who cannot see it. Needed for a picture or video."
            ),
            "text": _("Short sentences and everyday words. Only for an easy-read text."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = StepAttachment.Kind.choices  # no empty choice on radios
        self.fields["description"].required = False
        self.fields["file"].max_length = None  # type: ignore[attr-defined]  # stored under a new name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, upload = data.get("kind"), data.get("file")
        if kind == StepAttachment.Kind.EASY_READ:
            if upload:
                self.add_error("file", _("An easy-read text has no file. Choose picture or video to add a file."))
            if not data.get("text", "").strip():
                self.add_error("text", _("Write the easy-read text."))
        elif kind in (StepAttachment.Kind.IMAGE, StepAttachment.Kind.VIDEO):
            if not upload:
                self.add_error("file", _("Choose the file to add."))
            elif "file" not in self.errors:
                try:
                    uploads.check(kind, upload)
                except forms.ValidationError as error:
                    self.add_error("file", error)
            if not data.get("description", "").strip():
                self.add_error("description", _("Describe what the picture or video shows."))
        return data


class SavingsPlanForm(ModelForm):
    class Meta:
        model = SavingsPlan
        fields = ["target_amount", "currency"]
        help_texts = {
            "target_amount": _("How much money is needed, e.g. 300 for a trip"),
            "currency": _("Three letters, e.g. EUR"),
        }

    def clean_target_amount(self) -> Decimal:
        amount: Decimal = self.cleaned_data["target_amount"]
        if amount <= 0:
            raise forms.ValidationError(_("The target amount must be more than 0."))
        return amount

    def clean_currency(self) -> str:
        currency = self.cleaned_data["currency"].strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", currency):
            raise forms.ValidationError(_("Write the currency as three letters, e.g. EUR."))
        return currency


class DepositForm(ModelForm):
    class Meta:
        model = SavingsDeposit
        fields = ["amount", "deposited_on"]
        labels = {"deposited_on": _("Date of the deposit")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deposited_on"].initial = timezone.localdate

    def clean_amount(self) -> Decimal:
        amount: Decimal = self.cleaned_data["amount"]
        if amount <= 0:
            raise forms.ValidationError(_("The amount must be more than 0."))
        return amount

    def clean_deposited_on(self) -> Any:
        day = self.cleaned_data["deposited_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date of the deposit cannot be in the future."))
        return day
