import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.reminders.models import Reminder
from carepath.testing.auth import TwoStepClient
from carepath.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def reminder(user, n: int, **fields) -> Reminder:
    return Reminder.objects.create(
        user=user, subject=Reminder.Subject.DEADLINE, object_id=n,
        due_on=timezone.localdate() + datetime.timedelta(days=n), reference=f"C-{n:06d}",
        label="Social information", path=f"/cases/{n}/", **fields,
    )


@pytest.fixture
def worker():
    return UserFactory()


@pytest.fixture
def client(worker):
    client = TwoStepClient()
    client.force_login(worker)
    return client


def test_the_list_shows_the_users_own_reminders_newest_first(client, worker, django_assert_max_num_queries):
    first, second = reminder(worker, 1), reminder(worker, 2)
    reminder(UserFactory(), 3)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("reminders:list"))
    text = page.content.decode()
    assert "C-000003" not in text
    assert text.index("C-000002") < text.index("C-000001")
    assert f'href="{second.path}"' in text and f'href="{first.path}"' in text


def test_a_reminder_can_be_marked_as_read(client, worker):
    one, other = reminder(worker, 1), reminder(worker, 2)
    response = client.post(reverse("reminders:list"), {"reminder": one.pk})
    assert response.status_code == 302
    one.refresh_from_db(), other.refresh_from_db()
    assert one.read_at is not None and other.read_at is None


def test_all_can_be_marked_as_read_but_not_someone_elses(client, worker):
    mine, theirs = reminder(worker, 1), reminder(UserFactory(), 2)
    client.post(reverse("reminders:list"), {"reminder": theirs.pk})
    client.post(reverse("reminders:list"))
    mine.refresh_from_db(), theirs.refresh_from_db()
    assert mine.read_at is not None and theirs.read_at is None


def test_the_navigation_item_counts_the_unread_reminders(rf, worker):
    from django.template import Context, Template

    reminder(worker, 1), reminder(worker, 2, read_at=timezone.now())
    request = rf.get("/")
    request.user = worker
    html = Template("{% load reminders %}{% reminders_nav_item %}").render(Context({"request": request}))
    assert "Reminders (1 new)" in html and 'href="/reminders/"' in html
