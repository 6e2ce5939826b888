"""The export is public and names no person: not a unit's leader, not staff, not a citizen or case."""

import json

import pytest
from django.test import Client

from carepath.api.services import create_token
from carepath.directory.tests.helpers import PREFIX, get_json, walk
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    provider = f.ProviderFactory(name="Sunny day centre")
    leader = f.ProviderStaffFactory(
        username="leader.zemaityte", first_name="Zivile", last_name="Zemaityte", email="zivile@example.org"
    )
    unit = f.UnitFactory(organisation=provider, name="Day care team", leader=leader)
    leader.unit = unit
    leader.save()
    f.ServiceFactory(provider=provider, unit=unit, name="Day care")
    case = f.CaseFactory()
    return leader, case


def test_no_token_is_needed_and_a_token_changes_nothing(catalogue):
    anonymous = get_json(Client(), "/services")
    worker = f.UserFactory()
    token = create_token(user=worker, name="tests")
    with_token = Client().get(PREFIX + "/services", headers={"Authorization": f"Bearer {token}"})
    assert with_token.status_code == 200
    assert with_token.json() == anonymous
    assert Client().get(PREFIX + "/services", headers={"Authorization": "Bearer wrong"}).status_code == 200


def test_no_leader_staff_member_or_person_appears_anywhere(catalogue):
    leader, case = catalogue
    text = json.dumps(walk(Client()), ensure_ascii=False)
    assert "Day care team" in text  # the unit is there...
    for secret in ("Zivile", "Zemaityte", "leader.zemaityte", "zivile@example.org"):  # ...its leader is not
        assert secret not in text
    person = case.person
    for secret in (person.given_name, person.family_name):
        assert secret not in text
    assert "leader" not in text.lower()
