"""`carepath remind`: make the reminders of deadlines and steps due soon or overdue, and send their e-mails.

Idempotent and safe to run every minute (from cron or a systemd timer, docs/guide/administrator.md):
each reminder is made once per user, record and due date, and each e-mail sent once.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from carepath.reminders import services


class Command(BaseCommand):
    help = "Remind staff of deadlines and steps due soon or overdue, in the app and by e-mail (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--lead-days",
            type=int,
            default=None,
            help="Remind this many days before the due date (default: CAREPATH_REMINDER_LEAD_DAYS).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        lead_days = options["lead_days"]
        if lead_days is None:
            lead_days = settings.CAREPATH_REMINDER_LEAD_DAYS
        done = services.remind(today=timezone.localdate(), lead_days=lead_days)
        self.stdout.write(f"{done.created} reminders made, {done.emailed} e-mails sent")
