"""GET /api/hsds/organizations and /api/hsds/organizations/{id}."""

import uuid

import pytest
from django.test import Client

from carepath.directory import ids
from carepath.directory.tests.helpers import PREFIX, assert_page, assert_valid, get_json
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client()


def test_a_page_of_organizations_holds_authorities_and_providers(client):
    authority = f.AuthorityFactory(name="Municipality of Alytus")
    provider = f.ProviderFactory(name="Alytus day centre")
    body = get_json(client, "/organizations")
    assert_page(body)
    for item in body["contents"]:
        assert_valid(item, "organization.json")
    assert {o["id"]: o["description"] for o in body["contents"]} == {
        ids.hsds_id(ids.ORGANIZATION, authority.pk): "Authority (municipality)",
        ids.hsds_id(ids.ORGANIZATION, provider.pk): "Provider (centre, NGO, cooperative)",
    }


def test_an_organization_in_full_lists_its_services_and_the_units_that_deliver_them(client):
    provider = f.ProviderFactory(country="LT")
    delivering = f.UnitFactory(organisation=provider, name="Mobile team")
    f.UnitFactory(organisation=provider, name="Back office")  # delivers nothing: no location
    first = f.ServiceFactory(provider=provider, unit=delivering, name="A: home visits")
    second = f.ServiceFactory(provider=provider, unit=None, name="B: phone line")
    body = get_json(client, f"/organizations/{ids.hsds_id(ids.ORGANIZATION, provider.pk)}")
    assert_valid(body, "organization.json")
    assert [loc["name"] for loc in body["locations"]] == ["Mobile team"]
    assert body["locations"][0]["organization_id"] == body["id"]
    assert [s["id"] for s in body["services"]] == [ids.hsds_id(ids.SERVICE, s.pk) for s in (first, second)]
    for service in body["services"]:
        assert_valid(service, "service.json")


def test_an_authority_has_no_services(client):
    authority = f.AuthorityFactory()
    f.UnitFactory(organisation=authority)
    body = get_json(client, f"/organizations/{ids.hsds_id(ids.ORGANIZATION, authority.pk)}")
    assert_valid(body, "organization.json")
    assert (body["services"], body["locations"]) == ([], [])


def test_pagination_and_search(client):
    for n in range(3):
        f.ProviderFactory(name=f"Centre {n}")
    f.AuthorityFactory(name="Municipality")
    first = get_json(client, "/organizations", per_page=3)
    second = get_json(client, "/organizations", per_page=3, page=2)
    assert (first["size"], first["last_page"], second["size"], second["last_page"]) == (3, False, 1, True)
    assert get_json(client, "/organizations", search="centre")["total_items"] == 3


def test_an_unknown_organization_is_a_404_problem(client):
    service = f.ServiceFactory()
    for wrong in (str(uuid.uuid4()), ids.hsds_id(ids.SERVICE, service.pk)):
        response = client.get(f"{PREFIX}/organizations/{wrong}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_detail_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    provider = f.ProviderFactory()
    for _ in range(10):
        unit = f.UnitFactory(organisation=provider)
        f.ServiceFactory(provider=provider, unit=unit)
    with django_assert_max_num_queries(5):  # keys, organisation, the same with services, units
        get_json(client, f"/organizations/{ids.hsds_id(ids.ORGANIZATION, provider.pk)}")
