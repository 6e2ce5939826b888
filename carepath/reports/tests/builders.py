"""Small data sets for report tests: an organisation's unit with its team leader, cases, evaluations."""

import datetime
from dataclasses import replace
from typing import Any

from django.utils import timezone

from carepath.accounts.models import Role, User
from carepath.cases.models import Case
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals.models import Goal
from carepath.organisations.models import Unit
from carepath.reports.filters import ReportFilter
from carepath.reports.scope import Scope
from carepath.testing.factories import CaseFactory, EvaluationMomentFactory, GoalFactory, UnitFactory, UserFactory

TODAY = datetime.date(2026, 3, 31)
YEAR = ReportFilter(date_from=datetime.date(2025, 4, 1), date_to=TODAY)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def leader_of(unit: Unit) -> User:
    leader = UserFactory.create(role=Role.TEAM_LEADER, unit=unit)
    unit.leader = leader
    unit.save(update_fields=["leader"])
    return leader


def case_in(unit: Unit, *, opened: datetime.date = datetime.date(2025, 6, 1), **kwargs: object) -> Case:
    worker = UserFactory.create(unit=unit)
    case = CaseFactory.create(
        signal__received_by=worker, signal__received_at=at(opened), opened_at=at(opened), **kwargs
    )
    case.signal.triaged_by = worker
    case.signal.save(update_fields=["triaged_by"])
    return case


def evaluated(case: Case, levels: list[tuple[str, int | None]], *, held: datetime.date) -> EvaluationMoment:
    """An evaluation moment held on `held` attaining one new goal per (level, GAS score)."""
    moment = EvaluationMomentFactory.create(case=case, planned_on=held, held_on=held)
    for level, gas in levels:
        goal = GoalFactory.create(case=case)
        GoalAttainment.objects.create(evaluation=moment, goal=goal, level=level, gas_score=gas)
    return moment


def goal_set_on(case: Case, day: datetime.date, **kwargs: object) -> Goal:
    """A goal set on `day` (created_at is filled in on save, so it is moved afterwards)."""
    goal = GoalFactory.create(case=case, **kwargs)
    Goal.objects.filter(pk=goal.pk).update(created_at=at(day))
    return goal


def scope_of(user: User, report_filter: ReportFilter = YEAR, **changes: Any) -> Scope:
    return Scope(user, replace(report_filter, **changes))


def unit_with_leader() -> tuple[Unit, User]:
    unit = UnitFactory.create()
    return unit, leader_of(unit)
