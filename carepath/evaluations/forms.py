"""Forms to plan an evaluation moment and to record what it showed."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from carepath.core.forms import Form, ModelForm
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.evaluations.services import AttainmentAnswer
from carepath.goals.models import Goal


class PlanEvaluationForm(ModelForm):
    class Meta:
        model = EvaluationMoment
        fields = ["planned_on"]
        labels = {"planned_on": _("Date of the evaluation moment")}
        error_messages = {"planned_on": {"required": _("Enter the date of the evaluation moment.")}}
        help_texts = {"planned_on": _("Agree the date with the citizen or the family, e.g. three months from now.")}

    def clean_planned_on(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["planned_on"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The date of the evaluation moment cannot be in the past."))
        return value


class RecordEvaluationForm(Form):
    """When the moment was held, one radio group (and a comment) per goal, the citizen's words."""

    held_on = forms.DateField(
        label=_("Date it was held"),
        initial=timezone.localdate,
        error_messages={"required": _("Enter the date it was held.")},
    )
    citizen_words = forms.CharField(
        label=_("What the citizen says"),
        help_text=_("Write what they said, in their words."),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )

    def __init__(self, *args: Any, evaluation: EvaluationMoment, goals: list[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goals = goals
        previous = {a.goal_id: a for a in evaluation.attainments.all()}
        if evaluation.held_on:
            self.initial.update(held_on=evaluation.held_on, citizen_words=evaluation.citizen_words)
        words = self.fields.pop("citizen_words")  # the citizen's words come after the goals
        for goal in goals:
            level, comment = self._goal_fields(goal)
            self.fields[self.level_name(goal)] = level
            self.fields[self.comment_name(goal)] = comment
            if goal.pk in previous:
                self.initial[self.level_name(goal)] = previous[goal.pk].level
                self.initial[self.comment_name(goal)] = previous[goal.pk].comment
        self.fields["citizen_words"] = words

    @staticmethod
    def level_name(goal: Goal) -> str:
        return f"goal_{goal.pk}_level"

    @staticmethod
    def comment_name(goal: Goal) -> str:
        return f"goal_{goal.pk}_comment"

    @staticmethod
    def _goal_fields(goal: Goal) -> tuple[forms.Field, forms.Field]:
        title = goal.title + (f" ({_t('group goal')})" if goal.is_group_goal else "")
        level = forms.ChoiceField(
            label=title,
            choices=GoalAttainment.Level.choices,
            widget=forms.RadioSelect(attrs={"class": "govuk-radios__input"}),
            help_text=_t("In their words: “%(words)s” Measured by: %(indicator)s; target: %(target)s.")
            % {"words": goal.citizen_words, "indicator": goal.indicator, "target": goal.target},
            error_messages={"required": _t("Say how far “%(goal)s” was achieved.") % {"goal": goal.title}},
        )
        comment = forms.CharField(
            label=_t("Comment on “%(goal)s”") % {"goal": goal.title},
            widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 2}),
            required=False,
        )
        return level, comment

    def clean_held_on(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["held_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date it was held cannot be in the future."))
        return value

    def answers(self) -> list[AttainmentAnswer]:
        """One answer per goal, from a valid form."""
        data = self.cleaned_data
        return [
            AttainmentAnswer(goal, data[self.level_name(goal)], data[self.comment_name(goal)].strip())
            for goal in self.goals
        ]
