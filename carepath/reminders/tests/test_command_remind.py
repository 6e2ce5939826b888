import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from carepath.accounts.models import Role
from carepath.cases.models import CaseTeamMember, Deadline, Signal
from carepath.consents.models import Consent
from carepath.organisations.authority import add_links
from carepath.plans.models import Step
from carepath.reminders import due, services
from carepath.reminders.models import Reminder
from carepath.testing.factories import (
    CaseFactory,
    ConsentFactory,
    GoalFactory,
    ProviderStaffFactory,
    SignalFactory,
    StepFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def in_days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def case():
    """An open case whose case manager has an e-mail address, with a deadline due tomorrow."""
    case = CaseFactory(signal__received_by__email="ona@example.org", signal__person__family_name="Quarshie")
    Deadline.objects.create(signal=case.signal, label="Social information", due_on=in_days(1))
    return case


def remind(lead_days: int = 2) -> None:
    call_command("remind", lead_days=lead_days, stdout=StringIO())


def test_a_reminder_is_not_sent_twice(case):
    remind()
    remind()
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1
    assert Reminder.objects.get().sent_at is not None


def test_the_email_names_the_case_and_the_deadline_but_not_the_person(case):
    remind()
    message = mail.outbox[0]
    assert message.to == ["ona@example.org"]
    assert case.reference in message.subject and "Social information" in message.subject
    assert f"/cases/{case.pk}/" in message.body
    assert "Quarshie" not in message.subject + message.body
    assert case.person.given_name not in message.subject + message.body


def test_overlapping_runs_make_and_send_each_reminder_once(case):
    """A run that found what is due before another run finished inserts nothing new and sends nothing."""
    found = list(due.due_until(in_days(2)))
    services.remind(today=TODAY, lead_days=2)  # the other run, finishing first
    services.create(items=found)
    assert services.send_pending(today=TODAY) == 0
    assert Reminder.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_database_refuses_a_second_reminder_of_the_same_record_and_date(case):
    remind()
    first = Reminder.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(
            user=first.user, subject=first.subject, object_id=first.object_id, due_on=first.due_on,
            reference=first.reference, path=first.path,
        )


def test_a_new_due_date_is_reminded_again(case):
    remind()
    Deadline.objects.update(due_on=in_days(2))
    remind()
    assert len(mail.outbox) == 2


def test_nothing_due_after_the_lead_time_is_reminded(case):
    Deadline.objects.update(due_on=in_days(3))
    remind(lead_days=2)
    assert not Reminder.objects.exists()
    remind(lead_days=3)
    assert Reminder.objects.count() == 1


def test_the_lead_time_comes_from_the_settings(case, settings):
    Deadline.objects.update(due_on=in_days(5))
    settings.CAREPATH_REMINDER_LEAD_DAYS = 4
    call_command("remind", stdout=StringIO())
    assert not Reminder.objects.exists()
    settings.CAREPATH_REMINDER_LEAD_DAYS = 5
    call_command("remind", stdout=StringIO())
    assert Reminder.objects.count() == 1


def test_an_overdue_deadline_is_reminded_and_said_overdue(case):
    Deadline.objects.update(due_on=in_days(-3))
    remind()
    assert mail.outbox[0].subject.startswith("Overdue")


def test_a_met_deadline_or_a_closed_case_reminds_no_one(case):
    Deadline.objects.update(done_on=TODAY)
    other = CaseFactory(status="closed")
    Deadline.objects.create(signal=other.signal, label="Assessment", due_on=in_days(1))
    remind()
    assert not Reminder.objects.exists()


def test_staff_without_an_email_address_get_the_reminder_in_the_app_only(case):
    type(case.signal.received_by).objects.filter(pk=case.signal.received_by_id).update(email="")
    remind()
    assert mail.outbox == []
    assert Reminder.objects.get().channel == Reminder.Channel.IN_APP


def test_a_waiting_signals_deadline_reminds_the_units_authority_staff_and_its_leader():
    signal = SignalFactory(status=Signal.Status.NEW)
    unit = signal.unit
    colleague = UserFactory(unit=unit)
    leader = UserFactory(role=Role.TEAM_LEADER, unit=None, organisation=unit.organisation)
    unit.leader = leader
    unit.save(update_fields=["leader"])
    UserFactory(unit=unit, role=Role.QUALITY_COORDINATOR)  # not authority staff: not reminded
    UserFactory(unit=unit, is_active=False)
    Deadline.objects.create(signal=signal, label="First contact", due_on=in_days(0))
    remind()
    reminded = set(Reminder.objects.values_list("user_id", flat=True))
    assert reminded == {signal.received_by_id, colleague.pk, leader.pk}
    assert Reminder.objects.first().path == f"/signals/{signal.pk}/"


def test_a_step_reminds_the_team_members_who_see_the_plan(case):
    goal = GoalFactory(case=case)
    step = StepFactory(goal=goal, due_on=in_days(2), what="Call Quarshie's school")
    StepFactory(goal=goal, due_on=in_days(1), status=Step.Status.DONE)
    sharing, not_sharing = ProviderStaffFactory(), ProviderStaffFactory()
    add_links(ConsentFactory(case=case, scope=Consent.Scope.SHARE_PROVIDERS).providers, sharing.organisation)
    CaseTeamMember.objects.create(case=case, user=sharing)
    CaseTeamMember.objects.create(case=case, user=not_sharing)
    remind()
    steps = Reminder.objects.filter(subject=Reminder.Subject.STEP)
    assert set(steps.values_list("user_id", "object_id")) == {
        (case.signal.received_by_id, step.pk), (sharing.pk, step.pk)
    }
    assert all("Quarshie" not in m.subject + m.body for m in mail.outbox)


def test_a_failed_email_is_tried_again_on_the_next_run(case, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send_mail", broken)
    remind()
    assert Reminder.objects.get().sent_at is None
    monkeypatch.undo()
    remind()
    assert len(mail.outbox) == 1
