"""The server's CapabilityStatement (GET /fhir/r4/metadata): the types it reads and how to search them."""

from fhir.resources.R4B.capabilitystatement import CapabilityStatement

from carepath.fhir.selectors import TYPES

# The day this statement last changed; FHIR wants the statement dated.
DATE = "2025-01-01"


def capability_statement(*, base_url: str) -> CapabilityStatement:
    return CapabilityStatement.model_validate(
        {
            "status": "active",
            "date": DATE,
            "kind": "instance",
            "software": {"name": "Carepath"},
            "implementation": {"description": "Carepath FHIR server (read and search by patient)", "url": base_url},
            "fhirVersion": "4.3.0",
            "format": ["json"],
            "rest": [
                {
                    "mode": "server",
                    "security": {
                        "service": [{"text": "Bearer token"}],
                        "description": "Authorization: Bearer <token> (carepath token create USERNAME).",
                    },
                    "resource": [_resource(name) for name in TYPES],
                }
            ],
        }
    )


def _resource(name: str) -> dict[str, object]:
    if name == "Patient":
        parameters = [{"name": "_id", "type": "token"}]
    else:
        parameters = [{"name": "patient", "type": "reference"}, {"name": "subject", "type": "reference"}]
    return {"type": name, "interaction": [{"code": "read"}, {"code": "search-type"}], "searchParam": parameters}
