from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.organisations.authority import OfAuthority


class ImportedCase(OfAuthority):
    """A case brought over from the previous system, with that system's reference.

    The reference is what makes an import idempotent: importing the same file again finds the case
    and creates nothing. It is unique per organisation, because the previous system was the
    organisation's; an empty reference (after anonymisation) is exempt.
    """

    authority_from = "case"

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField(_("reference in the previous system"), max_length=100)
    case = models.OneToOneField(
        "cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="imported_from"
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), on_delete=models.PROTECT, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported case")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"],
                condition=~models.Q(reference=""),
                name="imported_reference_once_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.reference
