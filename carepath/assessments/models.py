from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.core.choices import FunctionalLevel
from carepath.organisations.authority import OfAuthority


class Assessment(OfAuthority):
    """Functional ability on three dimensions, by level not diagnosis; repeated to show a trajectory."""

    authority_from = "case"

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("date of assessment"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assessed by"), on_delete=models.PROTECT, related_name="+"
    )
    physical_level = models.PositiveSmallIntegerField(_("physical and practical"), choices=FunctionalLevel.choices)
    physical_description = models.TextField(_("physical and practical: description"), blank=True)
    communication_level = models.PositiveSmallIntegerField(_("communication"), choices=FunctionalLevel.choices)
    communication_description = models.TextField(_("communication: description"), blank=True)
    social_level = models.PositiveSmallIntegerField(_("social behaviour"), choices=FunctionalLevel.choices)
    social_description = models.TextField(_("social behaviour: description"), blank=True)
    strengths = models.TextField(_("strengths of the person"), blank=True)
    resources = models.TextField(_("resources of the family and network"), blank=True)

    class Meta:
        ordering = ["assessed_on", "pk"]
        verbose_name = _("assessment")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.assessed_on}"

    @property
    def highest_level(self) -> int:
        return max(self.physical_level, self.communication_level, self.social_level)
