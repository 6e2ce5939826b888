"""Export then import: the person's goals, consents and plan come back as they were."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from carepath.accounts.models import Role, User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.demo.load import load_demo
from carepath.fhir.tests.helpers import case_worker_of, fhir_case
from carepath.people.models import Person
from carepath.plans.models import Step
from carepath.testing import factories as f
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db


def goals_of(case: Case) -> list[tuple]:
    return sorted(
        (g.citizen_words, g.title, g.status, g.indicator, g.target, g.due_on, g.life_domain, g.proposed_by)
        for g in case.goals.all()
    )


def consents_of(case: Case) -> list[tuple]:
    return sorted(
        (
            c.given_by,
            c.relation,
            c.scope,
            c.method,
            c.given_on,
            c.scope_details,
            c.withdrawn_on,
            c.withdrawal_reason,
            sorted(p.name for p in c.providers.all()),
            c.document.read() if c.document else b"",
        )
        for c in case.consents.all()
    )


def steps_of(case: Case) -> list[tuple]:
    steps = Step.objects.filter(goal__case=case).select_related("goal")
    return sorted((s.goal.title, s.what, s.who, s.due_on, s.status) for s in steps)


def round_trip(person: Person, *, admin: User, importer: User, folder: Path, edit=None) -> Case:
    """Export `person`, optionally edit the bundle's JSON, import it as `importer`; the new case."""
    bundle = folder / f"person-{person.pk}.json"
    call_command("fhir", "export", str(person.pk), "--by", admin.username, "--output", str(bundle), stderr=StringIO())
    if edit is not None:
        data = json.loads(bundle.read_text())
        edit(data)
        bundle.write_text(json.dumps(data))
    before = Case.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    call_command("fhir", "import", str(bundle), "--by", importer.username, stdout=StringIO())
    return Case.objects.get(pk__gt=before)


def test_goals_consents_and_steps_round_trip(tmp_path):
    world = fhir_case()
    original = world.case
    importer = f.UserFactory(role=Role.CASE_WORKER, unit=original.unit)
    imported = round_trip(original.person, admin=administrator(), importer=importer, folder=tmp_path)
    assert imported.person_id == original.person_id  # the same name and date of birth: the same person
    assert imported.case_type == original.case_type and imported.unit == original.unit
    assert imported.team.get(is_case_manager=True).user == importer
    assert goals_of(imported) == goals_of(original)
    assert consents_of(imported) == consents_of(original)
    assert steps_of(imported) == steps_of(original)
    assert len(steps_of(imported)) == 4 and len(consents_of(imported)) == 4


def test_a_new_person_is_created_with_their_details(tmp_path):
    world = fhir_case()
    person = world.case.person

    def rename(data: dict) -> None:
        patient = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "Patient")
        patient["name"][0]["family"] = "Naujokaitė"

    imported = round_trip(person, admin=administrator(), importer=case_worker_of(world), folder=tmp_path, edit=rename)
    new = imported.person
    assert new.pk != person.pk
    assert (new.given_name, new.family_name) == (person.given_name, "Naujokaitė")
    fields = ("birth_date", "address", "phone", "email", "preferred_language")
    assert [getattr(new, name) for name in fields] == [getattr(person, name) for name in fields]
    assert goals_of(imported) == goals_of(world.case)


def test_the_import_is_audited_as_the_importer(tmp_path):
    world = fhir_case()
    importer = case_worker_of(world)
    imported = round_trip(world.case.person, admin=administrator(), importer=importer, folder=tmp_path)
    written = AuditEvent.objects.filter(case=imported, action="create")
    assert set(written.values_list("user", flat=True)) == {importer.pk}
    kinds = set(written.values_list("what", flat=True))
    assert {"cases.case", "goals.goal", "plans.step", "consents.consent"} <= kinds


def test_every_demo_person_round_trips(tmp_path):
    load_demo()
    admin = User.objects.get(username="admin")
    importer = User.objects.get(username="caseworker")
    for original in Case.objects.exclude(goals=None).select_related("person").order_by("pk"):
        imported = round_trip(original.person, admin=admin, importer=importer, folder=tmp_path)
        assert imported.case_type == original.case_type, original.person
        assert goals_of(imported) == goals_of(original), original.person
        assert consents_of(imported) == consents_of(original), original.person
        assert steps_of(imported) == steps_of(original), original.person
