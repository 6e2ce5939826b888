from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from carepath.core.forms import Form, StyledFormMixin


class CodeForm(Form):
    """The 6-digit code from an authenticator app. Spaces are allowed: some apps show '123 456'."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("6 digits, for example 123456. A new code appears every 30 seconds."),
        max_length=12,
        error_messages={"required": _("Enter the 6-digit code from your authenticator app.")},
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-10",
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Enter the code as 6 digits, for example 123456."))
        return code


# Django's own password forms, in the design system's clothes (classes, error wiring).
class PasswordResetForm(StyledFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(StyledFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(StyledFormMixin, auth_forms.PasswordChangeForm):
    pass
