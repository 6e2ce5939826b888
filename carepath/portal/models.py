"""What only the portal adds: proxies a citizen grants to relatives, and wishes written by the citizen."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.organisations.authority import OfAuthority


class Proxy(models.Model):
    """A citizen lets a relative follow their file, within a scope and a period, until revoked."""

    class Scope(models.TextChoices):
        PROGRESS = "progress", _("Only my goals and how they are going")
        PLAN_AND_NOTES = "plan_notes", _("My goals, my plan and the notes")

    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="proxies"
    )
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("representative"),
        on_delete=models.CASCADE,
        related_name="proxies_held",
    )
    relation = models.CharField(_("who they are to you"), max_length=100, help_text=_("For example: my mother"))
    scope = models.CharField(_("what they may see"), max_length=12, choices=Scope.choices)
    valid_from = models.DateField(_("from"))
    valid_until = models.DateField(_("until"), null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("granted by"), on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("stopped at"), null=True, blank=True)

    class Meta:
        ordering = ["-granted_at", "-pk"]
        verbose_name = _("proxy")
        verbose_name_plural = _("proxies")
        indexes = [models.Index(fields=["representative", "person"])]

    def __str__(self) -> str:
        return _("Proxy %(id)s") % {"id": self.pk}

    def is_active_on(self, day: date) -> bool:
        return (
            self.revoked_at is None and self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
        )


class Wish(OfAuthority):
    """A new wish the citizen writes in the portal; the case worker takes it up as a goal."""

    authority_from = "case"

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="wishes")
    text = models.TextField(_("your wish"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(_("written at"), auto_now_add=True)
    taken_up_in = models.ForeignKey(
        "goals.Goal", verbose_name=_("goal"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-written_at", "-pk"]
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")

    def __str__(self) -> str:
        return _("Wish %(id)s") % {"id": self.pk}
