"""Every EQUASS indicator on a small data set computed by hand (definitions: docs/outcomes.md)."""

import datetime
from decimal import Decimal

import pytest

from carepath.cases.models import Case, CaseTeamMember, Deadline
from carepath.evaluations.models import EvaluationMoment, GoalAttainment, QualityOfLifeRating
from carepath.goals.models import Goal
from carepath.learning.models import AfterActionReview, AppreciativeInquiry, FocusGroup
from carepath.plans.models import SavingsDeposit
from carepath.reports import equass
from carepath.reports.tests.builders import at, case_in, evaluated, goal_set_on, scope_of, unit_with_leader
from carepath.testing.factories import (
    ConsentFactory,
    EvaluationMomentFactory,
    ProgressNoteFactory,
    ProviderStaffFactory,
    ReferralFactory,
    SavingsPlanFactory,
    StepFactory,
    UnitFactory,
)

D = datetime.date
FULLY, PARTIALLY, NOT = GoalAttainment.Level.FULLY, GoalAttainment.Level.PARTIALLY, GoalAttainment.Level.NOT
pytestmark = pytest.mark.django_db


def values(rows):
    """{indicator: (numerator, denominator, value)}"""
    return {row[0]: tuple(row[1:]) for row in rows}


def test_staff_learning_counts_records_of_the_period_per_unit():
    unit, leader = unit_with_leader()
    UnitFactory.create(organisation=unit.organisation)  # a second unit without records
    elsewhere = UnitFactory.create()  # another organisation: not counted
    common = {"created_by": leader, "impressions": "It went well."}
    for day in (D(2025, 5, 1), D(2025, 8, 1), D(2026, 1, 1)):
        FocusGroup.objects.create(unit=unit, held_on=day, activity="Bank visit", **common)
    FocusGroup.objects.create(unit=unit, held_on=D(2024, 1, 1), activity="Too early", **common)
    FocusGroup.objects.create(unit=elsewhere, held_on=D(2025, 5, 1), activity="Elsewhere", **common)
    text = {"planned": "p", "happened": "h", "why_different": "w", "lessons": "l"}
    AfterActionReview.objects.create(unit=unit, subject="Pilot", held_on=D(2025, 9, 1), created_by=leader, **text)
    AppreciativeInquiry.objects.create(
        unit=unit,
        subject="Day care",
        held_on=D(2025, 9, 2),
        created_by=leader,
        discover="a",
        dream="b",
        design="c",
        destiny="d",
    )

    rows = values(equass.staff_learning(scope_of(leader)))

    assert rows["Focus groups held per unit"] == (3, 2, Decimal("1.5"))
    assert rows["After Action Reviews and Appreciative Inquiries per unit"] == (2, 2, Decimal("1.0"))


def test_rights_consent_before_first_referral_and_shared_notes():
    unit, leader = unit_with_leader()
    consented = case_in(unit)
    ConsentFactory.create(case=consented, given_on=D(2025, 6, 1))
    ReferralFactory.create(case=consented, referred_at=at(D(2025, 6, 10)))
    late = case_in(unit)
    ReferralFactory.create(case=late, referred_at=at(D(2025, 7, 1)))
    ConsentFactory.create(case=late, given_on=D(2025, 7, 5))
    withdrawn = case_in(unit)
    ConsentFactory.create(case=withdrawn, given_on=D(2025, 6, 1), withdrawn_on=D(2025, 8, 1))
    ReferralFactory.create(case=withdrawn, referred_at=at(D(2025, 6, 10)))
    earlier = case_in(unit, opened=D(2024, 1, 1))  # first referred before the period: not counted
    ReferralFactory.create(case=earlier, referred_at=at(D(2024, 2, 1)))
    ReferralFactory.create(case=earlier, referred_at=at(D(2025, 6, 1)))
    for restricted in (False, False, True):
        ProgressNoteFactory.create(
            case=consented,
            written_at=at(D(2025, 9, 1)),
            is_restricted=restricted,
            restriction_reason="Safety" if restricted else "",
        )
    ProgressNoteFactory.create(case=consented, written_at=at(D(2024, 9, 1)))  # before the period

    rows = equass.rights(scope_of(leader))

    assert rows[0][1:] == [1, 3, Decimal("33.3")]
    assert rows[1][1:] == [2, 3, Decimal("66.7")]


