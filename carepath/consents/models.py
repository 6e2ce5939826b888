from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.organisations.authority import OfAuthority


class Consent(OfAuthority):
    """Consent to the intervention; a withdrawn consent restricts what is shared."""

    authority_from = "case"

    class Method(models.TextChoices):
        PAPER = "paper", _("Signed on paper (scan uploaded)")
        IN_PERSON = "in_person", _("Given in person and recorded")

    class Scope(models.TextChoices):
        INTERVENTION = "intervention", _("The intervention as a whole")
        SHARE_PROVIDERS = "share_providers", _("Sharing information with providers")
        SHARE_NETWORK = "share_network", _("Sharing information with the network (school, health)")
        PHOTOS = "photos", _("Taking photos for the plan (on a home visit too)")

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="consents")
    given_by = models.CharField(_("who consented"), max_length=200)
    relation = models.CharField(
        _("relation to the citizen"), max_length=100, help_text=_("e.g. the citizen, mother, guardian")
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    scope_details = models.TextField(_("details of the scope"), blank=True)
    providers = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("providers this consent covers"),
        blank=True,
        related_name="+",
        through="ConsentProvider",
        through_fields=("consent", "organisation"),  # not `authority`, which points at an organisation too
        help_text=_("For sharing with providers: leave empty to cover every provider the case is referred to."),
    )
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    document = models.FileField(_("scanned document"), upload_to="consents/%Y/", blank=True)
    given_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("consent")

    def __str__(self) -> str:
        return f"{self.get_scope_display()} ({self.given_on})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None


class ConsentProvider(OfAuthority):
    """A provider a consent to share covers (`Consent.providers`; its table from before)."""

    authority_from = "consent"

    consent = models.ForeignKey(Consent, verbose_name=_("consent"), on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("provider"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        db_table = "consents_consent_providers"
        unique_together = [("consent", "organisation")]
        verbose_name = _("provider a consent covers")
