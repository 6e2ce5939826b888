from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from carepath.accounts.models import Role, User
from carepath.core.forms import Form, VersionedModelForm
from carepath.people.models import Person

DETAILS = ["given_name", "family_name", "birth_date", "address", "phone", "email", "preferred_language"]


class PersonDetailsForm(VersionedModelForm):
    """Correct a person's details (GDPR right to rectification); a stale save is detected."""

    class Meta:
        model = Person
        fields = DETAILS


class PortalAccountForm(Form):
    """A portal account for the citizen, or for a relative they may then let follow their file."""

    first_name = forms.CharField(label=_("Given name"), max_length=150)
    last_name = forms.CharField(label=_("Family name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The citizen uses it to let a relative follow their file."),
        error_messages={"required": _("Enter an e-mail address."), "invalid": _("Enter a real e-mail address.")},
    )
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("What they type to log in; letters, digits and @ . + - _ only."),
    )

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This user name is taken. Choose another."))
        return username

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if User.objects.filter(role=Role.CITIZEN, email__iexact=email).exists():
            raise forms.ValidationError(_("A portal account with this e-mail address exists already."))
        return email
