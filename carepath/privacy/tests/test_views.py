"""Who may open a person's data page and download it; every export is audited."""

import json

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.privacy import views
from carepath.referrals.models import Referral
from carepath.testing.factories import CaseFactory, CitizenFactory, ProgressNoteFactory, RelativeFactory
from carepath.testing.roles import provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db


def data_url(case: Case, json_file: bool = False) -> str:
    name = "privacy:person_data_json" if json_file else "privacy:person_data"
    return reverse(name, kwargs={"person_id": case.person_id})


def exports_of(case: Case) -> int:
    return AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT, person_id=case.person_id).count()


@pytest.mark.parametrize("json_file", [False, True])
def test_the_case_worker_on_the_team_gets_it_and_it_is_audited(client, json_file):
    case = CaseFactory.create()
    client.force_login(case.signal.received_by)
    response = client.get(data_url(case, json_file))
    assert response.status_code == 200
    assert exports_of(case) == 1
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.user, event.what, event.object_id) == (case.signal.received_by, "people.person", case.person_id)


def test_the_download_is_an_attachment_without_the_name(client):
    case = CaseFactory.create()
    client.force_login(case.signal.received_by)
    response = client.get(data_url(case, json_file=True))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert case.person.given_name not in disposition and case.person.family_name not in disposition
    assert response["Cache-Control"] == "private, no-store"
    assert json.loads(response.content)["person_id"] == case.person_id


def test_the_page_shows_plain_headings_and_the_records(client):
    case = CaseFactory.create()
    ProgressNoteFactory.create(case=case, text="Went to the park today.")
    client.force_login(case.signal.received_by)
    page = client.get(data_url(case)).content.decode()
    assert "Progress notes" in page and "Went to the park today." in page
    assert reverse("privacy:person_data_json", kwargs={"person_id": case.person_id}) in page


def test_the_team_leader_gets_it_even_for_a_closed_case(client):
    case = CaseFactory.create(status=Case.Status.CLOSED, closed_at=timezone.now())
    client.force_login(team_leader_of(case))
    assert client.get(data_url(case)).status_code == 200


@pytest.mark.parametrize("status", [Referral.Status.PENDING, Referral.Status.ACCEPTED])
def test_provider_staff_get_404(client, status):
    case = CaseFactory.create()
    client.force_login(provider_staff_on(case, status))
    assert client.get(data_url(case)).status_code == 404
    assert client.get(data_url(case, json_file=True)).status_code == 404
    assert exports_of(case) == 0


def test_a_stranger_gets_404_and_the_refusal_is_audited(client):
    case = CaseFactory.create()
    client.force_login(stranger())
    assert client.get(data_url(case)).status_code == 404
    assert exports_of(case) == 0
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DENIED, person_id=case.person_id).exists()


def test_an_unknown_person_is_404_like_any_other(client):
    case = CaseFactory.create()
    client.force_login(case.signal.received_by)
    assert client.get(reverse("privacy:person_data", kwargs={"person_id": 999999})).status_code == 404


def test_a_citizen_does_not_reach_the_staff_pages_even_for_their_own_file(client):
    case = CaseFactory.create()
    citizen = CitizenFactory.create(person=case.person)
    client.force_login(citizen)
    # The portal middleware refuses citizens on staff pages (403) before the policy's 404.
    assert client.get(data_url(case)).status_code in (403, 404)
    assert exports_of(case) == 0
    with pytest.raises(Http404):
        policy.get_person_for_subject_access(citizen, case.person_id)


@pytest.mark.parametrize("view", [views.own_data, views.own_data_json])
def test_a_citizen_downloads_their_own_data_through_the_portal_function(view):
    case = CaseFactory.create()
    ProgressNoteFactory.create(case=case, is_restricted=True, restriction_reason="Safety of a third person.")
    request = RequestFactory().get("/portal/my-data/")
    request.user = CitizenFactory.create(person=case.person)
    response = view(request)
    assert response.status_code == 200
    assert exports_of(case) == 1
    if view is views.own_data_json:
        assert json.loads(response.content)["records"]["notes.progressnote"] == []


def test_a_relative_without_a_file_of_their_own_gets_404():
    request = RequestFactory().get("/portal/my-data/")
    request.user = RelativeFactory.create()
    with pytest.raises(Http404):
        views.own_data_json(request)


def test_the_page_of_the_demo_person_shows_every_kind_of_record(client, tomas):
    case = Case.objects.get(person=tomas)
    client.force_login(case.signal.received_by)
    page = client.get(reverse("privacy:person_data", kwargs={"person_id": tomas.pk})).content.decode()
    for heading in ("Wishes", "Proxies", "Attachments", "Deposits", "Households", "Who looked at or changed the file"):
        assert heading in page
    assert 'href="/supports/' in page and 'href="/consents/' in page
