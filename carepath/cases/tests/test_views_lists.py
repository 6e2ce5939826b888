"""The deadline and signal lists a page at a time, and the whole history of a case."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases import views
from carepath.cases.models import Deadline
from carepath.cases.selectors import TIMELINE_ON_CASE_PAGE
from carepath.testing.factories import CaseFactory, ProgressNoteFactory, SignalFactory, UserFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import stranger

pytestmark = pytest.mark.django_db


def _walk(client, name):
    """Every row of a keyset-paginated list page, following its next links."""
    url, seen = reverse(name), []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen += response.context["page"].items
        after = response.context["page"].next_after
        url = f"{reverse(name)}?after={after}" if after else None
    return seen


def test_the_deadline_page_walks_every_open_deadline_earliest_first(client, monkeypatch):
    monkeypatch.setattr(views, "LIST_PAGE", 3)
    worker = UserFactory()
    today = timezone.localdate()
    for n in range(4):
        signal = CaseFactory(signal__received_by=worker).signal
        Deadline.objects.create(signal=signal, label="Plan agreed", due_on=today + datetime.timedelta(days=n % 2))
        Deadline.objects.create(signal=signal, label="Met", due_on=today, done_on=today)
    CaseFactory()  # someone else's case and deadlines
    client.force_login(worker)
    seen = _walk(client, "cases:deadline_list")
    expected = Deadline.objects.filter(done_on__isnull=True, signal__received_by=worker).order_by("due_on", "pk")
    assert [d.pk for d in seen] == [d.pk for d in expected] and len(seen) == 4
    listed = AuditEvent.objects.filter(user=worker, action="listed").values_list("person_id", flat=True)
    assert set(listed) == {d.signal.person_id for d in seen}


def test_overdue_deadlines_are_tagged_on_the_deadline_page(client):
    case = CaseFactory()
    Deadline.objects.create(signal=case.signal, label="Late one", due_on=timezone.localdate() - datetime.timedelta(1))
    client.force_login(case.signal.received_by)
    body = client.get(reverse("cases:deadline_list")).content.decode()
    assert "Late one" in body and "cp-deadline--overdue" in body


def test_the_signal_page_walks_every_waiting_signal_oldest_first(client, monkeypatch):
    monkeypatch.setattr(views, "LIST_PAGE", 2)
    first = SignalFactory()
    now = timezone.now()
    signals = [first, *(SignalFactory(unit=first.unit, received_at=now - datetime.timedelta(days=n)) for n in range(4))]
    client.force_login(UserFactory(unit=first.unit))
    seen = _walk(client, "cases:signal_list")
    assert [s.pk for s in seen] == [s.pk for s in sorted(signals, key=lambda s: (s.received_at, s.pk))]


def test_the_case_page_shows_the_latest_history_and_links_to_the_whole(client):
    case = CaseFactory()
    now = timezone.now()
    for n in range(TIMELINE_ON_CASE_PAGE + 5):
        ProgressNoteFactory(case=case, written_at=now - datetime.timedelta(hours=n))
    history = reverse("cases:case_history", args=[case.pk])
    body = case_page(client, case)
    timeline = body[body.index('id="timeline"'):]
    assert timeline.count("cp-timeline__item") == TIMELINE_ON_CASE_PAGE and history in timeline
    response = client.get(history)
    assert response.status_code == 200
    # every note, the signal and the opening of the case
    assert response.content.decode().count("cp-timeline__item") == TIMELINE_ON_CASE_PAGE + 5 + 2


def test_a_short_history_is_whole_on_the_case_page(client):
    case = CaseFactory()
    assert reverse("cases:case_history", args=[case.pk]) not in case_page(client, case)


def test_a_stranger_gets_no_history(client):
    case = CaseFactory()
    client.force_login(stranger())
    assert client.get(reverse("cases:case_history", args=[case.pk])).status_code == 404
