import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone

from carepath.audit.models import AuditEvent
from carepath.cases import services
from carepath.cases.models import Case, CaseTeamMember, Deadline, Signal
from carepath.core.concurrency import StaleEdit
from carepath.people.models import Household, Person
from carepath.testing.factories import (
    CaseFactory,
    CaseTypeFactory,
    DeadlineRuleFactory,
    PersonFactory,
    ProviderStaffFactory,
    SignalFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SIGNAL_FIELDS = {
    "signaller_kind": Signal.SignallerKind.SCHOOL,
    "problems": "Often absent from school.",
    "request": "Support for the family.",
}


def _receive(worker, **overrides):
    arguments = {
        "by": worker,
        "unit": worker.unit,
        "case_type": CaseTypeFactory(),
        "given_name": "Ona",
        "family_name": "Silva",
        "birth_date": datetime.date(2012, 3, 4),
        **SIGNAL_FIELDS,
    }
    arguments.update(overrides)
    return services.receive_signal(**arguments)


def _events(action, what):
    return AuditEvent.objects.filter(action=action, what=what)


# receive_signal


def test_receive_signal_creates_the_person_and_audits_it():
    worker = UserFactory()
    signal = _receive(worker)
    assert (signal.status, signal.received_by, signal.unit) == (Signal.Status.NEW, worker, worker.unit)
    assert (signal.person.given_name, signal.person.family_name) == ("Ona", "Silva")
    assert timezone.localdate(signal.received_at) == timezone.localdate()
    event = _events(AuditEvent.Action.CREATE, "cases.signal").get()
    assert (event.user, event.object_id, event.person_id) == (worker, signal.pk, signal.person_id)


def test_receive_signal_finds_the_known_person_by_name_and_birth_date():
    person = PersonFactory(given_name="Ona", family_name="Silva", birth_date=datetime.date(2012, 3, 4))
    signal = _receive(UserFactory(), given_name=" ona ", family_name="SILVA")
    assert signal.person == person
    assert Person.objects.count() == 1


def test_receive_signal_with_another_birth_date_is_another_person():
    person = PersonFactory(given_name="Ona", family_name="Silva", birth_date=datetime.date(2012, 3, 4))
    signal = _receive(UserFactory(), birth_date=datetime.date(2013, 3, 4))
    assert signal.person != person
    assert Person.objects.count() == 2


def test_receive_signal_creates_the_household_and_links_the_person():
    signal = _receive(UserFactory(), household_name="  The Silva family ")
    household = Household.objects.get()
    assert household.name == "The Silva family"
    assert signal.household == household
    assert signal.person.household == household


def test_receive_signal_keeps_the_persons_existing_household():
    household = Household.objects.create(name="The Silva family")
    PersonFactory(given_name="Ona", family_name="Silva", birth_date=datetime.date(2012, 3, 4), household=household)
    signal = _receive(UserFactory(), household_name="Silva")
    assert signal.household == household
    assert Household.objects.count() == 1


def test_receive_signal_without_household_leaves_it_empty():
    signal = _receive(UserFactory())
    assert signal.household is None
    assert not Household.objects.exists()


def test_receive_signal_starts_a_deadline_per_rule_from_today():
    case_type = CaseTypeFactory(name="Adult disability")
    DeadlineRuleFactory(case_type=case_type, label="Social information", days=7)
    DeadlineRuleFactory(case_type=case_type, label="Plan agreed", days=30)
    signal = _receive(UserFactory(), case_type=case_type)
    today = timezone.localdate()
    deadlines = {(d.label, d.due_on, d.done_on) for d in signal.deadlines.all()}
    assert deadlines == {
        ("Social information", today + datetime.timedelta(days=7), None),
        ("Plan agreed", today + datetime.timedelta(days=30), None),
    }


def test_receive_signal_dates_deadlines_from_the_day_it_arrived():
    case_type = CaseTypeFactory()
    DeadlineRuleFactory(case_type=case_type, days=7)
    arrived = timezone.localdate() - datetime.timedelta(days=5)
    signal = _receive(UserFactory(), case_type=case_type, received_on=arrived)
    assert timezone.localdate(signal.received_at) == arrived
    assert signal.deadlines.get().due_on == arrived + datetime.timedelta(days=7)


def test_receive_signal_of_another_case_type_starts_no_foreign_deadlines():
    DeadlineRuleFactory(case_type=CaseTypeFactory(name="Child and family"))
    signal = _receive(UserFactory(), case_type=CaseTypeFactory(name="Adult disability"))
    assert not signal.deadlines.exists()


# open_case and close_signal


def test_open_case_makes_the_triager_case_manager_and_marks_the_signal():
    signal = SignalFactory(household=Household.objects.create(name="The Silva family"))
    triager = UserFactory(unit=signal.unit)
    case = services.open_case(signal=signal, by=triager)
    assert (case.person, case.household, case.case_type, case.unit, case.status) == (
        signal.person,
        signal.household,
        signal.case_type,
        signal.unit,
        Case.Status.OPEN,
    )
    member = CaseTeamMember.objects.get(case=case)
    assert (member.user, member.is_case_manager) == (triager, True)
    signal.refresh_from_db()
    assert (signal.status, signal.triaged_by) == (Signal.Status.CASE_OPENED, triager)
    assert signal.triaged_at is not None
    event = _events(AuditEvent.Action.CREATE, "cases.case").get()
    assert (event.user, event.case_id, event.person_id) == (triager, case.pk, signal.person_id)


def test_a_signal_cannot_be_triaged_twice():
    signal = SignalFactory()
    services.open_case(signal=signal, by=signal.received_by)
    with pytest.raises(ValueError):
        services.open_case(signal=signal, by=signal.received_by)
    with pytest.raises(ValueError):
        services.close_signal(signal=signal, by=signal.received_by, reason="Duplicate")
    assert Case.objects.count() == 1


def test_a_stale_signal_object_still_cannot_open_a_second_case():
    signal = SignalFactory()
    stale_copy = Signal.objects.get(pk=signal.pk)
    services.close_signal(signal=signal, by=signal.received_by, reason="Referred to the school nurse")
    with pytest.raises(ValueError):
        services.open_case(signal=stale_copy, by=signal.received_by)
    assert not Case.objects.exists()


def test_close_signal_keeps_the_reason_and_audits_it():
    signal = SignalFactory()
    services.close_signal(signal=signal, by=signal.received_by, reason="Referred to the school nurse")
    signal.refresh_from_db()
    assert (signal.status, signal.closed_reason, signal.triaged_by) == (
        Signal.Status.CLOSED,
        "Referred to the school nurse",
        signal.received_by,
    )
    assert not Case.objects.exists()
    event = _events(AuditEvent.Action.UPDATE, "cases.signal").get()
    assert (event.object_id, event.person_id) == (signal.pk, signal.person_id)


# close_case


def _deadline(case, days, done=False):
    today = timezone.localdate()
    return Deadline.objects.create(
        signal=case.signal,
        label=f"Step {days}",
        due_on=today + datetime.timedelta(days=days),
        done_on=today - datetime.timedelta(days=1) if done else None,
        done_by=case.signal.received_by if done else None,
    )


def test_close_case_stores_the_outcome_and_closes_open_deadlines():
    case = CaseFactory()
    worker = case.signal.received_by
    open_deadline, met = _deadline(case, 5), _deadline(case, -5, done=True)
    services.close_case(
        case=case,
        by=worker,
        outcome=Case.Outcome.GOALS_REACHED,
        closure_reason="Jonas works now.",
        seen_version=case.version,
    )
    case.refresh_from_db()
    assert (case.status, case.outcome, case.closure_reason, case.version) == (
        Case.Status.CLOSED,
        Case.Outcome.GOALS_REACHED,
        "Jonas works now.",
        2,
    )
    assert case.closed_at is not None
    open_deadline.refresh_from_db()
    met.refresh_from_db()
    assert (open_deadline.done_on, open_deadline.done_by) == (timezone.localdate(), worker)
    assert met.done_on == timezone.localdate() - datetime.timedelta(days=1)
    event = _events(AuditEvent.Action.UPDATE, "cases.case").get()
    assert (event.user, event.case_id) == (worker, case.pk)


def test_close_case_with_a_stale_version_changes_nothing():
    case = CaseFactory()
    deadline = _deadline(case, 5)
    Case.objects.filter(pk=case.pk).update(version=2)  # someone else saved meanwhile
    with pytest.raises(StaleEdit):
        services.close_case(
            case=case,
            by=case.signal.received_by,
            outcome=Case.Outcome.OTHER,
            closure_reason="Moved",
            seen_version=1,
        )
    case.refresh_from_db()
    deadline.refresh_from_db()
    assert (case.status, case.outcome, case.version) == (Case.Status.OPEN, "", 2)
    assert deadline.done_on is None
    assert not _events(AuditEvent.Action.UPDATE, "cases.case").exists()


# add_team_member


def test_add_team_member_from_another_organisation_and_audit_it():
    case = CaseFactory()
    psychologist = ProviderStaffFactory()
    member = services.add_team_member(
        case=case, by=case.signal.received_by, user=psychologist, role_in_team="psychologist"
    )
    assert (member.user, member.role_in_team, member.is_case_manager) == (psychologist, "psychologist", False)
    assert case.team.count() == 2
    event = _events(AuditEvent.Action.CREATE, "cases.caseteammember").get()
    assert (event.object_id, event.case_id) == (member.pk, case.pk)


def test_moving_the_case_manager_keeps_exactly_one():
    case = CaseFactory()
    first = case.signal.received_by
    second = UserFactory(unit=case.unit)
    services.add_team_member(case=case, by=first, user=second, is_case_manager=True)
    managers = list(case.team.filter(is_case_manager=True).values_list("user", flat=True))
    assert managers == [second.pk]
    assert case.team.filter(user=first).exists()


def test_adding_someone_twice_updates_their_membership():
    case = CaseFactory()
    teacher = UserFactory()
    services.add_team_member(case=case, by=case.signal.received_by, user=teacher, role_in_team="teacher")
    services.add_team_member(case=case, by=case.signal.received_by, user=teacher, role_in_team="class teacher")
    assert case.team.get(user=teacher).role_in_team == "class teacher"
    assert case.team.count() == 2


def test_changing_the_case_managers_role_does_not_leave_the_case_without_manager():
    # The form's "make case manager" box is unticked when the manager's role is only edited.
    case = CaseFactory()
    manager = case.signal.received_by
    services.add_team_member(case=case, by=manager, user=manager, role_in_team="social worker")
    assert case.team.filter(is_case_manager=True).count() == 1


def test_the_database_refuses_two_case_managers():
    case = CaseFactory()
    with pytest.raises(IntegrityError):
        CaseTeamMember.objects.create(case=case, user=UserFactory(), is_case_manager=True)


# complete_deadline


def test_complete_deadline_marks_it_met_today_and_audits_it():
    case = CaseFactory()
    deadline = _deadline(case, -2)
    worker = case.signal.received_by
    services.complete_deadline(deadline=deadline, by=worker)
    deadline.refresh_from_db()
    assert (deadline.done_on, deadline.done_by) == (timezone.localdate(), worker)
    event = _events(AuditEvent.Action.UPDATE, "cases.deadline").get()
    assert (event.user, event.object_id, event.person_id) == (worker, deadline.pk, case.person_id)
