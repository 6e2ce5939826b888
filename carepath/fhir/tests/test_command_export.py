"""`carepath fhir export PERSON_ID --by ADMIN`: a transaction Bundle of the person and their cases, audited."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from fhir.resources.R4B.bundle import Bundle

from carepath.audit.models import AuditEvent
from carepath.fhir.tests.helpers import MODELS, case_worker_of, fhir_case
from carepath.testing import factories as f
from carepath.testing.files import PDF
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db


def export(*args: str) -> dict:
    out = StringIO()
    call_command("fhir", "export", *args, stdout=out)
    return json.loads(out.getvalue())


def _references(data: object) -> list[str]:
    if isinstance(data, list):
        return [r for item in data for r in _references(item)]
    if isinstance(data, dict):
        found = [data["reference"]] if isinstance(data.get("reference"), str) else []
        return found + [r for value in data.values() for r in _references(value)]
    return []


def test_the_export_is_a_valid_transaction_of_every_record():
    world = fhir_case()
    data = export(str(world.case.person_id), "--by", administrator().username)
    bundle = Bundle.model_validate(data)
    assert bundle.type == "transaction"
    kinds = [entry["resource"]["resourceType"] for entry in data["entry"]]
    assert {kind: kinds.count(kind) for kind in MODELS} == {
        "Patient": 1,
        "CarePlan": 1,
        "CareTeam": 1,
        "Goal": 2,
        "Consent": 4,
        "ServiceRequest": 1,
        "Observation": 3,
        "QuestionnaireResponse": 1,
    }
    for entry in data["entry"]:
        MODELS[entry["resource"]["resourceType"]].model_validate(entry["resource"])
        assert entry["request"]["method"] == "POST"
        assert entry["fullUrl"].startswith("urn:uuid:")


def test_references_between_the_entries_use_their_urn_names():
    world = fhir_case()
    data = export(str(world.case.person_id), "--by", administrator().username)
    names = {entry["fullUrl"] for entry in data["entry"]}
    references = _references(data["entry"])
    assert references, "the plan, goals and the rest refer to the patient"
    assert all(reference in names for reference in references)


def test_a_paper_consent_carries_its_scan():
    world = fhir_case()
    data = export(str(world.case.person_id), "--by", administrator().username)
    scans = [e["resource"]["sourceAttachment"] for e in data["entry"] if "sourceAttachment" in e["resource"]]
    bundle = Bundle.model_validate(data)
    assert len(scans) == 1 and scans[0]["contentType"] == "application/pdf"
    consent = next(
        e.resource for e in bundle.entry if e.resource.get_resource_type() == "Consent" and e.resource.sourceAttachment
    )
    assert consent.sourceAttachment.data == PDF


def test_the_export_is_audited_as_an_export_by_the_administrator():
    world = fhir_case()
    admin = administrator()
    export(str(world.case.person_id), "--by", admin.username)
    last = AuditEvent.objects.order_by("-pk").first()
    assert (last.user_id, last.action, last.what, last.person_id) == (
        admin.pk,
        "export",
        "people.person",
        world.case.person_id,
    )


def test_only_an_administrator_exports():
    world = fhir_case()
    with pytest.raises(CommandError, match="administrator"):
        export(str(world.case.person_id), "--by", case_worker_of(world).username)
    with pytest.raises(CommandError):
        export(str(world.case.person_id))  # --by is required
    assert not AuditEvent.objects.filter(action="export").exists()


def test_output_writes_a_file(tmp_path):
    world = fhir_case()
    target = tmp_path / "person.json"
    out = StringIO()
    arguments = [str(world.case.person_id), "--by", administrator().username, "--output", str(target)]
    call_command("fhir", "export", *arguments, stdout=out, stderr=StringIO())
    assert out.getvalue() == ""
    assert Bundle.model_validate_json(target.read_text()).type == "transaction"


def test_case_limits_the_export_to_one_case():
    world = fhir_case()
    other = f.CaseFactory(signal__person=world.case.person)
    f.GoalFactory(case=other)
    admin = administrator().username
    everything = export(str(world.case.person_id), "--by", admin)
    one = export(str(world.case.person_id), "--by", admin, "--case", str(other.pk))
    goals = [e for e in one["entry"] if e["resource"]["resourceType"] == "Goal"]
    assert len(goals) == 1
    assert len(one["entry"]) < len(everything["entry"])
    with pytest.raises(CommandError, match="not a case of person"):
        export(str(world.case.person_id), "--by", admin, "--case", str(f.CaseFactory().pk))


def test_an_unknown_person_is_a_clear_error():
    with pytest.raises(CommandError, match="No person 999999"):
        export("999999", "--by", administrator().username)
