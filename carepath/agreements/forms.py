from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.agreements.services import ActionFields
from carepath.core.forms import Form, RowForm

EXTRA_ROWS = 3
MAX_ACTIONS = 30


class AgreementVersionForm(Form):
    """A negotiated version of the agreement, accepted by both sides."""

    summary = forms.CharField(
        label=_("What was negotiated"),
        widget=forms.Textarea,
        required=False,
        help_text=_("In a few words: what was agreed, or what changed and why"),
    )
    accepted_by_family = forms.CharField(
        label=_("Accepted by (citizen or family)"),
        max_length=200,
        help_text=_("The names of who accepted it, e.g. Maria and João Silva"),
        error_messages={"required": _("Enter who accepted the agreement for the family.")},
    )
    accepted_on = forms.DateField(
        label=_("Accepted on"),
        initial=timezone.localdate,
        error_messages={
            "required": _("Enter the date the agreement was accepted."),
            "invalid": _("Enter a real date."),
        },
    )
    # The version the user started from: a version saved meanwhile is a conflict, not a silent overwrite.
    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def clean_accepted_on(self) -> Any:
        value = self.cleaned_data["accepted_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date of acceptance cannot be in the future."))
        return value


class ActionForm(RowForm):
    """One row: who does what by when."""

    who = forms.CharField(label=_("Who"), max_length=200, error_messages={"required": _("Say who does it.")})
    what = forms.CharField(
        label=_("What"), widget=forms.Textarea(attrs={"rows": 2}), error_messages={"required": _("Say what they do.")}
    )
    by_when = forms.DateField(
        label=_("By when"), error_messages={"required": _("Say by when."), "invalid": _("Enter a real date.")}
    )


class BaseActionFormSet(forms.BaseFormSet):
    """The actions of a version. Every row is optional; an empty row is no action; one action at least.

    Rows prefilled from the previous version are plain rows too, so emptying one drops that action.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.extra = len(self.initial or []) + EXTRA_ROWS

    def initial_form_count(self) -> int:
        return 0

    def clean(self) -> None:
        if any(self.errors):
            return
        if not self.cleaned_actions():
            raise forms.ValidationError(_("Add at least one action: who does what by when."))

    def cleaned_actions(self) -> list[ActionFields]:
        """The filled-in rows, in order."""
        rows = [row.cleaned_data for row in self.forms if row.has_changed() and row.cleaned_data]
        return [ActionFields(who=row["who"], what=row["what"], by_when=row["by_when"]) for row in rows]


ActionFormSet = cast(
    type[BaseActionFormSet],
    forms.formset_factory(
        ActionForm, formset=BaseActionFormSet, extra=EXTRA_ROWS, max_num=MAX_ACTIONS, validate_max=True
    ),
)
