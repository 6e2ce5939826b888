"""`carepath fhir import BUNDLE.json --by USERNAME`: a bundle that cannot be imported changes nothing
and the message says what is wrong, by entry and element, never with a value from the bundle."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from carepath.accounts.models import Role
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, CaseType
from carepath.consents.models import Consent
from carepath.fhir.tests.helpers import case_worker_of, fhir_case
from carepath.goals.models import Goal
from carepath.people.models import Person
from carepath.testing import factories as f
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(tmp_path):
    """A person's bundle as JSON (fhir_case()), the case worker who may import it, and where to write it."""
    world = fhir_case()
    out = StringIO()
    call_command("fhir", "export", str(world.case.person_id), "--by", administrator().username, stdout=out)
    return json.loads(out.getvalue()), case_worker_of(world), tmp_path / "bundle.json"


def run_import(path, username: str, *options: str) -> str:
    out = StringIO()
    call_command("fhir", "import", str(path), "--by", username, *options, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    writes = AuditEvent.objects.filter(action__in=["create", "update"]).count()
    return (Person.objects.count(), Case.objects.count(), Goal.objects.count(), Consent.objects.count(), writes)


def resources(data: dict, kind: str) -> list[dict]:
    return [entry["resource"] for entry in data["entry"] if entry["resource"]["resourceType"] == kind]


def test_a_valid_bundle_reports_what_it_created_and_left_out(exported):
    data, worker, path = exported
    path.write_text(json.dumps(data))
    report = run_import(path, worker.username)
    assert "2 goals, 4 steps" in report.replace("4 consents, ", "")
    assert "case C-" in report and "known already" in report
    assert (
        "Not imported (not mapped back): 1 CareTeam, 3 Observation, 1 QuestionnaireResponse, 1 ServiceRequest."
        in report
    )


def _no_patient(data):
    data["entry"] = [e for e in data["entry"] if e["resource"]["resourceType"] != "Patient"]


def _two_patients(data):
    data["entry"].append(data["entry"][0])


def _goal_without_words(data):
    resources(data, "Goal")[0].pop("note")


def _invalid_fhir(data):
    resources(data, "Goal")[0].pop("lifecycleStatus")


def _unknown_lifecycle(data):
    resources(data, "Goal")[0]["lifecycleStatus"] = "dreaming"


def _step_of_another_goal(data):
    resources(data, "CarePlan")[0]["activity"][0]["detail"]["goal"] = [{"reference": "Goal/424242"}]


def _two_care_plans(data):
    data["entry"].append(next(e for e in data["entry"] if e["resource"]["resourceType"] == "CarePlan"))


def _unknown_provider(data):
    consent = next(c for c in resources(data, "Consent") if c["provision"].get("actor"))
    consent["provision"]["actor"][0]["reference"]["display"] = "No Such Centre"


def _paper_without_scan(data):
    next(c for c in resources(data, "Consent") if "sourceAttachment" in c).pop("sourceAttachment")


def _goal_of_someone_else(data):
    resources(data, "Goal")[0]["subject"] = {"reference": "Patient/7"}


def _title_too_long(data):
    resources(data, "Goal")[0]["description"]["text"] = "x" * 301


@pytest.mark.parametrize(
    "edit, message",
    [
        (_no_patient, "exactly one Patient (it holds 0)"),
        (_two_patients, "exactly one Patient (it holds 2)"),
        (_goal_without_words, "Goal: note (the citizen's words) is missing"),
        (_invalid_fhir, "not valid FHIR R4: entry.3.resource.lifecycleStatus: Value for the field"),
        (_unknown_lifecycle, "Goal: lifecycleStatus"),
        (_step_of_another_goal, "an activity's goal is not a Goal of the bundle"),
        (_two_care_plans, "holds 2 CarePlans: import one case at a time"),
        (_unknown_provider, "a provider it names is not a provider organisation here"),
        (_paper_without_scan, "signed on paper, but the bundle holds no scan"),
        (_goal_of_someone_else, "Goal: it is not about the bundle's Patient"),
        (_title_too_long, "title is longer than 300 characters"),
    ],
)
def test_a_bundle_that_cannot_be_imported_changes_nothing(exported, edit, message):
    data, worker, path = exported
    edit(data)
    path.write_text(json.dumps(data))
    before = counts()
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        run_import(path, worker.username)
    assert message in str(error.value)
    assert counts() == before


@pytest.mark.parametrize(
    "text, message",
    [
        ("{not json", "not JSON (line 1, column 2)"),
        ('{"resourceType": "Patient"}', "not a FHIR Bundle"),
        ('{"resourceType": "Bundle", "type": "searchset"}', "Bundle.type must be transaction or collection"),
        (
            '{"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Nope"}}]}',
            "unknown",
        ),
    ],
)
def test_a_file_that_is_no_bundle_is_a_clear_error(tmp_path, text, message):
    world = fhir_case()
    path = tmp_path / "bundle.json"
    path.write_text(text)
    with pytest.raises(CommandError, match="Nothing was imported") as error:
        run_import(path, case_worker_of(world).username)
    assert message in str(error.value)


def test_the_message_names_no_value_of_the_bundle(exported):
    data, worker, path = exported
    resources(data, "Goal")[0].pop("note")
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError) as error:
        run_import(path, worker.username)
    patient = resources(data, "Patient")[0]
    assert patient["name"][0]["family"] not in str(error.value)


