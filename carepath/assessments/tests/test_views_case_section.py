import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.referrals.models import Referral
from carepath.testing.factories import AssessmentFactory, CaseFactory
from carepath.testing.pages import case_page
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def test_one_assessment_shows_the_table_without_a_chart(client):
    assessment = AssessmentFactory()
    body = case_page(client, assessment.case)
    assert "Levels over time" in body
    assert 'role="img"' not in body
    assert reverse("assessments:assessment_new", args=[assessment.case.pk]) in body


def test_repeated_assessments_show_an_accessible_chart_beside_the_table(client):
    case = CaseFactory()
    AssessmentFactory(case=case, assessed_on=datetime.date(2024, 1, 10), physical_level=3)
    AssessmentFactory(case=case, assessed_on=datetime.date(2024, 6, 10), physical_level=1)
    body = case_page(client, case)
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in body
    assert 'role="img"' in body
    assert 'aria-labelledby="assessment-trajectory-title assessment-trajectory-desc"' in body
    assert '<title id="assessment-trajectory-title">Functional levels over time</title>' in body
    assert "Physical and practical: 3, 1." in body
    assert "<script" not in body.split('id="assessment"')[1].split("</section>")[0]


def test_provider_sees_the_trajectory_but_no_assess_link(client):
    assessment = AssessmentFactory()
    body = case_page(client, assessment.case, provider_staff_on(assessment.case, Referral.Status.ACCEPTED))
    assert "Loves music." in body
    assert reverse("assessments:assessment_new", args=[assessment.case.pk]) not in body


def test_case_page_queries_do_not_grow_with_assessments(client, django_assert_max_num_queries):
    case = CaseFactory()
    AssessmentFactory.create_batch(2, case=case)
    client.force_login(case.signal.received_by)
    url = reverse("cases:case_detail", args=[case.pk])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    AssessmentFactory.create_batch(6, case=case)
    with django_assert_max_num_queries(len(before)):
        client.get(url)
