from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.organisations.authority import OfAuthority


class AgreementVersion(OfAuthority):
    """One negotiated version of the case's agreement. Versions are never edited, only succeeded."""

    authority_from = "case"

    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="agreement_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    summary = models.TextField(_("what was negotiated"), blank=True)
    accepted_by_family = models.CharField(_("accepted by (citizen or family)"), max_length=200)
    accepted_by_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("accepted by (staff)"), on_delete=models.PROTECT, related_name="+"
    )
    accepted_on = models.DateField(_("accepted on"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("agreement version")
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="agreement_version_unique")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.number}"


class AgreementAction(OfAuthority):
    """Who does what by when, as negotiated."""

    authority_from = "version"

    version = models.ForeignKey(
        AgreementVersion, verbose_name=_("agreement version"), on_delete=models.CASCADE, related_name="actions"
    )
    who = models.CharField(_("who"), max_length=200)
    what = models.TextField(_("what"))
    by_when = models.DateField(_("by when"))

    class Meta:
        ordering = ["by_when", "pk"]
        verbose_name = _("agreed action")

    def __str__(self) -> str:
        return f"{self.who}: {self.what}"
