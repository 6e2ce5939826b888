from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from carepath.cases.models import Case
from carepath.core.forms import DecisionWithReasonForm, Form, ModelForm
from carepath.goals.models import Goal
from carepath.organisations.models import Service
from carepath.practices.selectors import practice_choices
from carepath.referrals import selectors, services
from carepath.referrals.models import Referral


class ReferralForm(Form):
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.none(),
        help_text=_("The suggestions above fit the goals and the functional level; any active service may be chosen."),
        error_messages={"required": _("Choose the service to refer to.")},
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("Goals this service works on"),
        queryset=Goal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one goal the service will work on.")},
    )
    message = forms.CharField(
        label=_("Message to the provider"),
        widget=forms.Textarea,
        required=False,
        help_text=_("What the provider should know to answer, e.g. what the person wishes and when they can start"),
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        service_field = self.fields["service"]
        goals_field = self.fields["goals"]
        assert isinstance(service_field, forms.ModelChoiceField)
        assert isinstance(goals_field, forms.ModelMultipleChoiceField)
        service_field.queryset = Service.objects.filter(is_active=True).select_related("provider")
        goals_field.queryset = selectors.case_goals(case).filter(status=Goal.Status.ACTIVE)

    def clean_service(self) -> Service:
        service: Service = self.cleaned_data["service"]
        if services.already_referred(case=self.case, service=service):
            raise forms.ValidationError(
                _("This case already has a pending or accepted referral to this service. Choose another service.")
            )
        return service


class AnswerForm(DecisionWithReasonForm):
    class Decision:
        ACCEPT = "accept"
        DECLINE = "decline"

    reason_needed_for = Decision.DECLINE
    reason_missing = _("Say why the referral is declined.")

    decision = forms.ChoiceField(
        label=_("Your answer"),
        widget=forms.RadioSelect,
        choices=[
            (Decision.ACCEPT, _("Accept: we will work with the person on these goals")),
            (Decision.DECLINE, _("Decline")),
        ],
        error_messages={"required": _("Choose whether you accept or decline the referral.")},
    )
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Needed when you decline, e.g. no place before spring, or the service does not fit the goals"),
    )


class EndReferralForm(Form):
    """Nothing to fill in: the page asks to confirm."""


class ReferralPracticeForm(ModelForm):
    class Meta:
        model = Referral
        fields = ["practice"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        practice = self.fields["practice"]
        assert isinstance(practice, forms.ModelChoiceField)
        practice.queryset = practice_choices()
        practice.empty_label = _("No practice from the library")
