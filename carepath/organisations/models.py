from django.conf import settings
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from carepath.core.choices import FunctionalLevel, LifeDomain


class Organisation(models.Model):
    class Kind(models.TextChoices):
        AUTHORITY = "authority", _("Authority (municipality)")
        PROVIDER = "provider", _("Provider (centre, NGO, cooperative)")
        # Gives material support (food, clothing...) and keeps a support register; offers no referred services.
        CHARITY = "charity", _("Charity or food bank")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO code, e.g. LT"))
    shares_practice_outcomes = models.BooleanField(
        _("shares outcome figures with the practice library"),
        default=False,
        help_text=_(
            "Counts of goal attainment, quality-of-life change and satisfaction of its cases appear, "
            "without any personal data, on the practices they applied."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    """A team or centre of an organisation; a case is the responsibility of one unit."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="units"
    )
    name = models.CharField(_("name"), max_length=200)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("team leader"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_units",
    )

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("unit")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unit_name_unique_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name}: {self.name}"


class Service(models.Model):
    """An entry of the service catalogue that a provider's unit offers."""

    provider = models.ForeignKey(
        Organisation,
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="services",
        limit_choices_to={"kind": Organisation.Kind.PROVIDER},
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.SET_NULL, null=True, blank=True, related_name="services"
    )
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"))
    life_domains = models.JSONField(
        _("life domains"), default=list, help_text=format_lazy("{}{}", _("Codes: "), ", ".join(LifeDomain.values))
    )
    level_min = models.PositiveSmallIntegerField(
        _("lowest functional level served"), choices=FunctionalLevel.choices, default=FunctionalLevel.NONE
    )
    level_max = models.PositiveSmallIntegerField(
        _("highest functional level served"), choices=FunctionalLevel.choices, default=FunctionalLevel.COMPLETE
    )
    capacity = models.PositiveIntegerField(_("capacity (people at a time)"), default=10)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level_min__lte=models.F("level_max")), name="service_level_range_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.provider.name})"

    def life_domain_labels(self) -> list[str]:
        labels = dict(LifeDomain.choices)
        return [str(labels.get(code, code)) for code in self.life_domains]
