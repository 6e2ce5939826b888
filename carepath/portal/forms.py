"""Portal forms: short, in plain words, one question at a time where possible."""

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.core.forms import Form
from carepath.goals.models import Goal
from carepath.people.models import Person
from carepath.portal import services
from carepath.portal.models import Proxy

DATE_ERRORS = {"invalid": _("Write a real date, for example 27/3/2027.")}


class ProxyPeriodMixin:
    def clean_valid_until(self) -> Any:
        until = cast(forms.Form, self).cleaned_data.get("valid_until")
        if until is not None and until < timezone.localdate():
            raise forms.ValidationError(_("The end date cannot be in the past."))
        return until


class ProxyForm(ProxyPeriodMixin, Form):
    email = forms.EmailField(
        label=_("Their e-mail address"),
        help_text=_("The e-mail address of their Carepath account. They need an account first."),
        error_messages={"required": _("Write their e-mail address."), "invalid": _("Write a real e-mail address.")},
    )
    relation = forms.CharField(
        label=_("Who are they to you?"),
        max_length=100,
        help_text=_("For example: my mother, my brother, my friend"),
        error_messages={"required": _("Write who they are to you.")},
    )
    scope = forms.ChoiceField(
        label=_("What may they see?"),
        choices=Proxy.Scope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what they may see.")},
    )
    valid_from = forms.DateField(
        label=_("From"),
        initial=timezone.localdate,
        error_messages={"required": _("Write a start date."), **DATE_ERRORS},
    )
    valid_until = forms.DateField(
        label=_("Until"),
        required=False,
        help_text=_("Leave empty if there is no end date. You can stop it at any time."),
        error_messages=DATE_ERRORS,
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_email(self) -> Any:
        account = services.find_portal_account(self.cleaned_data["email"], not_of=self.person)
        if account is None:
            raise forms.ValidationError(
                _("We cannot find a Carepath account with this e-mail address. Ask them to get an account first.")
            )
        self.cleaned_data["representative"] = account
        return self.cleaned_data["email"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, until = data.get("valid_from"), data.get("valid_until")
        if start and until and until < start:
            self.add_error("valid_until", _("The end date must be on or after the start date."))
        return data


class ProxyLimitForm(ProxyPeriodMixin, Form):
    scope = forms.ChoiceField(label=_("What may they see?"), choices=Proxy.Scope.choices, widget=forms.RadioSelect)
    valid_until = forms.DateField(
        label=_("Until"),
        required=False,
        help_text=_("Leave empty if there is no end date."),
        error_messages=DATE_ERRORS,
    )


class NoteForm(Form):
    text = forms.CharField(
        label=_("Your note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Write your note first.")},
    )
    goal = forms.ModelChoiceField(
        label=_("About which goal?"),
        queryset=Goal.objects.none(),
        required=False,
        empty_label=_("Not about one goal"),
    )

    def __init__(self, *args: Any, goals: QuerySet[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["goal"])
        field.queryset = goals
        field.label_from_instance = lambda goal: goal.citizen_words  # type: ignore[method-assign,assignment]


class WishForm(Form):
    text = forms.CharField(
        label=_("What do you wish for?"),
        help_text=_("Write it in your own words. Your case worker will talk about it with you."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Write your wish first.")},
    )
