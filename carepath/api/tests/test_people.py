import pytest

from carepath.api.tests.client import api_as
from carepath.referrals.models import Referral
from carepath.testing.roles import provider_staff_on, stranger

pytestmark = pytest.mark.django_db


def test_the_person_of_a_case_is_shown_and_the_look_audited_as_a_look_at_them(case, worker, audit_mark):
    case.person.phone = "+370 600 00000"
    case.person.save()
    body = api_as(worker).get(f"/cases/{case.pk}/person").json()
    assert body["id"] == case.person_id
    assert body["phone"] == "+370 600 00000"
    assert body["birth_date"] == "1990-05-17"
    assert body["household"] is None
    assert audit_mark() == [("view", "people.person", case.person_id, case.pk)]


def test_a_provider_with_consent_sees_the_person(case):
    provider = provider_staff_on(case, Referral.Status.ACCEPTED)
    assert api_as(provider).get(f"/cases/{case.pk}/person").status_code == 200


def test_a_provider_without_consent_is_refused(case, audit_mark):
    provider = provider_staff_on(case, Referral.Status.ACCEPTED, consent=False)
    assert api_as(provider).get(f"/cases/{case.pk}/person").status_code == 403
    assert [action for action, *_ in audit_mark()] == ["denied"]


def test_a_stranger_gets_404(case):
    assert api_as(stranger()).get(f"/cases/{case.pk}/person").status_code == 404
