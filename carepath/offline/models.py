"""Devices that take cases along on a home visit, what they took, and what they wrote offline (issue 11).

The device holds the cases encrypted under `Device.key`, which only the server keeps between visits
and releases to a signed-in session of the device's own user; destroying it (expiry, logout,
revocation) makes whatever the device still holds unreadable. See docs/offline.md.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carepath.organisations.authority import OfAuthority


class Device(models.Model):
    """A phone, tablet or laptop a staff member registered to work offline."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT, related_name="devices"
    )
    name = models.CharField(_("name of the device"), max_length=60, help_text=_("e.g. Work phone, Team tablet"))
    # The device proves itself with a random token in an HttpOnly cookie; only its SHA-256 is stored.
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    # The AES-GCM key the device's cache is encrypted with; empty once destroyed.
    key = models.BinaryField(_("key"), max_length=32, null=True, editable=False)
    key_expires_at = models.DateTimeField(_("key expires at"), null=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, editable=False)
    last_contact_at = models.DateTimeField(_("last contact"), null=True, editable=False)
    last_sync_at = models.DateTimeField(_("last sync"), null=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("device")
        verbose_name_plural = _("devices")

    def __str__(self) -> str:
        return self.name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class TakeAlong(OfAuthority):
    """A case a device holds for a home visit."""

    authority_from = "case"

    device = models.ForeignKey(Device, verbose_name=_("device"), on_delete=models.CASCADE, related_name="cases")
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+")
    taken_at = models.DateTimeField(_("taken along at"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("case taken along")
        verbose_name_plural = _("cases taken along")
        constraints = [models.UniqueConstraint(fields=["device", "case"], name="offline_one_take_along_per_case")]


class OfflineWrite(OfAuthority):
    """One change made on a device without a connection, as it arrived: stored once per client id.

    It is kept whatever happens to it, so that nothing written on a visit is lost: applied, in
    conflict with a change made meanwhile (both versions kept until the writer resolves it), refused
    (no longer allowed) or held (sent by a revoked device, kept for review, not applied).
    """

    authority_from = "case"

    class Kind(models.TextChoices):
        NOTE = "note", _("progress note")
        STEP_STATUS = "step_status", _("status of a step")
        EVALUATION = "evaluation", _("evaluation answers")
        PHOTO = "photo", _("photo for a step")

    class State(models.TextChoices):
        APPLIED = "applied", _("applied")
        CONFLICT = "conflict", _("in conflict: to be resolved")
        KEPT_MINE = "kept_mine", _("resolved: the version from the visit was kept")
        KEPT_THEIRS = "kept_theirs", _("resolved: the version at the office was kept")
        REFUSED = "refused", _("refused: no longer allowed")
        HELD = "held", _("held: sent by a revoked device")

    client_id = models.UUIDField(_("id made on the device"), unique=True, default=uuid.uuid4)
    device = models.ForeignKey(Device, verbose_name=_("device"), on_delete=models.PROTECT, related_name="writes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey("cases.Case", verbose_name=_("case"), on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    record_id = models.PositiveBigIntegerField(_("record number"), null=True, blank=True)
    base_version = models.PositiveIntegerField(_("version it was based on"), null=True, blank=True)
    payload = models.JSONField(_("what was written"), default=dict)
    photo = models.FileField(_("photo"), upload_to="offline/%Y/", blank=True)
    # What the record looked like at the office when the write arrived in conflict: the other side.
    server_version = models.JSONField(_("the version at the office"), default=dict, blank=True)
    device_at = models.DateTimeField(_("made on the device at"))
    received_at = models.DateTimeField(_("synced at"), default=timezone.now)
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    message = models.CharField(_("why"), max_length=300, blank=True)
    result_id = models.PositiveBigIntegerField(_("record made or changed"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("resolved by"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("write made offline")
        verbose_name_plural = _("writes made offline")
        indexes = [models.Index(fields=["user", "state"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.client_id}"
