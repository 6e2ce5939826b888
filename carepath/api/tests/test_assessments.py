import datetime

import pytest
from django.utils import timezone

from carepath.api.tests.client import api_as
from carepath.assessments.models import Assessment
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def assessment(**changes: object) -> dict[str, object]:
    levels = {"physical_level": 1, "communication_level": 3, "social_level": 0}
    return {"assessed_on": TODAY().isoformat(), **levels, "strengths": "Loves music"} | changes


def test_assessments_are_listed_oldest_first_to_show_the_trajectory(case, worker, audit_mark):
    later = f.AssessmentFactory.create(case=case)
    earlier = f.AssessmentFactory.create(case=case, assessed_on=TODAY() - datetime.timedelta(days=90))
    body = api_as(worker).get(f"/cases/{case.pk}/assessments").json()
    assert [a["id"] for a in body["items"]] == [earlier.pk, later.pk]
    assert body["items"][0]["communication_level"] == 2
    assert audit_mark() == [("view", "cases.case", case.pk, case.pk)]


def test_an_assessment_is_recorded_and_audited(case, worker, audit_mark):
    response = api_as(worker).post(f"/cases/{case.pk}/assessments", assessment())
    assert response.status_code == 201, response.content
    saved = Assessment.objects.get()
    assert (saved.assessed_by, saved.communication_level, saved.strengths) == (worker, 3, "Loves music")
    assert audit_mark()[-1] == ("create", "assessments.assessment", saved.pk, case.pk)


@pytest.mark.parametrize(
    "changes", [{"social_level": 5}, {"physical_level": -1}, {"assessed_on": "2999-01-01"}, {"strengths": "a\x00b"}]
)
def test_an_invalid_assessment_is_refused(case, worker, changes):
    assert api_as(worker).post(f"/cases/{case.pk}/assessments", assessment(**changes)).status_code == 422
    assert not Assessment.objects.exists()


def test_a_provider_may_read_but_not_assess(case):
    api = api_as(provider_staff_on(case, Referral.Status.ACCEPTED))
    assert api.get(f"/cases/{case.pk}/assessments").status_code == 200
    assert api.post(f"/cases/{case.pk}/assessments", assessment()).status_code == 403
