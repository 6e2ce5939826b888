import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from carepath.assessments.models import Assessment
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.testing.factories import AssessmentFactory, CaseFactory
from carepath.testing.forms import assert_form_error
from carepath.testing.roles import DECISION_PAGE_ANSWERS, someone

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("assessments:assessment_new", args=[case.pk])


def _data(**changes):
    data = {
        "assessed_on": timezone.localdate().isoformat(),
        "physical_level": "1",
        "physical_description": "Cooks simple meals with a picture recipe.",
        "communication_level": "2",
        "communication_description": "",
        "social_level": "3",
        "social_description": "",
        "strengths": "Loves music.",
        "resources": "An aunt nearby.",
    }
    return data | changes


def test_form_offers_each_level_as_a_labelled_radio(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.get(_url(case))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('type="radio"') == 15
    assert "0 – No difficulty" in body and "4 – Complete difficulty" in body
    assert "---------" not in body


def test_case_worker_records_an_assessment(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(), follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/cases/{case.pk}/#assessment")
    assert "The assessment is recorded." in response.content.decode()
    assessment = Assessment.objects.get(case=case)
    assert (assessment.physical_level, assessment.communication_level, assessment.social_level) == (1, 2, 3)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, what="assessments.assessment").exists()


def test_new_assessment_starts_from_the_previous_answers(client):
    case = CaseFactory()
    AssessmentFactory(case=case, assessed_on=datetime.date(2024, 1, 1), physical_level=4)
    AssessmentFactory(case=case, assessed_on=datetime.date(2024, 6, 1), physical_level=3, strengths="Brave.")
    client.force_login(case.signal.received_by)
    form = client.get(_url(case)).context["form"]
    assert form.initial["physical_level"] == 3
    assert form.initial["strengths"] == "Brave."
    body = form.as_div()
    assert 'value="3" class="govuk-radios__input" required id="id_physical_level_3" checked' in body


def test_missing_level_answers_400_with_message_and_kept_input(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    response = client.post(_url(case), _data(social_level="", strengths="Sings in a choir."))
    assert_form_error(response, "social_level", "Choose a level for “Social behaviour”.", kept=["Sings in a choir."])
    assert not Assessment.objects.exists()


def test_level_out_of_range_is_refused(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    assert client.post(_url(case), _data(physical_level="7")).status_code == 400
    assert not Assessment.objects.exists()


def test_assessment_date_in_the_future_is_refused(client):
    case = CaseFactory()
    client.force_login(case.signal.received_by)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(_url(case), _data(assessed_on=tomorrow))
    assert_form_error(response, "assessed_on", "cannot be in the future")


@pytest.mark.parametrize(("who", "get", "post"), DECISION_PAGE_ANSWERS)
def test_only_who_manages_the_case_records_an_assessment(client, who, get, post):
    case = CaseFactory()
    client.force_login(someone(who, case))
    assert client.get(_url(case)).status_code == get
    assert client.post(_url(case), _data()).status_code == post
    assert Assessment.objects.exists() == (post == 302)


def test_closed_case_is_not_assessed(client):
    case = CaseFactory(status=Case.Status.CLOSED)
    client.force_login(case.signal.received_by)
    assert client.post(_url(case), _data()).status_code == 403
