import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from carepath.audit.models import AuditEvent
from carepath.cases.models import Deadline
from carepath.meetings.models import MeetingParticipant, NetworkMeeting
from carepath.meetings.tests.factories import held_meeting_of
from carepath.plans.models import Step
from carepath.referrals.models import Referral
from carepath.reminders import services
from carepath.testing.factories import CaseFactory, CitizenFactory, GoalFactory, StepFactory, UserFactory
from carepath.testing.roles import provider_staff_on

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def case():
    case = CaseFactory(signal__person__family_name="Quarshie")
    Deadline.objects.create(signal=case.signal, label="Social information", due_on=TODAY)
    return case


def fetch(token: str):
    return Client().get(reverse("reminders:feed", kwargs={"feed_token": token}))


def events(response) -> dict[str, str]:
    calendar = Calendar.from_ical(response.content)
    return {str(e["uid"]): str(e["summary"]) for e in calendar.walk("VEVENT")}


def test_the_feed_lists_exactly_the_users_steps_and_deadlines(case):
    worker = case.signal.received_by
    goal = GoalFactory(case=case)
    mine = StepFactory(goal=goal, what="Visit the school", due_on=TODAY + datetime.timedelta(days=3))
    StepFactory(goal=goal, status=Step.Status.DONE)
    unseen = StepFactory(what="Someone else's step")  # a case the worker is not on
    deadline = case.signal.deadlines.get()
    response = fetch(services.create_feed(owner=worker)[1])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert events(response) == {
        f"step-{mine.pk}@carepath": f"{case.reference}: Visit the school",
        f"deadline-{deadline.pk}@carepath": f"{case.reference}: Social information",
    }
    assert f"step-{unseen.pk}@" not in response.content.decode()
    assert "Quarshie" not in response.content.decode()


def test_each_fetch_is_audited_as_a_read_of_the_cases_it_lists(case):
    worker = case.signal.received_by
    StepFactory(goal=GoalFactory(case=case))
    token = services.create_feed(owner=worker)[1]
    before = AuditEvent.objects.count()
    fetch(token)
    fetch(token)
    written = AuditEvent.objects.order_by("pk")[before:].values_list("action", "what", "case_id", "user_id")
    assert list(written) == [("view", "cases.case", case.pk, worker.pk)] * 2


def test_a_revoked_calendar_url_answers_404(case):
    worker = case.signal.received_by
    token = services.create_feed(owner=worker)[1]
    assert fetch(token).status_code == 200
    services.revoke_feed(owner=worker)
    assert fetch(token).status_code == 404


def test_a_new_address_stops_the_old_one(case):
    worker = case.signal.received_by
    old = services.create_feed(owner=worker)[1]
    new = services.create_feed(owner=worker)[1]
    assert (fetch(old).status_code, fetch(new).status_code) == (404, 200)


def test_an_unknown_token_answers_404_and_writes_nothing(case):
    before = AuditEvent.objects.count()
    assert fetch("no-such-secret").status_code == 404
    assert AuditEvent.objects.count() == before


def test_a_closed_account_s_feed_answers_404(case):
    worker = case.signal.received_by
    token = services.create_feed(owner=worker)[1]
    type(worker).objects.filter(pk=worker.pk).update(is_active=False)
    assert fetch(token).status_code == 404


def test_only_the_hash_of_the_secret_is_stored(case):
    feed, token = services.create_feed(owner=case.signal.received_by)
    assert token not in feed.token_hash and len(token) >= 43


def test_a_citizens_feed_lists_their_own_steps_and_is_audited(case):
    citizen = CitizenFactory(person=case.person)
    step = StepFactory(goal=GoalFactory(case=case), what="Walk to the bus stop", who="Ieva")
    StepFactory(what="Another person's step")
    token = services.create_feed(owner=citizen)[1]
    before = AuditEvent.objects.count()
    response = fetch(token)
    assert events(response) == {f"step-{step.pk}@carepath": "Walk to the bus stop"}
    assert list(AuditEvent.objects.order_by("pk")[before:].values_list("action", "what", "person_id")) == [
        ("view", "plans.step", case.person_id)
    ]


def test_the_feed_answers_only_get(case):
    token = services.create_feed(owner=case.signal.received_by)[1]
    assert Client().post(reverse("reminders:feed", kwargs={"feed_token": token})).status_code == 405


def test_a_meeting_is_a_timed_event_with_its_place_in_the_staff_feed(case):
    worker = case.signal.received_by
    meeting = held_meeting_of(case, by=worker)
    held_meeting_of(CaseFactory(), by=UserFactory())  # a case the worker is not on
    token = services.create_feed(owner=worker)[1]
    before = AuditEvent.objects.count()
    calendar = Calendar.from_ical(fetch(token).content)
    found = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("meeting-")]
    assert [str(e["uid"]) for e in found] == [f"meeting-{meeting.pk}@carepath"]
    event = found[0]
    assert str(event["summary"]) == f"{case.reference}: {meeting.title}"
    assert event.decoded("dtstart") == meeting.starts_at and event.decoded("dtend") == meeting.ends_at
    assert isinstance(event.decoded("dtstart"), datetime.datetime)  # timed, not a whole day
    assert str(event["location"]) == meeting.place
    written = list(AuditEvent.objects.order_by("pk")[before:].values_list("action", "what", "case_id"))
    assert written == [("view", "cases.case", case.pk)]  # once per case, meetings and deadlines alike


def test_a_participant_from_another_organisation_sees_the_meeting_only_with_consent(case):
    meeting = held_meeting_of(case, by=case.signal.received_by)
    shares = provider_staff_on(case, Referral.Status.ACCEPTED)
    no_consent = provider_staff_on(case, Referral.Status.ACCEPTED, consent=False)
    for user in (shares, no_consent):
        MeetingParticipant.objects.create(meeting=meeting, kind="professional", user=user)
    assert f"meeting-{meeting.pk}@" in fetch(services.create_feed(owner=shares)[1]).content.decode()
    assert f"meeting-{meeting.pk}@" not in fetch(services.create_feed(owner=no_consent)[1]).content.decode()


def test_a_citizens_feed_lists_their_own_meetings_as_timed_events(case):
    citizen = CitizenFactory(person=case.person)
    meeting = held_meeting_of(case, by=case.signal.received_by)
    held_meeting_of(case, by=case.signal.received_by, status=NetworkMeeting.Status.CANCELLED)
    other = CaseFactory()
    held_meeting_of(other, by=other.signal.received_by)
    token = services.create_feed(owner=citizen)[1]
    before = AuditEvent.objects.count()
    response = fetch(token)
    assert events(response) == {f"meeting-{meeting.pk}@carepath": meeting.title}
    event = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
    assert event.decoded("dtstart") == meeting.starts_at and str(event["location"]) == meeting.place
    assert f"/portal/{case.person_id}/meetings/{meeting.pk}/" in str(event["url"])
    assert list(AuditEvent.objects.order_by("pk")[before:].values_list("action", "what", "person_id")) == [
        ("view", "plans.step", case.person_id),
        ("view", "meetings.networkmeeting", case.person_id),
    ]
