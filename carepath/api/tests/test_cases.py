import pytest
from django.utils import timezone

from carepath.api.pagination import MAX_LIMIT
from carepath.api.tests.client import api_as
from carepath.cases.models import Case
from carepath.referrals.models import Referral
from carepath.testing import factories as f
from carepath.testing.roles import provider_staff_on, team_leader_of

pytestmark = pytest.mark.django_db


def test_the_list_holds_the_cases_the_user_sees_newest_first(case, worker):
    newer = f.CaseFactory.create(signal__received_by=worker)
    f.CaseFactory.create()  # someone else's
    body = api_as(worker).get("/cases").json()
    assert body["count"] == 2
    assert [c["id"] for c in body["items"]] == [newer.pk, case.pk]
    first = body["items"][1]
    assert first["reference"] == case.reference
    assert first["person"] == {"id": case.person_id, "given_name": case.person.given_name, "family_name": "Kazlauskas"}
    assert first["unit"]["organisation"] == case.unit.organisation.name


def test_the_list_audits_each_person_on_the_page_sent_and_no_other(case, worker, audit_mark):
    others = [f.CaseFactory.create(signal__received_by=worker) for _ in range(2)]
    body = api_as(worker).get("/cases", limit=2).json()
    assert body["count"] == 3 and len(body["items"]) == 2
    listed = audit_mark()
    assert {(action, what) for action, what, *_ in listed} == {("listed", "people.person")}
    assert sorted(object_id for _, _, object_id, _ in listed) == sorted(c.person_id for c in others)


def test_pages_follow_limit_and_offset(case, worker):
    cases = [case] + [f.CaseFactory.create(signal__received_by=worker) for _ in range(4)]
    api = api_as(worker)
    pages = [api.get("/cases", limit=2, offset=offset).json() for offset in (0, 2, 4)]
    assert [p["count"] for p in pages] == [5, 5, 5]
    assert [len(p["items"]) for p in pages] == [2, 2, 1]
    assert [c["id"] for p in pages for c in p["items"]] == [c.pk for c in reversed(cases)]
    assert api.get("/cases", offset=10).json() == {"items": [], "count": 5}


@pytest.mark.parametrize("params", [{"limit": MAX_LIMIT + 1}, {"limit": 0}, {"offset": -1}, {"status": "lost"}])
def test_a_page_beyond_the_limits_is_refused(worker, params):
    response = api_as(worker).get("/cases", **params)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


def test_closed_cases_are_listed_on_request(case, worker):
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED, closed_at=timezone.now())
    api = api_as(worker)
    assert api.get("/cases").json()["count"] == 0
    assert [c["status"] for c in api.get("/cases", status="closed").json()["items"]] == ["closed"]


def test_the_list_takes_a_fixed_number_of_queries(worker, django_assert_max_num_queries):
    for _ in range(20):
        f.CaseFactory.create(signal__received_by=worker)
    api = api_as(worker)
    with django_assert_max_num_queries(12):
        assert len(api.get("/cases").json()["items"]) == 21


def test_a_case_shows_what_the_user_may_do_and_the_look_is_audited(case, worker, audit_mark):
    body = api_as(worker).get(f"/cases/{case.pk}").json()
    assert body["id"] == case.pk and body["version"] == 1
    assert body["access"] == "full"
    assert body["may"] == {"view": True, "manage": True, "plan": True}
    assert body["outcome"] is None and body["closure_reason"] is None
    assert audit_mark() == [("view", "cases.case", case.pk, case.pk)]


def test_the_team_leader_sees_the_case_of_their_unit(case):
    assert api_as(team_leader_of(case)).get(f"/cases/{case.pk}").status_code == 200


def test_a_provider_without_consent_sees_the_case_as_the_referral_needs(case):
    provider = provider_staff_on(case, Referral.Status.ACCEPTED, consent=False)
    body = api_as(provider).get(f"/cases/{case.pk}").json()
    assert body["access"] == "referral"
    assert body["may"] == {"view": False, "manage": False, "plan": False}
    assert api_as(provider).get(f"/cases/{case.pk}/notes").status_code == 403


def test_a_closed_case_shows_its_outcome(case, worker):
    Case.objects.filter(pk=case.pk).update(
        status=Case.Status.CLOSED, closed_at=timezone.now(), outcome="autonomous", closure_reason="Lives alone now"
    )
    body = api_as(worker).get(f"/cases/{case.pk}").json()
    assert (body["outcome"], body["closure_reason"]) == ("autonomous", "Lives alone now")
    assert body["may"] == {"view": True, "manage": False, "plan": False}