def test_partnership_counts_teams_from_more_than_one_organisation():
    unit, leader = unit_with_leader()
    shared = case_in(unit)
    CaseTeamMember.objects.create(case=shared, user=ProviderStaffFactory.create())
    case_in(unit)
    closed_before = case_in(unit, opened=D(2024, 1, 1))
    Case.objects.filter(pk=closed_before.pk).update(status=Case.Status.CLOSED, closed_at=at(D(2024, 6, 1)))

    rows = equass.partnership(scope_of(leader))

    assert rows[0][1:] == [1, 2, Decimal("50.0")]


def test_user_involvement_goals_proposed_by_citizens_and_moments_with_their_view():
    unit, leader = unit_with_leader()
    case = case_in(unit)
    for proposed_by in ("citizen", "residents_council", "staff", "staff"):
        goal_set_on(case, D(2025, 7, 1), proposed_by=proposed_by)
    goal_set_on(case, D(2024, 7, 1), proposed_by="citizen")  # before the period
    held = {"case": case, "held_on": D(2025, 10, 1), "planned_on": D(2025, 10, 1)}
    EvaluationMomentFactory.create(citizen_view=EvaluationMoment.Scale.HAPPY, **held)
    EvaluationMomentFactory.create(citizen_words="I like my job.", **held)
    EvaluationMomentFactory.create(**held)
    EvaluationMomentFactory.create(case=case, planned_on=D(2025, 12, 1))  # planned, not held

    scope = scope_of(leader)
    rows = equass.user_involvement(scope, equass.goal_figures(scope))

    assert rows[0][1:] == [2, 4, Decimal("50.0")]
    assert rows[1][1:] == [2, 3, Decimal("66.7")]


def test_empowerment_gas_of_zero_or_more_and_savings_progressing():
    unit, leader = unit_with_leader()
    case = case_in(unit)
    moment = evaluated(case, [(FULLY, 1), (PARTIALLY, 0), (NOT, -1), (NOT, None)], held=D(2025, 10, 1))
    goals = [a.goal for a in moment.attainments.order_by("pk")]
    saving = SavingsPlanFactory.create(goal=goals[0])
    SavingsDeposit.objects.create(savings_plan=saving, amount=20, deposited_on=D(2025, 11, 1), recorded_by=leader)
    SavingsPlanFactory.create(goal=goals[1])  # active goal, nothing saved in the period
    stopped = SavingsPlanFactory.create(goal=goals[2])  # stopped goal, nothing saved: not counted
    Goal.objects.filter(pk=stopped.goal_id).update(status=Goal.Status.STOPPED)

    scope = scope_of(leader)
    rows = equass.empowerment(scope, equass.outcomes.attainment_counts(scope))

    assert rows[0][1:] == [2, 3, Decimal("66.7")]
    assert rows[1][1:] == [1, 2, Decimal("50.0")]


def test_quality_of_life_improved_domains():
    unit, leader = unit_with_leader()
    case = case_in(unit)
    before = EvaluationMomentFactory.create(case=case, planned_on=D(2025, 1, 1), held_on=D(2025, 1, 1))
    after = EvaluationMomentFactory.create(case=case, planned_on=D(2025, 12, 1), held_on=D(2025, 12, 1))
    for domain, first, last in (("work", 2, 4), ("housing", 3, 3), ("health", 4, 2)):
        QualityOfLifeRating.objects.create(evaluation=before, domain=domain, score=first)
        QualityOfLifeRating.objects.create(evaluation=after, domain=domain, score=last)
    QualityOfLifeRating.objects.create(evaluation=after, domain="leisure", score=5)  # rated once: no change

    rows = equass.quality_of_life(scope_of(leader))

    assert rows[0][1:] == [1, 3, Decimal("33.3")]


def test_involvement_in_personal_plans_goals_with_words_and_steps():
    unit, leader = unit_with_leader()
    case = case_in(unit)
    with_steps = goal_set_on(case, D(2025, 7, 1))
    StepFactory.create(goal=with_steps)
    goal_set_on(case, D(2025, 7, 1))  # no step
    no_words = goal_set_on(case, D(2025, 7, 1), citizen_words="")
    StepFactory.create(goal=no_words)

    rows = equass.personal_plans(equass.goal_figures(scope_of(leader)))

    assert rows[0][1:] == [1, 3, Decimal("33.3")]


