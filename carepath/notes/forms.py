from typing import Any

from django.forms import ModelChoiceField
from django.utils.translation import gettext_lazy as _

from carepath.cases.models import Case
from carepath.core.forms import ModelForm
from carepath.goals import selectors as goal_selectors
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.plans.models import Step


class StepChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.goal.title}: {obj.what}"


class ProgressNoteForm(ModelForm):
    class Meta:
        model = ProgressNote
        fields = ["text", "goal", "step", "is_restricted", "restriction_reason"]
        labels = {"text": _("Note")}
        help_texts = {
            "text": _("What happened and what it means for the goals. The person reads it unless it is restricted."),
            "step": _("If you choose a step, it must be a step of the chosen goal."),
            "is_restricted": _("Only when the person must not read it, e.g. it is about someone else"),
            "restriction_reason": _("Needed when the note is restricted"),
        }
        field_classes = {"step": StepChoiceField}

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Own and shared group goals by a UNION (goals.selectors.ids_of_case): as one OR across the
        # group table, PostgreSQL read all the goals of a million people (0.6 s per form).
        goals = Goal.objects.filter(pk__in=goal_selectors.ids_of_case(case.pk))
        goal_field, step_field = self.fields["goal"], self.fields["step"]
        assert isinstance(goal_field, ModelChoiceField) and isinstance(step_field, ModelChoiceField)
        goal_field.queryset = goals
        step_field.queryset = Step.objects.filter(goal__in=goals.values("pk")).select_related("goal")
        self.fields["text"].error_messages["required"] = _("Write the note.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        goal, step = data.get("goal"), data.get("step")
        if step is not None:
            if goal is None:
                data["goal"] = step.goal  # the step says which goal the note is about
            elif step.goal_id != goal.pk:
                self.add_error("step", _("This step belongs to another goal. Choose a step of the chosen goal."))
        if data.get("is_restricted"):
            if not data.get("restriction_reason", "").strip():
                self.add_error("restriction_reason", _("Say why the person may not read this note."))
        else:
            data["restriction_reason"] = ""
        return data
