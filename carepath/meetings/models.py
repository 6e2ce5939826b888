"""Network meetings on a case: the professionals of several organisations and the family meet,
instead of each collecting information alone (seed 002), and agree a common strategy."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from carepath.core.concurrency import Versioned
from carepath.organisations.authority import OfAuthority


class NetworkMeeting(OfAuthority, Versioned):
    """A meeting of everyone around a case. Its minutes are shared with the citizen unless restricted with a reason."""

    authority_from = "case"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    strategy = models.TextField(_("common strategy"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    is_restricted = models.BooleanField(_("minutes restricted (not shown to the citizen)"), default=False)
    restriction_reason = models.TextField(_("reason for restricting"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("network meeting")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_restricted=False) | ~models.Q(restriction_reason=""),
                name="restricted_meeting_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", args=[self.pk])


class MeetingParticipant(OfAuthority):
    """Who takes part: a professional (an account of any organisation), a professional without an
    account (e.g. a teacher) by name, or a family or network member by name. The citizen and their
    family take part as experts of their own situation."""

    authority_from = "meeting"

    class Kind(models.TextChoices):
        PROFESSIONAL = "professional", _("Professional")
        CITIZEN = "citizen", _("The citizen")
        FAMILY = "family", _("Family or network (expert of their own situation)")
        GUEST = "guest", _("Professional without an account")

    meeting = models.ForeignKey(
        NetworkMeeting, verbose_name=_("network meeting"), on_delete=models.CASCADE, related_name="participants"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("professional"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    relation = models.CharField(
        _("relation or organisation"), max_length=100, blank=True, help_text=_("For example: mother, or the school")
    )
    attended = models.BooleanField(_("attended"), default=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("meeting participant")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="professional", user__isnull=False)
                | (~models.Q(kind="professional") & ~models.Q(name="")),
                name="participant_is_professional_or_named",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.user_id is not None and self.user is not None:
            return self.user.get_full_name() or self.user.username
        return self.name

    @property
    def is_expert_by_experience(self) -> bool:
        return self.kind in (self.Kind.CITIZEN, self.Kind.FAMILY)


class MeetingDecision(OfAuthority):
    """A decision taken in the meeting, in the order it was taken."""

    authority_from = "meeting"

    meeting = models.ForeignKey(
        NetworkMeeting, verbose_name=_("network meeting"), on_delete=models.CASCADE, related_name="decisions"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("decision"))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("meeting decision")

    def __str__(self) -> str:
        return self.text[:80]


class MeetingAction(OfAuthority):
    """Who does what by when, as agreed in the meeting. Saving it adds a step to a goal of the case's plan."""

    authority_from = "meeting"

    meeting = models.ForeignKey(
        NetworkMeeting, verbose_name=_("network meeting"), on_delete=models.CASCADE, related_name="actions"
    )
    what = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner (professional)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    owner_name = models.CharField(_("owner"), max_length=200)
    due_on = models.DateField(_("by when"))
    # Kept when the goal or step goes (a record's retention ends): the meeting still says what was agreed.
    goal = models.ForeignKey(
        "goals.Goal", verbose_name=_("goal"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    step = models.OneToOneField(
        "plans.Step", verbose_name=_("step"), on_delete=models.SET_NULL, null=True, related_name="meeting_action"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("meeting action")

    def __str__(self) -> str:
        return f"{self.owner_name}: {self.what}"
