"""Two runs of `carepath remind` at the same moment, on PostgreSQL (SQLite lets one writer in at a time)."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from carepath.cases.models import Deadline
from carepath.reminders import services
from carepath.reminders.models import Reminder
from carepath.testing.factories import CaseFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
]


def test_two_runs_at_once_make_and_send_each_reminder_once():
    today = timezone.localdate()
    for n in range(20):
        case = CaseFactory(signal__received_by__email=f"worker{n}@example.org")
        due_on = today + datetime.timedelta(days=1)
        Deadline.objects.create(signal=case.signal, label="Social information", due_on=due_on)
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            services.remind(today=today, lead_days=2)
        except BaseException as error:  # noqa: BLE001  (reported below, in the test's thread)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Reminder.objects.count() == 20
    assert len(mail.outbox) == 20
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 0
