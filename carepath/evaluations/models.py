from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EvaluationMoment(models.Model):
    """A moment planned with the citizen to look at what was achieved."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="evaluations")
    planned_on = models.DateField(_("planned for"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    citizen_words = models.TextField(_("what the citizen says"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["planned_on", "pk"]
        verbose_name = _("evaluation moment")

    def __str__(self) -> str:
        return str(_("Evaluation moment of %(day)s") % {"day": self.held_on or self.planned_on})


class GoalAttainment(models.Model):
    class Level(models.TextChoices):
        FULLY = "fully", _("Fully achieved")
        PARTIALLY = "partially", _("Partially achieved")
        NOT = "not", _("Not achieved")

    evaluation = models.ForeignKey(EvaluationMoment, on_delete=models.CASCADE, related_name="attainments")
    goal = models.ForeignKey("goals.Goal", on_delete=models.CASCADE, related_name="attainments")
    level = models.CharField(_("attainment"), max_length=10, choices=Level.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("goal attainment")
        constraints = [models.UniqueConstraint(fields=["evaluation", "goal"], name="attainment_once_per_goal")]

    def __str__(self) -> str:
        return f"{self.goal}: {self.get_level_display()}"
