"""GET /fhir/r4/metadata: the CapabilityStatement, open to every client as FHIR expects."""

import pytest
from django.test import Client
from fhir.resources.R4B.capabilitystatement import CapabilityStatement

from carepath.fhir.selectors import TYPES

pytestmark = pytest.mark.django_db


def test_metadata_lists_every_type_with_read_and_search():
    response = Client().get("/fhir/r4/metadata")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    statement = CapabilityStatement.model_validate(response.json())
    served = {resource.type: resource for resource in statement.rest[0].resource}
    assert list(served) == list(TYPES)
    assert {i.code for i in served["Goal"].interaction} == {"read", "search-type"}
    assert [p.name for p in served["Patient"].searchParam] == ["_id"]
    assert statement.implementation.url == "http://testserver/fhir/r4/"
