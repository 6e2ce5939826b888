from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from carepath.organisations.authority import OfAuthority


class ProgressNote(OfAuthority):
    """A dated entry tied to a goal or a step. Shared with the citizen unless restricted with a reason."""

    authority_from = "case"

    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="notes")
    goal = models.ForeignKey(
        "goals.Goal", verbose_name=_("goal"), on_delete=models.SET_NULL, null=True, blank=True, related_name="notes"
    )
    step = models.ForeignKey(
        "plans.Step", verbose_name=_("step"), on_delete=models.SET_NULL, null=True, blank=True, related_name="notes"
    )
    text = models.TextField(_("note"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(_("written at"))
    is_restricted = models.BooleanField(_("restricted (not shown to the citizen)"), default=False)
    restriction_reason = models.TextField(_("reason for restricting"), blank=True)

    class Meta:
        ordering = ["-written_at", "-pk"]
        verbose_name = _("progress note")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_restricted=False) | ~models.Q(restriction_reason=""),
                name="restricted_note_has_reason",
            )
        ]

    def __str__(self) -> str:
        return _("Progress note %(id)s") % {"id": self.pk}
