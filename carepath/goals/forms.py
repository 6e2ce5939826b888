from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.accounts.models import User
from carepath.cases.models import Case
from carepath.core.choices import LifeDomain
from carepath.core.forms import ModelForm, VersionedModelForm
from carepath.goals import selectors
from carepath.goals.models import Goal

GOAL_FIELDS = [
    "citizen_words",
    "title",
    "indicator",
    "target",
    "due_on",
    "life_domain",
    "proposed_by",
    "is_group_goal",
    "group_cases",
]


class CaseChoiceField(forms.ModelMultipleChoiceField):
    """Cases named by their person and reference, as a case worker knows them."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.person} ({obj.reference})"


class GoalForm(ModelForm):
    """The citizen's own words first, then the SMART formulation, the life domain and who proposed it."""

    group_cases = CaseChoiceField(
        label=_("Shared with"),
        queryset=Case.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for a group goal: the other people who share it. Each sees it on their own case."),
    )

    class Meta:
        model = Goal
        fields = GOAL_FIELDS
        widgets = {
            "citizen_words": forms.Textarea(attrs={"rows": 6, "class": "govuk-!-font-size-24"}),
            "life_domain": forms.RadioSelect,
            "proposed_by": forms.RadioSelect,
        }
        labels = {
            "citizen_words": _("In the citizen's own words"),
            "title": _("Specific goal"),
            "indicator": _("How we measure it (indicator)"),
            "target": _("Target"),
            "due_on": _("To be reached by"),
            "is_group_goal": _("This is a group goal, shared with other people"),
        }
        help_texts = {
            "citizen_words": _("Their wish or dream: write it as they say it"),
            "title": _("What exactly will be different, e.g. travel to Riga by bus with a friend"),
            "indicator": _("What shows that the goal is reached, e.g. trip made"),
            "target": _("e.g. one trip, three times a week"),
        }
        error_messages = {
            "citizen_words": {"required": _("Write the goal in the citizen's own words.")},
            "title": {"required": _("Enter the specific goal.")},
            "indicator": {"required": _("Enter how we measure it.")},
            "target": {"required": _("Enter the target.")},
            "due_on": {
                "required": _("Enter the date by which the goal is reached."),
                "invalid": _("Enter a real date."),
            },
            "life_domain": {"required": _("Choose the life domain.")},
            "proposed_by": {"required": _("Choose who proposed the goal.")},
        }

    def __init__(self, *args: Any, case: Case, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        # Radios need no empty "---------" choice; the fields stay required.
        cast(forms.ChoiceField, self.fields["life_domain"]).choices = LifeDomain.choices
        cast(forms.ChoiceField, self.fields["proposed_by"]).choices = Goal.ProposedBy.choices
        keep = list(self.instance.group_cases.values_list("pk", flat=True)) if self.instance.pk else []
        choices = selectors.shareable_cases(user, case=case, keep=keep)
        cast(CaseChoiceField, self.fields["group_cases"]).queryset = choices
        # Shared cases this user cannot see stay shared (see services.update_goal) and count as sharing.
        self.unseen_shares = len(keep) - choices.filter(pk__in=keep).count() if keep else 0

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("is_group_goal"):
            shared = data.get("group_cases") or self.unseen_shares
            if not shared and "group_cases" not in self.errors:
                self.add_error("group_cases", _("Choose at least one other person who shares this group goal."))
        else:
            data["group_cases"] = []  # a goal that is no group goal is shared with nobody
        return data


class NewGoalForm(GoalForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposed_by"].initial = Goal.ProposedBy.CITIZEN

    def clean_due_on(self) -> Any:
        value = self.cleaned_data["due_on"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The date by which the goal is reached cannot be in the past."))
        return value


class EditGoalForm(GoalForm, VersionedModelForm):
    pass


class GoalStatusForm(VersionedModelForm):
    class Meta:
        model = Goal
        fields = ["status"]
        widgets = {"status": forms.RadioSelect}
        labels = {"status": _("Where the goal stands")}
        error_messages = {"status": {"required": _("Choose where the goal stands.")}}
