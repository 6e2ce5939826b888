from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.core.choices import LifeDomain
from carepath.core.concurrency import Versioned
from carepath.organisations.authority import OfAuthority

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class EvaluationMoment(OfAuthority, Versioned):
    """A moment planned with the citizen to look at what was achieved."""

    authority_from = "case"

    class Scale(models.IntegerChoices):
        """A five-step visual scale (faces), for satisfaction and the citizen's own view."""

        VERY_UNHAPPY = 1, _("Very unhappy")
        UNHAPPY = 2, _("Unhappy")
        NEUTRAL = 3, _("In between")
        HAPPY = 4, _("Happy")
        VERY_HAPPY = 5, _("Very happy")

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="evaluations")
    planned_on = models.DateField(_("planned for"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    citizen_words = models.TextField(_("what the citizen says"), blank=True)
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction with the service"), choices=Scale.choices, null=True, blank=True, validators=ONE_TO_FIVE
    )
    citizen_view = models.PositiveSmallIntegerField(
        _("how the citizen feels about it (faces)"),
        choices=Scale.choices,
        null=True,
        blank=True,
        validators=ONE_TO_FIVE,
    )
    citizen_view_in_portal = models.BooleanField(_("given by the citizen in the portal"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["planned_on", "pk"]
        verbose_name = _("evaluation moment")

    def __str__(self) -> str:
        return str(_("Evaluation moment of %(day)s") % {"day": self.held_on or self.planned_on})


class GoalAttainment(OfAuthority):
    authority_from = "evaluation"

    class Level(models.TextChoices):
        FULLY = "fully", _("Fully achieved")
        PARTIALLY = "partially", _("Partially achieved")
        NOT = "not", _("Not achieved")

    evaluation = models.ForeignKey(
        EvaluationMoment, verbose_name=_("evaluation moment"), on_delete=models.CASCADE, related_name="attainments"
    )
    goal = models.ForeignKey("goals.Goal", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="attainments")
    level = models.CharField(_("attainment"), max_length=10, choices=Level.choices)
    gas_score = models.SmallIntegerField(
        _("Goal Attainment Scale (-2 to +2)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-2), MaxValueValidator(2)],
        help_text=_("-2 much less than expected, 0 as expected, +2 much more than expected"),
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("goal attainment")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "goal"], name="attainment_once_per_goal"),
            models.CheckConstraint(
                condition=models.Q(gas_score__isnull=True) | models.Q(gas_score__gte=-2, gas_score__lte=2),
                name="goal_attainment_scale_minus_2_to_2",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal}: {self.get_level_display()}"


class QualityOfLifeRating(OfAuthority):
    """How the citizen rates their life in one domain at an evaluation moment (1 very bad to 5 very good).

    The first rated moment of a case is the "before", the latest the "after".
    """

    authority_from = "evaluation"

    evaluation = models.ForeignKey(
        EvaluationMoment, verbose_name=_("evaluation moment"), on_delete=models.CASCADE, related_name="quality_of_life"
    )
    domain = models.CharField(_("life domain"), max_length=20, choices=LifeDomain.choices)
    score = models.PositiveSmallIntegerField(_("rating"), validators=ONE_TO_FIVE)

    class Meta:
        verbose_name = _("quality-of-life rating")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "domain"], name="quality_of_life_once_per_domain"),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="quality_of_life_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.score}"
