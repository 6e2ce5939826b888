"""Pilots of service user involvement, following the five steps of SEMPRE's organisational roadmap
(seed 001). A pilot is an organisation's record of its own work, kept by a unit: it names no citizen.
Its After Action Reviews and Appreciative Inquiries point to it (`learning`), and a pilot that
worked can become a practice in the library (`practice`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.core.concurrency import Versioned


class Step(models.TextChoices):
    """SEMPRE's five steps, in their order, worded as in the roadmap."""

    EXPLORE = "explore", _("Explore empowerment")
    KICK_START = "kick_start", _("Kick-start the idea")
    IDENTIFY = "identify", _("Identify a pilot")
    ASSESS = "assess", _("Assess the outcomes")
    KEEP_MOMENTUM = "keep_momentum", _("Keep the momentum")


# What a person fills in, in the form's order.
PILOT_FIELDS = (
    "title",
    "unit",
    "step",
    "started_on",
    "stakeholders",
    "objectives",
    "success_factors",
    "scenarios",
    "decisions",
    "keep_momentum",
    "notes",
)


class Pilot(Versioned):
    """A pilot project for service user involvement, developed by leaders together with their staff."""

    unit = models.ForeignKey("organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title of the pilot"), max_length=200)
    step = models.CharField(_("step of the roadmap"), max_length=20, choices=Step.choices, default=Step.EXPLORE)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    stakeholders = models.TextField(
        _("stakeholders"),
        blank=True,
        help_text=_("Who takes part: service users, staff, partners."),
    )
    objectives = models.TextField(_("objectives"), help_text=_("One objective a line."))
    success_factors = models.TextField(
        _("success factors"), blank=True, help_text=_("What shows that the pilot works.")
    )
    scenarios = models.TextField(
        _("scenarios"), blank=True, help_text=_("How you test the feasibility of user involvement with scenarios.")
    )
    decisions = models.TextField(
        _("decisions"), blank=True, help_text=_("The decisions taken before starting and along the way.")
    )
    keep_momentum = models.TextField(
        _("keeping the momentum"),
        blank=True,
        help_text=_("How you spread the word, meet the concerns new ideas bring and make the pilot last."),
    )
    notes = models.TextField(_("notes"), blank=True)
    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("practice it became"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pilots",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pilot")
        indexes = [models.Index(fields=["unit", "step"])]

    def __str__(self) -> str:
        return self.title

    @property
    def step_number(self) -> int:
        """Where the pilot is on the roadmap, from 1 to 5."""
        return list(Step.values).index(self.step) + 1