def test_only_authority_staff_of_the_unit_import(exported):
    data, _, path = exported
    path.write_text(json.dumps(data))
    before = counts()
    provider = f.ProviderStaffFactory()
    with pytest.raises(CommandError, match="case worker or team leader"):
        run_import(path, provider.username)
    with pytest.raises(CommandError, match="case worker or team leader"):
        run_import(path, administrator().username, "--unit", str(f.UnitFactory().pk))
    assert counts() == before


def test_case_type_and_unit_can_be_chosen(exported):
    data, worker, path = exported
    path.write_text(json.dumps(data))
    other_type = f.CaseTypeFactory(name="Adult support")
    other_unit = f.UnitFactory(organisation=worker.organisation)
    run_import(path, worker.username, "--case-type", "Adult support", "--unit", str(other_unit.pk))
    case = Case.objects.order_by("-pk").first()
    assert (case.case_type, case.unit) == (other_type, other_unit)
    with pytest.raises(CommandError, match="no case type has the name"):
        run_import(path, worker.username, "--case-type", "No such type")


def test_without_a_known_case_type_the_only_one_is_used(exported):
    data, worker, path = exported
    resources(data, "CarePlan")[0]["category"] = [{"text": "Old system's category"}]
    path.write_text(json.dumps(data))
    run_import(path, worker.username)
    assert Case.objects.order_by("-pk").first().case_type == CaseType.objects.get()
    f.CaseTypeFactory(name="Adult support")
    with pytest.raises(CommandError, match="give --case-type"):
        run_import(path, worker.username)


def test_a_collection_with_literal_references_imports_too(exported):
    """Bundles from other servers name their resources Type/id: the steps still find their goals."""
    data, worker, path = exported
    names = {}
    for number, entry in enumerate(data["entry"]):
        kind = entry["resource"]["resourceType"]
        names[entry.pop("fullUrl")] = f"{kind}/{number}"
        entry["resource"]["id"] = str(number)
        entry.pop("request")
    text = json.dumps({**data, "type": "collection"})
    for urn, literal in names.items():
        text = text.replace(urn, literal)
    path.write_text(text)
    run_import(path, worker.username)
    case = Case.objects.order_by("-pk").first()
    assert case.goals.count() == 2
    assert sum(goal.steps.count() for goal in case.goals.all()) == 4


def test_a_team_leader_may_import(exported):
    data, worker, path = exported
    path.write_text(json.dumps(data))
    leader = f.UserFactory(role=Role.TEAM_LEADER, unit=worker.unit)
    assert "Imported" in run_import(path, leader.username)
