"""The shipped Open Referral schemas: complete, resolvable offline, and not vacuous."""

import json

import pytest
from referencing.exceptions import Unresolvable

from carepath.directory import validation

SCHEMA_FILES = sorted(p.name for p in validation.SCHEMA_DIR.glob("*.json"))


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_every_schema_the_export_needs_is_shipped():
    for name in ("service.json", "organization.json", "location.json", "service_at_location.json", "address.json"):
        assert name in SCHEMA_FILES


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_every_ref_resolves_within_the_shipped_files(name):
    contents = json.loads((validation.SCHEMA_DIR / name).read_text(encoding="utf-8"))
    resolver = validation.registry().resolver(base_uri=contents["$id"])
    for ref in _refs(contents):
        try:
            resolver.lookup(ref)
        except Unresolvable:  # pragma: no cover - the failure message is the point
            pytest.fail(f"{name}: {ref} does not resolve to a shipped file")


def test_a_service_breaking_the_schema_is_refused():
    problems = validation.errors({"id": "not-a-uuid", "name": 3}, "service.json")
    assert "id: 'not-a-uuid' is not a 'uuid'" in problems
    assert "name: 3 is not of type 'string'" in problems
    assert "(root): 'status' is a required property" in problems


def test_a_nested_location_is_checked_through_the_refs():
    service = {
        "id": "ac148810-d857-441c-9679-408f346de14b",
        "name": "x",
        "status": "active",
        "service_at_locations": [
            {
                "id": "e94c9f38-1e8f-4564-91d4-d53501ab1765",
                "location": {"id": "3a19ff88-4620-4d17-9830-ac1d859eb5d5", "location_type": "castle"},
            }
        ],
    }
    problems = validation.errors(service, "service.json")
    assert problems == [
        "service_at_locations/0/location/location_type: 'castle' is not one of ['physical', 'postal', 'virtual']"
    ]
