"""GET /api/hsds/services and /api/hsds/services/{id}: built with factories, checked against the schemas."""

import uuid

import pytest
from django.test import Client

from carepath.core.choices import LifeDomain
from carepath.directory import ids
from carepath.directory.tests.helpers import PREFIX, assert_page, assert_valid, get_json
from carepath.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client()


def test_a_page_of_services_validates_and_holds_their_one_to_one_fields(client):
    provider = f.ProviderFactory(name="Day centre")
    service = f.ServiceFactory(provider=provider, name="Meals at home", purpose="Warm meals brought home.")
    body = get_json(client, "/services")
    assert_page(body)
    (item,) = body["contents"]
    assert_valid(item, "service.json")
    assert item["id"] == ids.hsds_id(ids.SERVICE, service.pk)
    assert item["name"] == "Meals at home"
    assert item["description"] == "Warm meals brought home."
    assert item["status"] == "active"
    assert item["organization_id"] == item["organization"]["id"] == ids.hsds_id(ids.ORGANIZATION, provider.pk)
    assert "No difficulty" in item["eligibility_description"]


def test_a_service_in_full_has_its_life_domains_and_its_unit_as_location(client):
    unit = f.UnitFactory(organisation=f.ProviderFactory(country="LT"), name="Home care team")
    service = f.ServiceFactory(
        provider=unit.organisation, unit=unit, life_domains=[LifeDomain.HOUSING, LifeDomain.HEALTH, "retired-code"]
    )
    body = get_json(client, f"/services/{ids.hsds_id(ids.SERVICE, service.pk)}")
    assert_valid(body, "service.json")
    assert [a["taxonomy_term"]["code"] for a in body["attributes"]] == ["housing", "health"]
    assert {a["link_id"] for a in body["attributes"]} == {body["id"]}
    (at,) = body["service_at_locations"]
    assert at["location_id"] == at["location"]["id"] == ids.hsds_id(ids.LOCATION, unit.pk)
    assert at["location"]["name"] == "Home care team"
    assert at["location"]["location_type"] == "physical"
    assert "Country: LT." in at["location"]["description"]
    assert "addresses" not in at["location"]  # none is made up


def test_a_service_without_a_unit_has_no_location_and_an_inactive_one_says_so(client):
    service = f.ServiceFactory(unit=None, is_active=False)
    body = get_json(client, f"/services/{ids.hsds_id(ids.SERVICE, service.pk)}")
    assert_valid(body, "service.json")
    assert body["service_at_locations"] == []
    assert body["status"] == "inactive"


def test_pagination_walks_every_service_once_and_marks_first_and_last(client):
    made = {ids.hsds_id(ids.SERVICE, f.ServiceFactory().pk) for _ in range(5)}
    pages = [get_json(client, "/services", page=n, per_page=2) for n in (1, 2, 3)]
    for body in pages:
        assert_page(body)
        assert (body["total_items"], body["total_pages"]) == (5, 3)
    assert [b["size"] for b in pages] == [2, 2, 1]
    assert [(b["first_page"], b["last_page"]) for b in pages] == [(True, False), (False, False), (False, True)]
    seen = [s["id"] for b in pages for s in b["contents"]]
    assert sorted(seen) == sorted(made)
    beyond = get_json(client, "/services", page=4, per_page=2)
    assert_page(beyond)
    assert beyond["contents"] == [] and beyond["empty"] is True and beyond["last_page"] is True


def test_an_empty_catalogue_is_one_empty_page(client):
    body = get_json(client, "/services")
    assert_page(body)
    assert (body["total_items"], body["total_pages"], body["empty"], body["contents"]) == (0, 1, True, [])


@pytest.mark.parametrize("params", [{"page": "0"}, {"page": "x"}, {"per_page": "0"}, {"per_page": "201"}])
def test_bad_paging_is_a_400_problem(client, params):
    response = client.get(PREFIX + "/services", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400


def test_search_and_organization_filter(client):
    provider = f.ProviderFactory()
    wanted = f.ServiceFactory(provider=provider, name="Respite care")
    f.ServiceFactory(name="Respite at the weekend")
    f.ServiceFactory(provider=provider, name="Budget coaching")
    by_name = get_json(client, "/services", search="respite")
    assert by_name["total_items"] == 2
    both = get_json(client, "/services", search="respite", organization_id=ids.hsds_id(ids.ORGANIZATION, provider.pk))
    assert [s["id"] for s in both["contents"]] == [ids.hsds_id(ids.SERVICE, wanted.pk)]
    unknown = get_json(client, "/services", organization_id=str(uuid.uuid4()))
    assert unknown["total_items"] == 0 and unknown["empty"] is True


def test_an_unknown_id_is_a_404_problem(client):
    organisation = f.ProviderFactory()
    f.ServiceFactory(provider=organisation)
    for wrong in (str(uuid.uuid4()), ids.hsds_id(ids.ORGANIZATION, organisation.pk)):
        response = client.get(f"{PREFIX}/services/{wrong}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
    assert client.get(f"{PREFIX}/services/not-a-uuid").status_code == 404


def test_read_only(client):
    service = f.ServiceFactory()
    assert client.post(f"{PREFIX}/services").status_code == 405
    assert client.delete(f"{PREFIX}/services/{ids.hsds_id(ids.SERVICE, service.pk)}").status_code == 405


def test_list_and_detail_take_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(30):
        unit = f.UnitFactory(organisation=f.ProviderFactory())
        f.ServiceFactory(provider=unit.organisation, unit=unit)
    with django_assert_max_num_queries(2):  # count + page
        get_json(client, "/services", per_page=30)
    service_id = get_json(client, "/services", per_page=1)["contents"][0]["id"]
    with django_assert_max_num_queries(2):  # the keys, then the service with provider and unit
        get_json(client, f"/services/{service_id}")


def test_a_write_is_a_405_problem_even_without_a_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"{PREFIX}/services", {})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/problem+json"
