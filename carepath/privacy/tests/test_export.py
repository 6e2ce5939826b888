"""The subject-access export of a demo person holds every record about them and nothing of others."""

import json

from django.db.models import Q

from carepath.cases.models import Case
from carepath.goals.models import Goal
from carepath.people.models import Person
from carepath.portal.models import Proxy, Wish
from carepath.privacy.export import export_person, file_name_for
from carepath.privacy.readable import readable
from carepath.privacy.registry import HOLDERS


def exported_ids(export: dict, label: str) -> set[int]:
    return {row["id"] for row in export["records"][label]}


def test_tomas_has_a_record_of_every_registered_kind(tomas):
    export = export_person(tomas)
    empty = [label for label, rows in export["records"].items() if not rows]
    assert empty == []


def test_every_row_the_registry_finds_is_exported(tomas):
    export = export_person(tomas)
    for holder in HOLDERS:
        in_database = set(holder.model._default_manager.filter(holder.of_person(tomas.pk)).values_list("pk", flat=True))
        assert exported_ids(export, holder.label) == in_database, holder.label


def test_every_field_is_exported_except_the_withheld(tomas):
    export = export_person(tomas)
    for holder in HOLDERS:
        meta = holder.model._meta
        expected = {f.name for f in [*meta.concrete_fields, *meta.many_to_many]} - set(holder.withheld)
        for row in export["records"][holder.label]:
            assert set(row) == expected, holder.label
    assert "password" not in export["records"]["accounts.user"][0]


def test_no_row_of_another_person_is_exported(tomas):
    export = export_person(tomas)
    for holder in HOLDERS:
        of_anyone = Q()
        for path in holder.paths:
            of_anyone |= Q(**{f"{path}__isnull": False})
        others = holder.model._default_manager.filter(of_anyone).exclude(holder.of_person(tomas.pk))
        assert not exported_ids(export, holder.label) & set(others.values_list("pk", flat=True)), holder.label
    aiste = Person.objects.get(given_name="Aistė")
    assert aiste.pk not in exported_ids(export, "people.person")
    assert not exported_ids(export, "cases.case") & set(Case.objects.filter(person=aiste).values_list("pk", flat=True))


def test_the_shared_group_goal_and_its_plan_are_in_it(tomas):
    export = export_person(tomas)
    concert = Goal.objects.get(is_group_goal=True, group_cases__person=tomas)
    assert concert.case.person != tomas
    assert concert.pk in exported_ids(export, "goals.goal")
    assert set(concert.steps.values_list("pk", flat=True)) <= exported_ids(export, "plans.step")


def test_portal_records_are_in_it(tomas):
    export = export_person(tomas)
    assert Wish.objects.get(case__person=tomas).pk in exported_ids(export, "portal.wish")
    assert Proxy.objects.get(person=tomas).pk in exported_ids(export, "portal.proxy")
    account = export["records"]["accounts.user"][0]
    assert account["person"] == tomas.pk


def test_files_are_described_with_a_checked_download(tomas):
    export = export_person(tomas)
    picture = next(r["file"] for r in export["records"]["plans.stepattachment"] if r["file"])
    assert picture["content_type"] == "image/png"
    assert picture["size"] > 0
    assert picture["download_url"].startswith("/supports/")
    scan = next(r["document"] for r in export["records"]["consents.consent"] if r["document"])
    assert scan["content_type"] == "application/pdf"
    assert scan["download_url"].startswith("/consents/")


def test_the_users_named_in_it_are_explained(tomas):
    export = export_person(tomas)
    for row in export["records"]["notes.progressnote"]:
        assert str(row["written_by"]) in export["users"]


def test_it_is_json_and_readable(tomas):
    export = export_person(tomas)
    assert json.loads(json.dumps(export)) == export
    sections = readable(export)
    assert len(sections) == len(HOLDERS)
    assert all(s.records for s in sections)


def test_the_citizen_copy_withholds_restricted_notes(tomas):
    staff_copy = export_person(tomas)["records"]["notes.progressnote"]
    own_copy = export_person(tomas, withhold_restricted_notes=True)["records"]["notes.progressnote"]
    assert any(n["is_restricted"] for n in staff_copy)
    assert not any(n["is_restricted"] for n in own_copy)
    assert len(own_copy) == len([n for n in staff_copy if not n["is_restricted"]])


def test_queries_do_not_grow_with_the_records(tomas, django_assert_max_num_queries):
    many_to_many = sum(len(h.model._meta.many_to_many) for h in HOLDERS)
    with django_assert_max_num_queries(len(HOLDERS) + many_to_many + 1):
        export_person(tomas)


def test_the_file_name_has_no_name_in_it(tomas):
    assert "Tomas" not in file_name_for(tomas)
    assert "Vaitkus" not in file_name_for(tomas)
