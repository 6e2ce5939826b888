from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.audit.chain import entry_hash


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit entry: the log is append-only."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    """Reads as usual; every bulk change is refused (the database triggers refuse them too)."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit entries cannot be changed.")

    def bulk_update(self, *args: Any, **kwargs: Any) -> int:
        raise AppendOnlyError("Audit entries cannot be changed.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit entries cannot be deleted.")

    def bulk_create(  # type: ignore[override]  # accepts whatever QuerySet.bulk_create does, and refuses it
        self, objs: Iterable["AuditEvent"], *args: Any, **kwargs: Any
    ) -> list["AuditEvent"]:
        # Each entry must be chained to the one before it, one at a time.
        raise AppendOnlyError("Audit entries are added one by one with carepath.audit.log.append().")


class AuditEvent(models.Model):
    """One read or write of a person's data. Written only by carepath.audit.log.append (via the access policy).

    Append-only and hash-chained: `hash` covers every field below but `authority` and `chained_after`,
    and `prev_hash`, the hash of the entry before it (see carepath/audit/chain.py and docs/decisions/0006).
    """

    class Action(models.TextChoices):
        VIEW = "view", _("looked at")
        LISTED = "listed", _("saw in a list")
        CREATE = "create", _("added")
        UPDATE = "update", _("changed")
        EXPORT = "export", _("exported")
        DENIED = "denied", _("was refused access to")

    # Set by the writer rather than auto_now_add: the time is part of the hash, computed before the insert.
    at = models.DateTimeField(_("when"), default=timezone.now, editable=False, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    what = models.CharField(_("record type"), max_length=50, help_text=_("model label, e.g. cases.case"))
    object_id = models.PositiveBigIntegerField(_("record number"), null=True)
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("case"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    person = models.ForeignKey(
        "people.Person", verbose_name=_("person"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    class Reason(models.TextChoices):
        NONE = "", _("(none given)")
        HOME_VISIT = "home_visit", _("home visit")

    # Why a record was read, when the reading was not a look at a page: taking a case along.
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices, blank=True, default="")
    # A change made on a device without a connection: when it was made there; `at` is when it was synced.
    device_at = models.DateTimeField(_("made on the device at"), null=True, blank=True)
    # The case's authority, set by the writer (docs/scaling.md, section 4); empty for an entry about
    # a person only. Not hashed: it follows from the case, which is, and entries written before the
    # column existed keep their hashes.
    authority = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("authority"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        editable=False,
    )
    prev_hash = models.CharField(_("previous hash"), max_length=64, editable=False)
    # The id of the last entry when this write began (0: the log was empty), on the first entry of
    # each write: two writers that read the same tail would fork the chain, and the second is refused.
    # Ids only grow, so this unique index costs an insert at its right end (a unique index on
    # prev_hash, as before, cost a random page of a large index per entry: decision 0006).
    chained_after = models.PositiveBigIntegerField(_("written after entry"), null=True, unique=True, editable=False)
    hash = models.CharField(_("hash"), max_length=64, editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["person", "at"]), models.Index(fields=["case", "at"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.what} {self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("Audit entries cannot be changed.")
        if not (self.hash and self.prev_hash):
            raise AppendOnlyError("Audit entries are added with carepath.audit.log.append().")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("Audit entries cannot be deleted.")

    def computed_hash(self) -> str:
        """The hash this entry should carry, from its stored fields and `prev_hash`."""
        return entry_hash(
            prev_hash=self.prev_hash,
            at=self.at,
            user_id=self.user_id,
            action=self.action,
            what=self.what,
            object_id=self.object_id,
            case_id=self.case_id,
            person_id=self.person_id,
            reason=self.reason,
            device_at=self.device_at,
        )
