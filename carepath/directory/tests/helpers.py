"""Walk every HSDS endpoint and check each answer against the shipped schemas."""

from typing import Any

from django.test import Client

from carepath.directory import validation

PREFIX = "/api/hsds"

# The HSDS API's "Page" object as components/schemas/Page of Open Referral's schema/openapi.json
# defines it (openreferral/specification, commit 0adc618fc73f0f867a9a878f79bfa7f188876bde, CC BY-SA
# 4.0; descriptions left out), with the "contents" array that each list response adds to it.
PAGE = {
    "type": "object",
    "properties": {
        "total_items": {"type": "integer"},
        "total_pages": {"type": "integer"},
        "page_number": {"type": "integer"},
        "size": {"type": "integer"},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array"},
    },
    "required": ["empty"],
}


def get_json(client: Client, path: str, **params: Any) -> Any:
    response = client.get(PREFIX + path, params)
    assert response.status_code == 200, (path, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def assert_valid(instance: Any, schema_file: str) -> None:
    problems = validation.errors(instance, schema_file)
    assert not problems, f"{schema_file}: {problems}"


def assert_page(body: Any) -> None:
    from jsonschema import Draft202012Validator

    problems = [e.message for e in Draft202012Validator(PAGE).iter_errors(body)]
    assert not problems, problems
    assert set(body) == set(PAGE["properties"]), "a page has exactly the Page fields and contents"


def walk(client: Client, per_page: int = 2) -> list[Any]:
    """Every page and every record the API serves, each checked against its schema; all bodies returned."""
    bodies: list[Any] = [get_json(client, "/")]
    for path, item_schema, detail_schema in (
        ("/services", "service.json", "service.json"),
        ("/organizations", "organization.json", "organization.json"),
    ):
        page_number = 1
        while True:
            body = get_json(client, path, page=page_number, per_page=per_page)
            assert_page(body)
            bodies.append(body)
            for item in body["contents"]:
                assert_valid(item, item_schema)
                detail = get_json(client, f"{path}/{item['id']}")
                assert_valid(detail, detail_schema)
                for service in detail.get("services", []):  # an organization's services
                    assert_valid(service, "service.json")
                bodies.append(detail)
            if body["last_page"]:
                break
            page_number += 1
    return bodies
