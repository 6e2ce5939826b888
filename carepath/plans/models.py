from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.core.concurrency import Versioned
from carepath.organisations.authority import OfAuthority


class Step(OfAuthority, Versioned):
    """A step the provider and citizen break a goal into: what, who, when, status."""

    authority_from = "goal"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("Doing it")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    goal = models.ForeignKey("goals.Goal", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="steps")
    what = models.CharField(_("what"), max_length=300)
    who = models.CharField(_("who"), max_length=200)
    due_on = models.DateField(_("when"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    practice = models.ForeignKey(
        "practices.Practice",
        verbose_name=_("practice applied"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="steps",
        help_text=_("A practice from the library that this step applies, if any."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("step")

    def __str__(self) -> str:
        return self.what


class StepAttachment(OfAuthority):
    """A support for a step: a picture, a video or an easy-read text."""

    authority_from = "step"

    class Kind(models.TextChoices):
        IMAGE = "image", _("Picture")
        VIDEO = "video", _("Video")
        EASY_READ = "easy_read", _("Easy-read text")

    step = models.ForeignKey(Step, verbose_name=_("step"), on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to="steps/%Y/", blank=True)
    description = models.CharField(
        _("description"), max_length=300, help_text=_("What the picture or video shows, for screen readers")
    )
    text = models.TextField(_("easy-read text"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)
    # Taken along on a home visit's device (issue 11); off by default, since it weighs on a phone.
    for_offline = models.BooleanField(
        _("take along on home visits"),
        default=False,
        help_text=_("Keep this picture on the devices of staff who take the case along on a home visit."),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")

    def __str__(self) -> str:
        return self.description or self.get_kind_display()


class SavingsPlan(OfAuthority):
    """Money saved towards a goal (a trip, a bicycle), with deposits and progress."""

    authority_from = "goal"

    goal = models.OneToOneField(
        "goals.Goal", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="savings_plan"
    )
    target_amount = models.DecimalField(_("target amount"), max_digits=10, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")

    class Meta:
        verbose_name = _("savings plan")

    def __str__(self) -> str:
        return f"{self.target_amount} {self.currency}"

    def saved(self) -> Decimal:
        return sum((d.amount for d in self.deposits.all()), Decimal("0"))

    def percent(self) -> int:
        if not self.target_amount:
            return 0
        return min(100, int(self.saved() * 100 / self.target_amount))


class SavingsDeposit(OfAuthority):
    authority_from = "savings_plan"

    savings_plan = models.ForeignKey(
        SavingsPlan, verbose_name=_("savings plan"), on_delete=models.CASCADE, related_name="deposits"
    )
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    deposited_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["deposited_on", "pk"]
        verbose_name = _("deposit")

    def __str__(self) -> str:
        return f"{self.deposited_on}: {self.amount}"
