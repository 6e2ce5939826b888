from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One read or write of a person's data. Written only by carepath.access.policy."""

    class Action(models.TextChoices):
        VIEW = "view", _("looked at")
        CREATE = "create", _("added")
        UPDATE = "update", _("changed")
        EXPORT = "export", _("exported")
        DENIED = "denied", _("was refused access to")

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    what = models.CharField(max_length=50, help_text="model label, e.g. cases.case")
    object_id = models.PositiveBigIntegerField(null=True)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, null=True, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["person", "at"]), models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.what} {self.object_id}"
