from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.accounts.models import Role, User
from carepath.cases.models import Case, CaseType, Signal
from carepath.core.forms import DecisionWithReasonForm, Form, ModelForm, VersionedModelForm


class SignalForm(ModelForm):
    """The signalling form. The person is found by name and date of birth, or created."""

    given_name = forms.CharField(label=_("Given name of the person"), max_length=100)
    family_name = forms.CharField(label=_("Family name of the person"), max_length=100)
    birth_date = forms.DateField(label=_("Date of birth"), required=False)
    household_name = forms.CharField(
        label=_("Household"),
        max_length=200,
        required=False,
        help_text=_("For family work: the household the signal is about, e.g. the Silva family"),
    )
    received_on = forms.DateField(label=_("Date the signal arrived"), initial=timezone.localdate)

    class Meta:
        model = Signal
        fields = [
            "case_type",
            "signaller_kind",
            "signaller_name",
            "signaller_contact",
            "problems",
            "how_it_came_about",
            "who_intervened",
            "what_is_being_done",
            "other_professionals",
            "request",
        ]
        field_order = ["given_name", "family_name", "birth_date", "household_name", "received_on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(
            ["given_name", "family_name", "birth_date", "household_name", "received_on", "case_type"]
        )
        self.fields["case_type"].queryset = CaseType.objects.all()  # type: ignore[attr-defined]

    def clean_received_on(self) -> Any:
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date the signal arrived cannot be in the future."))
        return value


class TriageForm(DecisionWithReasonForm):
    class Decision:
        OPEN = "open"
        CLOSE = "close"

    reason_needed_for = Decision.CLOSE
    reason_missing = _("Say why the signal is closed without a case.")

    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (Decision.OPEN, _("Open a case")),
            (Decision.CLOSE, _("Close the signal without a case")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason for closing"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Needed when you close the signal, e.g. referred to another service"),
    )


class CloseCaseForm(VersionedModelForm):
    class Meta:
        model = Case
        fields = ["outcome", "closure_reason"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = True
        self.fields["closure_reason"].required = True


class TeamMemberForm(Form):
    user = forms.ModelChoiceField(label=_("Professional"), queryset=User.objects.none())
    role_in_team = forms.CharField(
        label=_("Role in the team"), max_length=100, required=False, help_text=_("e.g. psychologist, teacher")
    )
    is_case_manager = forms.BooleanField(
        label=_("Make this person the case manager"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user_field = self.fields["user"]
        assert isinstance(user_field, forms.ModelChoiceField)
        user_field.queryset = (
            User.objects.filter(is_active=True)
            .exclude(role=Role.ADMINISTRATOR)
            .select_related("organisation")
            .order_by("organisation__name", "last_name")
        )
        user_field.label_from_instance = lambda u: f"{u} ({u.organisation or '-'})"  # type: ignore[method-assign,assignment]
