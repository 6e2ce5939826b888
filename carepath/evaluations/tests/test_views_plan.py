import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.evaluations.models import EvaluationMoment
from carepath.testing.factories import CaseFactory
from carepath.testing.roles import provider_staff_on, stranger, team_leader_of

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("evaluations:evaluation_plan", args=[case.pk])


def _in(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def test_case_worker_plans_a_moment_and_returns_to_the_case(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    assert client.get(_url(case)).status_code == 200
    response = client.post(_url(case), {"planned_on": _in(90)}, follow=True)
    assert response.redirect_chain[-1][0] == case.get_absolute_url() + "#evaluations"
    evaluation = EvaluationMoment.objects.get()
    assert evaluation.planned_on == timezone.localdate() + datetime.timedelta(days=90)
    assert "The evaluation moment is planned." in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, object_id=evaluation.pk).exists()


def test_unit_leader_may_plan(client):
    case = CaseFactory()
    client.force_login(team_leader_of(case))
    assert client.get(_url(case)).status_code == 200


def test_missing_date_answers_400_with_the_message_beside_the_field_and_in_the_summary(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {"planned_on": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert body.count("Enter the date of the evaluation moment.") == 2
    assert not EvaluationMoment.objects.exists()


def test_date_in_the_past_is_refused_and_kept(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), {"planned_on": _in(-3)})
    assert response.status_code == 400
    body = response.content.decode()
    assert body.count("The date of the evaluation moment cannot be in the past.") == 2
    assert f'value="{_in(-3)}"' in body
    assert not EvaluationMoment.objects.exists()


def test_provider_staff_may_not_plan(client):
    case = CaseFactory()
    client.force_login(provider_staff_on(case))
    assert client.get(_url(case)).status_code == 403
    assert client.post(_url(case), {"planned_on": _in(30)}).status_code == 403
    assert not EvaluationMoment.objects.exists()


def test_stranger_gets_404(client):
    case = CaseFactory()
    client.force_login(stranger())
    assert client.post(_url(case), {"planned_on": _in(30)}).status_code == 404
    assert not EvaluationMoment.objects.exists()


def test_closed_case_cannot_get_new_moments(client):
    case = CaseFactory(status=Case.Status.CLOSED)
    client.force_login(case.signal.received_by)
    assert client.get(_url(case)).status_code == 403
