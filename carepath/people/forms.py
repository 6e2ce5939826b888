import datetime
from typing import Any

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from carepath.accounts.models import Role, User
from carepath.core.forms import Form, VersionedModelForm
from carepath.people import search
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


class PersonSearchForm(Form):
    """Find a person: a name, a date of birth, or both. Sent by POST, so no name reaches a URL."""

    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        required=False,
        help_text=_("Given and family name, in any order. Accents, capitals and a small typo do not matter."),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        help_text=_("Only people born that day. With it, one right word of the name is enough."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name: str = data.get("name", "")
        born: datetime.date | None = data.get("birth_date")
        if not search.words(name) and born is None and "birth_date" not in self.errors:
            self.add_error("name", _("Enter a name or a date of birth."))
        return data
