import datetime
from decimal import Decimal

import pytest

from carepath.evaluations.models import GoalAttainment
from carepath.reports import outcomes
from carepath.reports.tests.builders import case_in, evaluated, scope_of, unit_with_leader

FULLY, PARTIALLY, NOT = (GoalAttainment.Level.FULLY, GoalAttainment.Level.PARTIALLY, GoalAttainment.Level.NOT)
HELD = datetime.date(2025, 11, 4)


@pytest.mark.django_db
def test_seed_000_unit_reproduces_its_figures():
    """Vilnius (seed 000): 44 evaluated goals, 28 fully, 10 partially, 6 not -> 63.6 %, 22.7 %, 13.6 %."""
    unit, leader = unit_with_leader()
    for levels in ([FULLY] * 28, [PARTIALLY] * 10, [NOT] * 6):
        for chunk in range(0, len(levels), 4):
            evaluated(case_in(unit), [(level, None) for level in levels[chunk : chunk + 4]], held=HELD)

    attainment = outcomes.goal_attainment_tables(scope_of(leader))[0]

    assert attainment.rows == [
        ["Fully achieved", 28, Decimal("63.6")],
        ["Partially achieved", 10, Decimal("22.7")],
        ["Not achieved", 6, Decimal("13.6")],
    ]
    assert "44 goals evaluated" in attainment.note


@pytest.mark.django_db
def test_a_goal_counts_once_at_its_latest_evaluation_in_the_period():
    unit, leader = unit_with_leader()
    case = case_in(unit)
    first = evaluated(case, [(NOT, -2)], held=datetime.date(2025, 9, 1))
    goal = first.attainments.get().goal
    later = evaluated(case, [], held=datetime.date(2025, 12, 1))
    GoalAttainment.objects.create(evaluation=later, goal=goal, level=FULLY, gas_score=1)
    after_period = evaluated(case, [], held=datetime.date(2026, 5, 1))
    GoalAttainment.objects.create(evaluation=after_period, goal=goal, level=NOT, gas_score=-1)

    counts = outcomes.attainment_counts(scope_of(leader))

    assert (counts["total"], counts["fully"], counts["not_achieved"]) == (1, 1, 0)
    assert counts["gas_mean"] == 1


@pytest.mark.django_db
def test_gas_distribution_and_mean():
    unit, leader = unit_with_leader()
    evaluated(case_in(unit), [(FULLY, 2), (FULLY, 1), (PARTIALLY, 0), (NOT, -1), (NOT, None)], held=HELD)

    tables = outcomes.goal_attainment_tables(scope_of(leader))

    gas = {row[0]: (row[1], row[2]) for row in tables[1].rows}
    assert gas == {
        "-2": (0, Decimal("0.0")),
        "-1": (1, Decimal("25.0")),
        "0": (1, Decimal("25.0")),
        "+1": (1, Decimal("25.0")),
        "+2": (1, Decimal("25.0")),
    }
    assert tables[2].rows[2][1] == Decimal("0.5")


@pytest.mark.django_db
def test_a_user_with_no_reportable_case_gets_zeros_not_an_error():
    from carepath.reports.filters import filter_from
    from carepath.reports.outcomes import attainment_counts, quality_of_life_rows
    from carepath.reports.scope import Scope
    from carepath.testing import roles

    admin = roles.administrator()  # in no organisation: reports nothing
    scope = Scope(admin, filter_from(admin, {}))
    assert attainment_counts(scope)["total"] == 0 and quality_of_life_rows(scope) == []
