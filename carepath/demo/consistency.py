"""Invariants that made data must share with what the services create; each check is one query.

Used by the tests of `demo` and `generate`, and by `carepath generate --check`.
"""

from collections import defaultdict

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from carepath.cases.models import Case, CaseTeamMember, Deadline, DeadlineRule, Signal
from carepath.evaluations.models import GoalAttainment
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.referrals.models import Referral, ReferralGoal


def problems() -> list[str]:
    """A description of every broken invariant; empty when the data is consistent."""
    found: list[str] = []

    def expect_none(what: str, count: int) -> None:
        if count:
            found.append(f"{count} {what}")

    expect_none("cases whose signal is not 'case_opened'", Case.objects.exclude(
        signal__status=Signal.Status.CASE_OPENED).count())
    managers = Count("team", filter=Q(team__is_case_manager=True))
    expect_none("cases without exactly one case manager",
                Case.objects.annotate(m=managers).exclude(m=1).count())
    expect_none("cases opened before their signal arrived",
                Case.objects.filter(opened_at__lt=F("signal__received_at")).count())
    expect_none("closed cases without outcome, reason or date", Case.objects.filter(
        status=Case.Status.CLOSED).filter(Q(outcome="") | Q(closure_reason="") | Q(closed_at=None)).count())
    expect_none("open deadlines of closed cases", Deadline.objects.filter(
        signal__case__status=Case.Status.CLOSED, done_on=None).count())
    expect_none("signals closed without a reason", Signal.objects.filter(
        status=Signal.Status.CLOSED, closed_reason="").count())
    expect_none("triaged signals without who and when", Signal.objects.exclude(
        status=Signal.Status.NEW).filter(Q(triaged_by=None) | Q(triaged_at=None)).count())
    expect_none("restricted notes without a reason", ProgressNote.objects.filter(
        is_restricted=True, restriction_reason="").count())
    on_team = CaseTeamMember.objects.filter(case_id=OuterRef("case_id"), user_id=OuterRef("answered_by_id"))
    expect_none("accepted referrals whose answerer is not on the case team", Referral.objects.filter(
        status=Referral.Status.ACCEPTED).filter(Q(answered_by=None) | ~Exists(on_team)).count())
    expect_none("declined referrals without a reason", Referral.objects.filter(
        status=Referral.Status.DECLINED, decline_reason="").count())
    expect_none("answered referrals without who and when", Referral.objects.exclude(
        status=Referral.Status.PENDING).exclude(status=Referral.Status.ENDED, answered_by=None).filter(
        Q(answered_by=None) | Q(answered_at=None)).count())
    expect_none("referrals made before the goals they carry were set", ReferralGoal.objects.filter(
        referral__referred_at__lt=F("goal__created_at")).count())
    expect_none("referrals answered before they were made", Referral.objects.filter(
        answered_at__lt=F("referred_at")).count())
    expect_none("goals set before their case was opened", Goal.objects.filter(
        created_at__lt=F("case__opened_at")).count())
    expect_none("goal attainments at evaluations not held", GoalAttainment.objects.filter(
        evaluation__held_on=None).count())
    expect_none("attainments of goals of another case", GoalAttainment.objects.exclude(
        goal__case_id=F("evaluation__case_id")).exclude(goal__group_cases=F("evaluation__case_id")).count())
    found += _deadline_problems()
    return found


def _deadline_problems() -> list[str]:
    """Each signal has one deadline per rule of its case type, due that many days after it arrived."""
    rules: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for case_type_id, label, days in DeadlineRule.objects.values_list("case_type_id", "label", "days"):
        rules[case_type_id].add((label, days))
    received = {
        pk: (case_type_id, timezone.localdate(at))
        for pk, case_type_id, at in Signal.objects.values_list("pk", "case_type_id", "received_at").iterator()
    }
    have: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for signal_id, label, due_on in Deadline.objects.values_list("signal_id", "label", "due_on").iterator():
        have[signal_id].add((label, (due_on - received[signal_id][1]).days))
    wrong = sum(1 for pk, (case_type_id, _day) in received.items() if have[pk] != rules[case_type_id])
    return [f"{wrong} signals whose deadlines do not follow their case type's rules"] if wrong else []
