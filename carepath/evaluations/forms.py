"""Forms to plan an evaluation moment, to record what it showed, and the citizen's own view in the portal."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from carepath.core.choices import LifeDomain
from carepath.core.forms import Form, ModelForm
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.evaluations.services import AttainmentAnswer
from carepath.goals.models import Goal

GAS_CHOICES = [
    (-2, _("−2 much less than expected")),
    (-1, _("−1 less than expected")),
    (0, _("0 as expected")),
    (1, _("+1 more than expected")),
    (2, _("+2 much more than expected")),
]
QUALITY_OF_LIFE_CHOICES = [
    ("", _("Not rated")),
    (1, _("1 very bad")),
    (2, _("2 bad")),
    (3, _("3 in between")),
    (4, _("4 good")),
    (5, _("5 very good")),
]


def faces_field(label: Any, *, required: bool = False, **kwargs: Any) -> forms.TypedChoiceField:
    """A five-face scale (EvaluationMoment.Scale); the template draws a face inside each label."""
    return forms.TypedChoiceField(
        label=label,
        choices=EvaluationMoment.Scale.choices,
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        **kwargs,
    )


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
    """When the moment was held; per goal the attainment, the Goal Attainment Scale and a comment;
    quality of life per domain (prefilled from the previous moment); satisfaction; the citizen's view."""

    held_on = forms.DateField(
        label=_("Date it was held"),
        initial=timezone.localdate,
        error_messages={"required": _("Enter the date it was held.")},
    )
    satisfaction = faces_field(_("How satisfied is the citizen with the service? (optional)"))
    citizen_view = faces_field(_("How does the citizen feel it is going? (optional)"))
    citizen_words = forms.CharField(
        label=_("What the citizen says"),
        help_text=_("Write what they said, in their words."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        evaluation: EvaluationMoment,
        goals: list[Goal],
        quality_of_life: dict[str, int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.goals = goals
        self.previous_quality_of_life = quality_of_life or {}
        self.initial.update(
            satisfaction=evaluation.satisfaction,
            citizen_view=evaluation.citizen_view,
            citizen_words=evaluation.citizen_words,
        )
        if evaluation.held_on:
            self.initial["held_on"] = evaluation.held_on
        previous = {a.goal_id: a for a in evaluation.attainments.all()}
        for goal in goals:
            for name, field in zip(self.goal_names(goal), self._goal_fields(goal), strict=True):
                self.fields[name] = field
            if goal.pk in previous:
                answer = previous[goal.pk]
                level, gas, comment = self.goal_names(goal)
                self.initial.update({level: answer.level, gas: answer.gas_score, comment: answer.comment})
        for domain in LifeDomain:
            self.fields[self.domain_name(domain)] = forms.TypedChoiceField(
                label=domain.label,
                choices=QUALITY_OF_LIFE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.Select(attrs={"class": "govuk-select"}),
            )
            self.initial[self.domain_name(domain)] = self.previous_quality_of_life.get(domain.value)

    @staticmethod
    def goal_names(goal: Goal) -> tuple[str, str, str]:
        return f"goal_{goal.pk}_level", f"goal_{goal.pk}_gas", f"goal_{goal.pk}_comment"

    @staticmethod
    def domain_name(domain: str) -> str:
        return f"quality_of_life_{domain}"

    @staticmethod
    def _goal_fields(goal: Goal) -> tuple[forms.Field, forms.Field, forms.Field]:
        # Added after StyledFormMixin styled the declared fields, so they carry their classes themselves.
        radios = {"class": "govuk-radios__input"}
        # Legends carry the goal's title (hidden on screen, where the heading above shows it) so a
        # screen reader moving from field to field knows which goal each question is about.
        about = format_html(' <span class="govuk-visually-hidden">({})</span>', goal.title)
        level = forms.ChoiceField(
            label=format_html("{}{}", _t("How far was it achieved?"), about),
            choices=GoalAttainment.Level.choices,
            widget=forms.RadioSelect(attrs=radios),
            help_text=_t("In their words: “%(words)s” Measured by: %(indicator)s; target: %(target)s.")
            % {"words": goal.citizen_words, "indicator": goal.indicator, "target": goal.target},
            error_messages={"required": _t("Say how far “%(goal)s” was achieved.") % {"goal": goal.title}},
        )
        gas = forms.TypedChoiceField(
            label=format_html("{}{}", _t("Compared with what was expected (Goal Attainment Scale, optional)"), about),
            choices=GAS_CHOICES,
            coerce=int,
            empty_value=None,
            required=False,
            widget=forms.RadioSelect(attrs=radios),
        )
        comment = forms.CharField(
            label=format_html("{}{}", _t("Comment"), about),
            widget=forms.Textarea(attrs={"class": "govuk-textarea", "rows": 2}),
            required=False,
        )
        return level, gas, comment

    def clean_held_on(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["held_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date it was held cannot be in the future."))
        return value

    # What the template lays out, section by section.

    def goal_rows(self) -> list[tuple[Goal, list[forms.BoundField]]]:
        return [(goal, [self[name] for name in self.goal_names(goal)]) for goal in self.goals]

    def quality_of_life_fields(self) -> list[forms.BoundField]:
        return [self[self.domain_name(domain)] for domain in LifeDomain]

    # What the service receives, from a valid form.

    def answers(self) -> list[AttainmentAnswer]:
        """One answer per goal."""
        data = self.cleaned_data
        answers = []
        for goal in self.goals:
            level, gas, comment = self.goal_names(goal)
            answers.append(AttainmentAnswer(goal, data[level], data[comment].strip(), data[gas]))
        return answers

    def quality_of_life(self) -> dict[str, int]:
        """The rated domains (a domain left at "not rated" is left out)."""
        scores = {domain.value: self.cleaned_data[self.domain_name(domain)] for domain in LifeDomain}
        return {domain: score for domain, score in scores.items() if score is not None}


class CitizenViewForm(Form):
    """The portal's one question: how it is going, on five faces, and words if the citizen likes."""

    view = faces_field(
        _("How is it going?"),
        required=True,
        error_messages={"required": _("Choose the face that fits best.")},
    )
    words = forms.CharField(
        label=_("Do you want to say more?"),
        help_text=_("Write it in your own words. You can leave this empty."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )
