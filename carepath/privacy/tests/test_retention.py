"""Retention: the dry run lists and changes nothing; applying does exactly what was listed, once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, Signal
from carepath.evaluations.models import GoalAttainment
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.organisations.authority import add_links
from carepath.people.models import Household, Person
from carepath.plans.models import StepAttachment
from carepath.portal.models import Wish
from carepath.privacy.models import RetentionRule
from carepath.privacy.retention import SPECS
from carepath.privacy.services import apply_retention, what_is_due
from carepath.testing import factories as f
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def closed_case(years_ago: float, **person: object) -> Case:
    when = NOW - datetime.timedelta(days=365.25 * years_ago)
    return f.CaseFactory.create(status=Case.Status.CLOSED, closed_at=when, opened_at=when, **person)


def a_full_file(case: Case) -> dict[str, object]:
    """One record of every kind on a case."""
    by = case.signal.received_by
    goal = f.GoalFactory.create(case=case)
    step = f.StepFactory.create(goal=goal)
    consent = f.ConsentFactory.create(case=case)
    consent.document.save("scan.pdf", ContentFile(b"%PDF-1.4"))
    version = f.AgreementVersionFactory.create(case=case)
    evaluation = f.EvaluationMomentFactory.create(case=case, citizen_words="I am happier.")
    return {
        "goal": goal,
        "step": step,
        "picture": f.StepPictureFactory.create(step=step),
        "consent": consent,
        "savings": f.SavingsPlanFactory.create(goal=goal),
        "note": f.ProgressNoteFactory.create(case=case, text="Met at home."),
        "assessment": f.AssessmentFactory.create(case=case, strengths="Kind"),
        "action": f.AgreementActionFactory.create(version=version),
        "attainment": GoalAttainment.objects.create(evaluation=evaluation, goal=goal, level="fully", comment="Yes!"),
        "referral": f.ReferralFactory.create(case=case, message="Please help."),
        "wish": Wish.objects.create(case=case, text="Swim", written_by=by),
        "proxy": f.ProxyFactory.create(person=case.person),
    }


@pytest.fixture
def world():
    old = closed_case(11)
    old.person.household = Household.objects.create(name="The Old family", address="1 Elm Street")
    old.person.save()
    account = f.CitizenFactory.create(person=old.person, username="old-citizen")
    recent = closed_case(0.5)
    busy_old = closed_case(11)
    busy_open = f.CaseFactory.create(signal__person=busy_old.person)
    shared = f.GoalFactory.create(case=old, is_group_goal=True)
    add_links(shared.group_cases, busy_open)
    no_case = f.SignalFactory.create(
        status=Signal.Status.CLOSED, triaged_at=NOW - datetime.timedelta(days=365 * 3), closed_reason="Not for us"
    )
    return {
        "old": old, "old_file": a_full_file(old), "account": account, "recent": recent,
        "recent_file": a_full_file(recent), "busy_old": busy_old, "busy_old_file": a_full_file(busy_old),
        "busy_open": busy_open, "shared": shared, "no_case": no_case,
    }


def due_ids() -> dict[str, list[int]]:
    return {d.record_type.value: d.ids for d in what_is_due(now=NOW)}


def test_the_dry_run_lists_the_old_file_and_the_old_signal_only(world):
    due = due_ids()
    old, file = world["old"], world["old_file"]
    assert due["person"] == sorted([old.person_id, world["no_case"].person_id])
    assert due["signal"] == sorted([old.signal_id, world["no_case"].pk])
    assert due["household"] == [old.person.household_id]
    assert due["case"] == []  # a closed case without a reason has nothing to blank
    assert due["note"] == [file["note"].pk]
    assert due["goal"] == [file["goal"].pk]  # not the group goal: an open case shares it
    assert due["attachment"] == [file["picture"].pk]
    assert due["proxy"] == [file["proxy"].pk]
    assert due["wish"] == [file["wish"].pk]


def test_the_dry_run_changes_nothing(world):
    before = snapshot()
    what_is_due(now=NOW)
    assert snapshot() == before


def snapshot() -> list:
    return [list(s.model._default_manager.order_by("pk").values()) for s in SPECS.values()]


def test_apply_does_exactly_what_was_listed(world, django_capture_on_commit_callbacks):
    listed = due_ids()
    picture = world["old_file"]["picture"]
    scan = world["old_file"]["consent"].document
    untouched = [world["recent_file"], world["busy_old_file"]]
    before_untouched = [{k: _values(v) for k, v in file.items()} for file in untouched]

    with django_capture_on_commit_callbacks(execute=True):
        applied = apply_retention(by=administrator(), now=NOW)

    assert {d.record_type.value: d.ids for d in applied} == listed
    person = Person.objects.get(pk=world["old"].person_id)
    assert (person.given_name, person.family_name, person.birth_date, person.address) == ("", "", None, "")
    assert Household.objects.get(pk=person.household_id).name == ""
    assert Signal.objects.get(pk=world["no_case"].pk).closed_reason == ""
    assert not ProgressNote.objects.filter(pk__in=listed["note"]).exists()
    assert not StepAttachment.objects.filter(pk=picture.pk).exists()
    assert not picture.file.storage.exists(picture.file.name)
    assert not scan.storage.exists(scan.name)
    goal = Goal.objects.get(pk=listed["goal"][0])
    assert (goal.citizen_words, goal.title, goal.version) == ("", "", world["old_file"]["goal"].version + 1)
    assert GoalAttainment.objects.get(pk=world["old_file"]["attainment"].pk).comment == ""
    account = User.objects.get(pk=world["account"].pk)
    assert (account.is_active, account.email, account.has_usable_password()) == (False, "", False)
    assert account.username == f"anonymised-{account.pk}"
    assert [{k: _values(v) for k, v in file.items()} for file in untouched] == before_untouched
    assert Goal.objects.get(pk=world["shared"].pk).title == world["shared"].title


def _values(obj: object) -> dict:
    model = type(obj)
    return model._default_manager.filter(pk=obj.pk).values().first()  # type: ignore[attr-defined]


def test_apply_is_audited_by_the_administrator(world):
    admin = administrator()
    listed = due_ids()
    apply_retention(by=admin, now=NOW)
    events = AuditEvent.objects.filter(user=admin, action=AuditEvent.Action.UPDATE)
    assert events.count() == sum(len(ids) for ids in listed.values())
    assert events.filter(what="notes.progressnote", object_id=listed["note"][0]).exists()


def test_a_second_run_finds_and_changes_nothing(world):
    admin = administrator()
    apply_retention(by=admin, now=NOW)
    assert all(ids == [] for ids in due_ids().values())
    before = snapshot()
    apply_retention(by=admin, now=NOW)
    assert snapshot() == before


def test_a_person_with_an_open_case_is_left_alone_even_in_an_old_case(world):
    apply_retention(by=administrator(), now=NOW)
    busy = Person.objects.get(pk=world["busy_old"].person_id)
    assert busy.given_name != ""
    assert ProgressNote.objects.filter(case=world["busy_old"]).exists()
    assert Case.objects.get(pk=world["busy_open"].pk).status == Case.Status.OPEN


def test_a_person_record_cannot_be_set_to_erase():
    rule = RetentionRule.objects.get(record_type=RetentionRule.RecordType.PERSON)
    rule.action = RetentionRule.Action.ERASE
    with pytest.raises(ValidationError):
        rule.full_clean()


def test_every_record_type_has_a_default_rule():
    assert set(RetentionRule.objects.values_list("record_type", flat=True)) == set(RetentionRule.RecordType)
    for rule in RetentionRule.objects.all():
        rule.full_clean()
