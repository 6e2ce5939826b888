"""The case page shows the latest notes; the notes page has them all, a page at a time."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases.selectors import NOTES_ON_CASE_PAGE
from carepath.notes import views
from carepath.testing.factories import CaseFactory, ProgressNoteFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db


def _notes(case, count):
    now = timezone.now()
    return [ProgressNoteFactory(case=case, text=f"Note number {n}.", written_at=now - datetime.timedelta(hours=n))
            for n in range(count)]  # note 0 is the newest


def test_case_page_shows_only_the_latest_notes_and_a_link_to_all(client):
    case = CaseFactory()
    _notes(case, NOTES_ON_CASE_PAGE + 2)
    body = case_page(client, case)
    shown = [n for n in range(NOTES_ON_CASE_PAGE + 2) if f"Note number {n}." in body]
    assert shown == list(range(NOTES_ON_CASE_PAGE))
    assert f'href="{reverse("notes:note_list", args=[case.pk])}"' in body


def test_no_link_when_the_case_page_shows_every_note(client):
    case = CaseFactory()
    _notes(case, NOTES_ON_CASE_PAGE)
    assert f'href="{reverse("notes:note_list", args=[case.pk])}"' not in case_page(client, case)


def test_the_notes_page_walks_every_note_newest_first(client, monkeypatch):
    monkeypatch.setattr(views, "NOTES_PAGE", 4)
    case = CaseFactory()
    _notes(case, 9)
    client.force_login(case.signal.received_by)
    url, seen = reverse("notes:note_list", args=[case.pk]), []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen += [n.text for n in response.context["notes"]]
        after = response.context["page"].next_after
        url = f"{reverse('notes:note_list', args=[case.pk])}?after={after}" if after else None
    assert seen == [f"Note number {n}." for n in range(9)]


def test_the_notes_page_is_an_audited_view_of_the_case(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    client.get(reverse("notes:note_list", args=[case.pk]))
    assert AuditEvent.objects.filter(action="view", what="cases.case", case_id=case.pk).exists()


@pytest.mark.parametrize(("who", "status"), [("stranger", 404), ("provider without consent", 403)])
def test_who_may_not_read_the_file_does_not_get_the_notes(client, who, status):
    case = CaseFactory()
    _notes(case, 1)
    user = stranger() if who == "stranger" else provider_staff_on(case, consent=False)
    client.force_login(user)
    response = client.get(reverse("notes:note_list", args=[case.pk]))
    assert response.status_code == status and b"Note number 0." not in response.content
