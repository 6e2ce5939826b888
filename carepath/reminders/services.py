"""Making and sending reminders, marking them read, and making and revoking calendar feeds."""

import datetime
import logging
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from carepath.accounts.models import User
from carepath.reminders import due
from carepath.reminders.models import CalendarFeed, Reminder, digest

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reminded:
    created: int
    emailed: int


def remind(*, today: datetime.date, lead_days: int) -> Reminded:
    """Make every reminder due within `lead_days` (or overdue) that does not exist yet, then send the
    e-mails not sent yet. Safe to run every minute, and twice at once: see `create` and `send_pending`."""
    before = Reminder.objects.count()
    create(items=list(due.due_until(today + datetime.timedelta(days=lead_days))))
    created = Reminder.objects.count() - before
    return Reminded(created=max(created, 0), emailed=send_pending(today=today))


def create(*, items: list[due.Due]) -> None:
    """Insert the reminders; one that exists already (the same user, record and due date, perhaps
    inserted a moment ago by another run) is ignored by the database under the unique constraint."""
    Reminder.objects.bulk_create([item.as_reminder() for item in items], ignore_conflicts=True, batch_size=500)


def send_pending(*, today: datetime.date) -> int:
    """Send each e-mail reminder not sent yet, once: a run first claims the reminder by setting
    `sent_at` where it is still empty (one UPDATE; of two runs, one wins), then sends. A failed
    send gives the claim back, so the next run tries again."""
    sent = 0
    pending = Reminder.objects.filter(channel=Reminder.Channel.EMAIL, sent_at__isnull=True).select_related("user")
    for reminder in pending.order_by("pk"):
        claimed = Reminder.objects.filter(pk=reminder.pk, sent_at__isnull=True).update(sent_at=timezone.now())
        if not claimed:
            continue
        try:
            _send(reminder, today=today)
        except Exception:
            Reminder.objects.filter(pk=reminder.pk).update(sent_at=None)
            logger.exception("reminder %s: e-mail not sent", reminder.pk)  # ids only
            continue
        sent += 1
    return sent


def _send(reminder: Reminder, *, today: datetime.date) -> None:
    """The e-mail names no one: the case reference, a deadline's label (the rule's, the same for
    everyone) or "a step of the plan", the date and a link. The rest is behind the sign-in."""
    what = due.describe(reminder)
    date = formats.date_format(reminder.due_on, "DATE_FORMAT")
    values = {"what": what, "reference": reminder.reference, "date": date}
    if reminder.due_on < today:
        subject = _("Overdue: %(what)s for %(reference)s, due on %(date)s") % values
    else:
        subject = _("Reminder: %(what)s for %(reference)s, due on %(date)s") % values
    link = settings.CAREPATH_SITE_URL.rstrip("/") + reminder.path
    body = "\n\n".join([
        subject,
        _("Open it in Carepath: %(link)s") % {"link": link},
        _("This e-mail names no one. Sign in to Carepath to see the file."),
    ])
    send_mail(subject, body, None, [reminder.user.email])


def mark_read(*, user: User, reminder_id: int | None = None) -> int:
    """Mark one of the user's reminders as read, or all of them (reminder_id None)."""
    unread = Reminder.objects.filter(user_id=user.pk, read_at__isnull=True)
    if reminder_id is not None:
        unread = unread.filter(pk=reminder_id)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def create_feed(*, owner: User) -> tuple[CalendarFeed, str]:
    """A new secret calendar address for `owner`; the old one stops working. Returns the feed and
    the secret, which is kept only as a hash and so can be shown this once."""
    revoke_feed(owner=owner)
    token = secrets.token_urlsafe(32)
    return CalendarFeed.objects.create(owner=owner, token_hash=digest(token)), token


def revoke_feed(*, owner: User) -> int:
    """Stop the owner's calendar address at once: the next fetch answers 404."""
    return CalendarFeed.objects.filter(owner_id=owner.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
