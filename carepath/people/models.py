from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.core.concurrency import Versioned


class Household(models.Model):
    """A family or other household; in family work the household is who the case is about."""

    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. the Silva family"))
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("household")

    def __str__(self) -> str:
        return self.name


class Person(Versioned):
    """A citizen: the person a case is about (or a member of that household).

    Versioned: the person's details can be corrected (GDPR rectification) by more than one
    case worker, and a stale correction must not silently overwrite a newer one.
    """

    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    preferred_language = models.CharField(_("preferred language"), max_length=10, blank=True)
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    household_role = models.CharField(
        _("role in household"), max_length=50, blank=True, help_text=_("e.g. parent, child")
    )

    class Meta:
        verbose_name = _("person")
        indexes = [models.Index(fields=["family_name", "given_name"])]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}"
