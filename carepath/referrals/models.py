from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.organisations.authority import OfAuthority


class Referral(OfAuthority):
    """The authority refers the citizen to a provider's service; the provider accepts or declines."""

    authority_from = "case"

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the provider")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        ENDED = "ended", _("Ended")

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey(
        "organisations.Service", verbose_name=_("service"), on_delete=models.PROTECT, related_name="referrals"
    )
    goals = models.ManyToManyField(
        "goals.Goal", verbose_name=_("goals this service works on"), related_name="referrals", through="ReferralGoal"
    )
    message = models.TextField(_("message to the provider"), blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("referred by"), on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField(_("referred at"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("practice applied"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        help_text=_("A practice from the library that the provider's plan applies, if any."),
    )

    class Meta:
        ordering = ["-referred_at"]
        verbose_name = _("referral")
        indexes = [models.Index(fields=["service", "status"])]
        constraints = [
            # The same person cannot wait for, or be in, the same service twice.
            models.UniqueConstraint(
                fields=["case", "service"],
                condition=models.Q(status__in=["pending", "accepted"]),
                name="one_open_referral_per_case_and_service",
            )
        ]

    def __str__(self) -> str:
        return _("Referral %(id)s") % {"id": self.pk}

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.ACCEPTED)


class ReferralGoal(OfAuthority):
    """A goal a referral asks the service to work on (`Referral.goals`; its table from before)."""

    authority_from = "referral"

    referral = models.ForeignKey(Referral, verbose_name=_("referral"), on_delete=models.CASCADE, related_name="+")
    goal = models.ForeignKey("goals.Goal", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "referrals_referral_goals"
        unique_together = [("referral", "goal")]
        verbose_name = _("goal of a referral")
