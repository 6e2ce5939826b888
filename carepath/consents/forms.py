from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.consents.models import Consent
from carepath.core import uploads
from carepath.core.forms import Form, ModelForm
from carepath.organisations.models import Organisation


class ConsentForm(ModelForm):
    """Who consented to what, when and how; a consent signed on paper needs its scan."""

    class Meta:
        model = Consent
        fields = ["given_by", "relation", "scope", "providers", "scope_details", "method", "document", "given_on"]
        widgets = {
            "scope": forms.RadioSelect,
            "providers": forms.CheckboxSelectMultiple,
            "method": forms.RadioSelect,
            "document": forms.FileInput,
        }
        help_texts = {
            "scope_details": _("For example which providers or which school, and for how long"),
            "document": _("Only for consent signed on paper: a PDF, JPEG or PNG file of 20 MB or less"),
        }
        error_messages = {
            "given_by": {"required": _("Enter who consented.")},
            "relation": {"required": _("Enter their relation to the citizen, for example mother.")},
            "scope": {"required": _("Choose what the consent covers.")},
            "method": {"required": _("Choose how the consent was given.")},
            "given_on": {"required": _("Enter the date of the consent."), "invalid": _("Enter a real date.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Radios need no empty "---------" choice; the field stays required.
        cast(forms.ChoiceField, self.fields["scope"]).choices = Consent.Scope.choices
        cast(forms.ChoiceField, self.fields["method"]).choices = Consent.Method.choices
        self.fields["given_on"].initial = timezone.localdate
        providers = cast(forms.ModelMultipleChoiceField, self.fields["providers"])
        providers.queryset = Organisation.objects.filter(kind=Organisation.Kind.PROVIDER).order_by("name")

    def clean_given_on(self) -> Any:
        value = self.cleaned_data["given_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date of the consent cannot be in the future."))
        return value

    def clean_document(self) -> Any:
        upload = self.cleaned_data.get("document")
        if upload:
            uploads.check("scan", upload)
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        method, document = data.get("method"), data.get("document")
        if method == Consent.Method.PAPER and not document and "document" not in self.errors:
            self.add_error("document", _("Upload the scan of the signed paper."))
        if method == Consent.Method.IN_PERSON and document:
            only_paper = _("A scan is only kept for consent signed on paper. Choose “Signed on paper” or remove it.")
            self.add_error("document", only_paper)
        return data

    def full_clean(self) -> None:
        super().full_clean()
        # Browsers never send a file twice: say so, rather than let it vanish silently.
        if self.errors and self.files.get("document") and "document" not in self.errors:
            self.add_error("document", _("Choose the scan again: a file is not kept when the form has a problem."))


class WithdrawConsentForm(Form):
    withdrawn_on = forms.DateField(
        label=_("Date of withdrawal"),
        initial=timezone.localdate,
        error_messages={"required": _("Enter the date of withdrawal."), "invalid": _("Enter a real date.")},
    )
    reason = forms.CharField(
        label=_("Reason for withdrawal"),
        widget=forms.Textarea,
        help_text=_("In the words of the person who withdrew it, where possible"),
        error_messages={"required": _("Say why the consent is withdrawn.")},
    )

    def __init__(self, *args: Any, consent: Consent, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.consent = consent

    def clean_withdrawn_on(self) -> Any:
        value = self.cleaned_data["withdrawn_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date of withdrawal cannot be in the future."))
        if value < self.consent.given_on:
            raise forms.ValidationError(_("The date of withdrawal cannot be before the consent was given."))
        return value

