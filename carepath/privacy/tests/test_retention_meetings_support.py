"""Retention of network meetings (with the case) and of support records (from the day the support was given)."""

import datetime

import pytest
from django.utils import timezone

from carepath.cases.models import Case
from carepath.meetings.models import MeetingAction, MeetingDecision, MeetingParticipant, NetworkMeeting
from carepath.meetings.tests.factories import held_meeting_of
from carepath.plans.models import Step
from carepath.privacy.models import RetentionRule
from carepath.privacy.services import apply_retention, what_is_due
from carepath.support import matching, services
from carepath.support.models import SupportEncoding, SupportMatch, SupportRecord, SupportReview
from carepath.support.tests.factories import food_bank_staff, municipality_staff, support
from carepath.testing import factories as f
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def years_ago(years: float) -> datetime.datetime:
    return NOW - datetime.timedelta(days=365.25 * years)


def due() -> dict[str, list[int]]:
    return {d.record_type.value: d.ids for d in what_is_due(now=NOW)}


def meeting_of_case_closed(years: float) -> NetworkMeeting:
    case = f.CaseFactory.create()
    meeting = held_meeting_of(case, by=case.signal.received_by, goal=f.GoalFactory.create(case=case))
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED, closed_at=years_ago(years))
    return meeting


def test_a_meeting_goes_ten_years_after_its_case_closed_with_its_participants_decisions_and_actions():
    old, recent = meeting_of_case_closed(11), meeting_of_case_closed(2)
    assert due()["meeting"] == [old.pk]
    step = old.actions.get().step
    apply_retention(by=administrator(), now=NOW)
    assert not NetworkMeeting.objects.filter(pk=old.pk).exists()
    for child in (MeetingParticipant, MeetingDecision, MeetingAction):
        assert not child.objects.filter(meeting_id=old.pk).exists()
        assert child.objects.filter(meeting_id=recent.pk).exists()
    assert Step.objects.filter(pk=step.pk).exists()  # the step keeps the rule of steps
    assert due()["meeting"] == []


def test_anonymising_a_meeting_blanks_its_texts_and_the_names_of_who_took_part():
    RetentionRule.objects.filter(record_type="meeting").update(action=RetentionRule.Action.ANONYMISE)
    old = meeting_of_case_closed(11)
    apply_retention(by=administrator(), now=NOW)
    old.refresh_from_db()
    assert (old.title, old.agenda, old.strategy, old.minutes, old.place) == ("", "", "", "", "")
    assert set(old.participants.exclude(kind=MeetingParticipant.Kind.PROFESSIONAL).values_list("name", "relation")) \
        == {("–", "")}
    assert set(old.decisions.values_list("text", flat=True)) == {""}
    assert due()["meeting"] == []


@pytest.fixture
def reviewed_pair():
    worker, volunteer = municipality_staff(), food_bank_staff()
    given = (NOW - datetime.timedelta(days=365 * 4)).date()
    old_ours, old_theirs = support(worker, given_on=given), support(volunteer, given_on=given, family_names="Fereira")
    recent = support(worker, given_names="Marek", family_names="Kowalczyk")
    matching.run()
    match = SupportMatch.objects.get()
    services.review_match(match=match, support=old_ours, by=worker, outcome=SupportReview.Outcome.AGREED,
                          conversation="Ana chose the food bank for parcels.", expected_version=None)
    return old_ours, old_theirs, recent


def test_support_records_go_three_years_after_the_support_was_given_with_their_encoding_and_matches(reviewed_pair):
    old_ours, old_theirs, recent = reviewed_pair
    assert sorted(due()["support"]) == sorted([old_ours.pk, old_theirs.pk])
    apply_retention(by=administrator(), now=NOW)
    assert list(SupportRecord.objects.values_list("pk", flat=True)) == [recent.pk]
    assert list(SupportEncoding.objects.values_list("link_key", flat=True)) == [recent.link_key]
    assert not SupportMatch.objects.exists() and not SupportReview.objects.exists()
    assert due()["support"] == []


def test_anonymised_support_records_keep_kind_date_and_amount_but_leave_the_matching(reviewed_pair):
    RetentionRule.objects.filter(record_type="support").update(action=RetentionRule.Action.ANONYMISE)
    old_ours, _, recent = reviewed_pair
    apply_retention(by=administrator(), now=NOW)
    old_ours.refresh_from_db()
    assert (old_ours.given_names, old_ours.family_names, old_ours.birth_date, old_ours.address) == ("", "", None, "")
    assert (old_ours.kind, old_ours.given_on) == ("food", (NOW - datetime.timedelta(days=365 * 4)).date())
    assert list(SupportEncoding.objects.values_list("link_key", flat=True)) == [recent.link_key]
    assert not SupportMatch.objects.exists()
    assert due()["support"] == []
