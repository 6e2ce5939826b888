"""Reminders of deadlines and steps, and the secret calendar feeds staff and citizens subscribe to.

A reminder names its deadline or step by id, not by a foreign key: it is a notice to a staff account,
not part of the case file, so it carries no authority column and no content of the file (see
services.py for what it may show). A calendar feed stores only a hash of its secret, like API tokens.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Reminder(models.Model):
    """One reminder to one staff user of one deadline or step, for one due date.

    The unique constraint makes `carepath remind` idempotent: a run inserts what is missing and
    ignores what another run (even one running at the same time) already inserted.
    """

    class Subject(models.TextChoices):
        DEADLINE = "deadline", _("Deadline")
        STEP = "step", _("Step")

    class Channel(models.TextChoices):
        IN_APP = "in_app", _("In the app")
        EMAIL = "email", _("In the app and by e-mail")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="reminders"
    )
    subject = models.CharField(_("about"), max_length=10, choices=Subject.choices)
    object_id = models.PositiveBigIntegerField(_("id of the deadline or step"))
    due_on = models.DateField(_("due on"))
    # What the reminder may show without opening the file: the case reference (or the signal's number),
    # a deadline rule's label (the same for everyone) and the page to open. Never a name or a step's text.
    reference = models.CharField(_("reference"), max_length=30)
    label = models.CharField(_("what must be done"), max_length=200, blank=True)
    path = models.CharField(_("page"), max_length=200)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.IN_APP)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("e-mail sent at"), null=True, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "subject", "object_id", "due_on"], name="reminder_once_per_user_and_due_date"
            ),
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="reminders_user_unread")]

    def __str__(self) -> str:
        return f"{self.reference}: {self.due_on}"


class CalendarFeed(models.Model):
    """A secret, revocable address a calendar app reads a user's steps and deadlines from.

    Only the hash of the secret is kept; the address is shown once, when the feed is made.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(_("secret hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("calendar feed")

    def __str__(self) -> str:
        return _("Calendar of %(owner)s") % {"owner": self.owner_id}

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