def test_continuity_same_case_manager_and_referrals_accepted_quickly():
    unit, leader = unit_with_leader()
    kept = case_in(unit)
    changed = case_in(unit)
    CaseTeamMember.objects.filter(case=changed).update(is_case_manager=False)
    CaseTeamMember.objects.create(case=changed, user=leader, is_case_manager=True)
    for days, status in ((3, "accepted"), (20, "ended"), (1, "declined")):
        ReferralFactory.create(
            case=kept,
            status=status,
            referred_at=at(D(2025, 8, 1)),
            answered_at=at(D(2025, 8, 1) + datetime.timedelta(days=days)),
        )

    rows = equass.continuity(scope_of(leader))

    assert rows[0][1:] == [1, 2, Decimal("50.0")]
    assert rows[1][1:] == [1, 2, Decimal("50.0")]


def test_usefulness_goals_achieved_and_useful_closures():
    unit, leader = unit_with_leader()
    case = case_in(unit)
    evaluated(case, [(FULLY, None), (PARTIALLY, None), (NOT, None), (NOT, None)], held=D(2025, 10, 1))
    for outcome in ("goals_reached", "autonomous", "moved"):
        closed = case_in(unit)
        Case.objects.filter(pk=closed.pk).update(status="closed", closed_at=at(D(2025, 11, 1)), outcome=outcome)

    scope = scope_of(leader)
    rows = equass.usefulness(scope, equass.outcomes.attainment_counts(scope))

    assert rows[0][1:] == [2, 4, Decimal("50.0")]
    assert rows[1][1:] == [2, 3, Decimal("66.7")]


def test_satisfaction_share_happy_and_mean():
    unit, leader = unit_with_leader()
    case = case_in(unit)
    for answer in (5, 4, 2):
        EvaluationMomentFactory.create(case=case, planned_on=D(2025, 9, 1), held_on=D(2025, 9, 1), satisfaction=answer)

    rows = equass.satisfaction(equass.outcomes.satisfaction_counts(scope_of(leader)))

    assert rows[0][1:] == [2, 3, Decimal("66.7")]
    assert rows[1][1:] == [None, 3, Decimal("3.7")]


def test_operational_efficiency_deadlines_and_first_contact():
    unit, leader = unit_with_leader()
    waits = (1, 2, 10)
    for days in waits:
        case = case_in(unit, opened=D(2025, 9, 1) + datetime.timedelta(days=days))
        Case.signal.field.related_model.objects.filter(pk=case.signal_id).update(received_at=at(D(2025, 9, 1)))
    signal = case.signal
    Deadline.objects.create(signal=signal, label="Social information", due_on=D(2025, 9, 8), done_on=D(2025, 9, 7))
    Deadline.objects.create(signal=signal, label="Social information", due_on=D(2025, 9, 8), done_on=D(2025, 9, 9))
    Deadline.objects.create(signal=signal, label="Plan", due_on=D(2025, 10, 1))

    rows = equass.efficiency(scope_of(leader))

    assert rows[0][1:] == [1, 3, Decimal("33.3")]
    assert rows[1][1:] == [None, 3, Decimal("2.0")]


def test_comparison_of_results_against_the_previous_period():
    unit, leader = unit_with_leader()
    case = case_in(unit, opened=D(2024, 6, 1))
    evaluated(case, [(FULLY, None), (NOT, None)], held=D(2024, 10, 1))  # previous period: 50 %
    evaluated(case, [(FULLY, None), (FULLY, None), (FULLY, None), (NOT, None)], held=D(2025, 10, 1))  # 75 %

    table = equass.equass_tables(scope_of(leader))[-1]

    assert table.title == "Comparison of results"
    assert table.rows[0][1:] == [Decimal("75.0"), Decimal("50.0"), Decimal("25.0")]


def test_the_report_has_the_twelve_outcome_areas():
    _unit, leader = unit_with_leader()
    assert [t.title for t in equass.equass_tables(scope_of(leader))] == [
        "Staff learning and development",
        "Rights of the service user",
        "Partnership",
        "User involvement in planning, delivery and evaluation",
        "Empowerment",
        "Quality of life",
        "Involvement in personal plans",
        "Continuity",
        "Usefulness",
        "Satisfaction of users and stakeholders",
        "Operational efficiency",
        "Comparison of results",
    ]
