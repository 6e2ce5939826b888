"""How teams learn from what happened: focus groups after activities, After Action Reviews and
Appreciative Inquiry. Each record belongs to a unit; the voice it keeps sits beside the numbers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.organisations.authority import OfAuthority


class FocusGroup(models.Model):
    """A session after an activity where service users and staff look back on it together."""

    unit = models.ForeignKey("organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey(
        "organisations.Service",
        verbose_name=_("service"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    held_on = models.DateField(_("date"))
    activity = models.CharField(_("activity discussed"), max_length=300, help_text=_("e.g. the visit to the bank"))
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("staff who took part"), blank=True, related_name="+"
    )
    cases = models.ManyToManyField(
        "cases.Case",
        verbose_name=_("service users who took part"),
        blank=True,
        related_name="focus_groups",
        through="FocusGroupCase",
        help_text=_("The people taking part, through their cases"),
    )
    other_participants = models.CharField(_("other participants"), max_length=300, blank=True)
    impressions = models.TextField(_("impressions"))
    recommendations = models.TextField(_("recommendations"), blank=True)
    areas_to_improve = models.TextField(_("areas to improve"), blank=True)
    goals = models.ManyToManyField(
        "goals.Goal", verbose_name=_("goals discussed"), blank=True, related_name="+", through="FocusGroupGoal"
    )
    steps = models.ManyToManyField(
        "plans.Step",
        verbose_name=_("activities (steps) discussed"),
        blank=True,
        related_name="+",
        through="FocusGroupStep",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("focus group")
        indexes = [models.Index(fields=["unit", "held_on"])]

    def __str__(self) -> str:
        return self.activity


# The focus group itself belongs to a unit, often a provider's, and may take in cases of several
# authorities; each link row carries the authority of the case, goal or step it links.


class FocusGroupCase(OfAuthority):
    """A service user's case that took part in a focus group (`FocusGroup.cases`; its table from before)."""

    authority_from = "case"

    focusgroup = models.ForeignKey(
        FocusGroup, verbose_name=_("focus group"), on_delete=models.CASCADE, related_name="+"
    )
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "learning_focusgroup_cases"
        unique_together = [("focusgroup", "case")]
        verbose_name = _("case in a focus group")


class FocusGroupGoal(OfAuthority):
    """A goal a focus group discussed (`FocusGroup.goals`; its table from before)."""

    authority_from = "goal"

    focusgroup = models.ForeignKey(
        FocusGroup, verbose_name=_("focus group"), on_delete=models.CASCADE, related_name="+"
    )
    goal = models.ForeignKey("goals.Goal", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "learning_focusgroup_goals"
        unique_together = [("focusgroup", "goal")]
        verbose_name = _("goal discussed in a focus group")


class FocusGroupStep(OfAuthority):
    """A step a focus group discussed (`FocusGroup.steps`; its table from before)."""

    authority_from = "step"

    focusgroup = models.ForeignKey(
        FocusGroup, verbose_name=_("focus group"), on_delete=models.CASCADE, related_name="+"
    )
    step = models.ForeignKey("plans.Step", verbose_name=_("step"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "learning_focusgroup_steps"
        unique_together = [("focusgroup", "step")]
        verbose_name = _("step discussed in a focus group")


class FocusGroupMaterial(models.Model):
    """A photo or video reviewed in the focus group; served only through access-checked views."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Photo")
        VIDEO = "video", _("Video")

    focus_group = models.ForeignKey(
        FocusGroup, verbose_name=_("focus group"), on_delete=models.CASCADE, related_name="materials"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="focus-groups/%Y/")
    description = models.CharField(_("description"), max_length=300, help_text=_("What it shows, for screen readers"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("material reviewed")

    def __str__(self) -> str:
        return self.description


class AfterActionReview(models.Model):
    """What was planned, what happened, why the difference, what we learn: for a team or a pilot."""

    unit = models.ForeignKey("organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("what the review is about"), max_length=300, help_text=_("a team's work or a pilot"))
    held_on = models.DateField(_("date"))
    planned = models.TextField(_("what was planned"))
    happened = models.TextField(_("what happened"))
    why_different = models.TextField(_("why it was different"))
    lessons = models.TextField(_("what we learn"))
    pilot = models.ForeignKey(
        "pilots.Pilot",
        verbose_name=_("pilot"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="after_action_reviews",
        help_text=_("The pilot this review looks back on, if any."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("after action review")

    def __str__(self) -> str:
        return self.subject


class AppreciativeInquiry(models.Model):
    """The four Ds: what works at its best (discover), what could be (dream), how (design), who does what (destiny)."""

    unit = models.ForeignKey("organisations.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("what the inquiry is about"), max_length=300)
    held_on = models.DateField(_("date"))
    discover = models.TextField(_("discover: what works well, at its best"))
    dream = models.TextField(_("dream: what could be"))
    design = models.TextField(_("design: what we will build"))
    destiny = models.TextField(_("destiny: who does what, from when"))
    pilot = models.ForeignKey(
        "pilots.Pilot",
        verbose_name=_("pilot"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        help_text=_("The pilot this inquiry is about, if any."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("appreciative inquiry")
        verbose_name_plural = _("appreciative inquiries")

    def __str__(self) -> str:
        return self.subject
