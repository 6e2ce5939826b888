import pytest
from django.utils import timezone

from carepath.api.tests.client import api_as
from carepath.evaluations.models import GoalAttainment, QualityOfLifeRating
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db


def test_evaluation_moments_show_attainment_quality_of_life_and_the_citizens_view(case, worker, audit_mark):
    goal = f.GoalFactory.create(case=case, title="Travel to Riga")
    held = f.EvaluationMomentFactory.create(
        case=case, held_on=timezone.localdate(), planned_on=timezone.localdate(), satisfaction=4, citizen_view=5
    )
    GoalAttainment.objects.create(evaluation=held, goal=goal, level="fully", gas_score=2, comment="Went in May")
    QualityOfLifeRating.objects.create(evaluation=held, domain="leisure", score=4)
    QualityOfLifeRating.objects.create(evaluation=held, domain="work", score=2)
    planned = f.EvaluationMomentFactory.create(case=case)
    body = api_as(worker).get(f"/cases/{case.pk}/evaluations").json()
    assert [e["id"] for e in body["items"]] == [held.pk, planned.pk]
    first = body["items"][0]
    assert first["attainments"] == [
        {"goal_id": goal.pk, "goal_title": "Travel to Riga", "level": "fully", "gas_score": 2, "comment": "Went in May"}
    ]
    assert first["quality_of_life"] == [{"domain": "work", "score": 2}, {"domain": "leisure", "score": 4}]
    assert (first["satisfaction"], first["citizen_view"]) == (4, 5)
    assert body["items"][1]["held_on"] is None and body["items"][1]["attainments"] == []
    assert audit_mark() == [("view", "cases.case", case.pk, case.pk)]


def test_a_provider_without_consent_does_not_read_evaluations(case):
    api = api_as(provider_staff_on(case, Referral.Status.ACCEPTED, consent=False))
    assert api.get(f"/cases/{case.pk}/evaluations").status_code == 403
