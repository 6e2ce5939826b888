import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core.choices import LifeDomain
from carepath.referrals.models import Referral
from carepath.referrals.tests.factories import case_with_goals, load, service
from carepath.testing.factories import ReferralFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("referrals:referral_new", args=[case.pk])


def test_case_worker_sees_suggestions_with_their_load(client):
    case = case_with_goals(LifeDomain.LEISURE, level=2)
    club = service(LifeDomain.LEISURE, name="Football club", purpose="Play football weekly.", capacity=12)
    load(club, in_service=5, waiting=2)
    service(LifeDomain.LEISURE, level_min=3, name="Intensive day centre")
    client.force_login(case.signal.received_by)
    response = client.get(_url(case))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Football club" in body and "Play football weekly." in body
    assert [s.service.name for s in response.context["suggestions"]] == ["Football club"]
    suggestion = response.context["suggestions"][0]
    assert (suggestion.service.capacity, suggestion.service.in_service, suggestion.service.waiting) == (12, 5, 2)
    assert f"?service={club.pk}" in body


def test_choosing_a_suggestion_preselects_the_service(client):
    case = case_with_goals(LifeDomain.LEISURE)
    club = service(LifeDomain.LEISURE)
    client.force_login(case.signal.received_by)
    response = client.get(_url(case), {"service": club.pk})
    assert f'<option value="{club.pk}" selected>' in response.content.decode()


def test_case_worker_sends_a_referral(client):
    case = case_with_goals(LifeDomain.LEISURE)
    goal = case.goals.get()
    club = service(LifeDomain.LEISURE)
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {"service": club.pk, "goals": [goal.pk], "message": "Wants to start soon"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/cases/{case.pk}/#referrals")
    referral = Referral.objects.get(case=case)
    assert (referral.service, list(referral.goals.all()), referral.status) == (club, [goal], "pending")
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="referrals.referral").exists()


def test_unit_leader_may_refer(client):
    case = case_with_goals(LifeDomain.LEISURE)
    client.force_login(team_leader_of(case))
    assert client.get(_url(case)).status_code == 200


def test_missing_service_and_goals_answer_400_and_keep_the_message(client):
    case = case_with_goals(LifeDomain.LEISURE)
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {"message": "Wants to start soon"})
    assert_form_error(response, "service", "Choose the service to refer to.", kept=["Wants to start soon"])
    assert_form_error(response, "goals", "Choose at least one goal the service will work on.")
    assert not Referral.objects.exists()


def test_a_second_open_referral_to_the_same_service_answers_400_with_a_clear_error(client):
    case = case_with_goals(LifeDomain.LEISURE)
    existing = ReferralFactory(case=case)
    client.force_login(case.signal.received_by)
    response = client.post(
        _url(case), {"service": existing.service.pk, "goals": [case.goals.get().pk], "message": "Again"}
    )
    assert response.status_code == 400
    assert "already has a pending or accepted referral to this service" in response.content.decode()
    assert Referral.objects.count() == 1


def test_goals_of_another_case_are_refused(client):
    case = case_with_goals(LifeDomain.LEISURE)
    other = case_with_goals(LifeDomain.LEISURE)
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {"service": service().pk, "goals": [other.goals.get().pk]})
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_provider_staff_may_not_refer(client):
    case = case_with_goals(LifeDomain.LEISURE)
    client.force_login(provider_staff_on(case, Referral.Status.ACCEPTED))
    assert client.get(_url(case)).status_code == 403


def test_stranger_gets_404(client):
    case = case_with_goals(LifeDomain.LEISURE)
    client.force_login(stranger())
    assert client.get(_url(case)).status_code == 404


def test_no_referral_on_a_closed_case(client):
    case = case_with_goals(LifeDomain.LEISURE)
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    client.force_login(case.signal.received_by)
    assert client.get(_url(case)).status_code == 403


def test_page_queries_do_not_grow_with_services(client, django_assert_max_num_queries):
    case = case_with_goals(LifeDomain.LEISURE)
    load(service(LifeDomain.LEISURE), in_service=1, waiting=1)
    client.force_login(case.signal.received_by)
    with CaptureQueriesContext(connection) as before:
        client.get(_url(case))
    for _ in range(8):
        load(service(LifeDomain.LEISURE), in_service=1, waiting=1)
    with django_assert_max_num_queries(len(before)):
        client.get(_url(case))
