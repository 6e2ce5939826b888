from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.core.choices import LifeDomain
from carepath.core.concurrency import Versioned
from carepath.organisations.authority import OfAuthority


class Goal(OfAuthority, Versioned):
    """A goal set with the citizen: their own words beside a SMART formulation."""

    authority_from = "case"

    class ProposedBy(models.TextChoices):
        CITIZEN = "citizen", _("The citizen")
        RESIDENTS_COUNCIL = "residents_council", _("Residents' council")
        ACTIVIST = "activist", _("Rights activist")
        STAFF = "staff", _("Staff")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Working on it")
        ACHIEVED = "achieved", _("Achieved")
        STOPPED = "stopped", _("Stopped")

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="goals")
    citizen_words = models.TextField(
        _("in the citizen's own words"), help_text=_("Their wish or dream, as they say it")
    )
    title = models.CharField(_("specific goal"), max_length=300)
    indicator = models.CharField(_("how we measure it (indicator)"), max_length=300)
    target = models.CharField(_("target"), max_length=200)
    due_on = models.DateField(_("to be reached by"))
    life_domain = models.CharField(_("life domain"), max_length=20, choices=LifeDomain.choices)
    proposed_by = models.CharField(_("proposed by"), max_length=20, choices=ProposedBy.choices)
    is_group_goal = models.BooleanField(_("group goal"), default=False)
    group_cases = models.ManyToManyField(
        "cases.Case",
        verbose_name=_("shared with the cases of"),
        blank=True,
        related_name="shared_goals",
        through="GoalGroupCase",
        help_text=_("A group goal is shared by several people; each sees it on their own case."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("goal")
        # Reports quote the latest goals set in a period: newest first, without sorting every goal.
        indexes = [models.Index(fields=["created_at", "id"], name="goal_created_at")]

    def __str__(self) -> str:
        return self.title


class GoalGroupCase(OfAuthority):
    """A group goal shared with another person's case (`Goal.group_cases`; its table from before).

    It takes the goal's authority: a goal is shared only with cases of its own authority.
    """

    authority_from = "goal"

    goal = models.ForeignKey(Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "goals_goal_group_cases"
        unique_together = [("goal", "case")]
        verbose_name = _("case a group goal is shared with")
