import datetime

import pytest

from carepath.evaluations.models import GoalAttainment
from carepath.organisations.authority import add_links
from carepath.referrals.models import Referral
from carepath.reports import outcomes
from carepath.reports.filters import ReportFilterForm, default_period, filter_from
from carepath.reports.tests.builders import case_in, evaluated, scope_of, unit_with_leader
from carepath.testing.factories import ReferralFactory, ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db
FULLY, NOT = GoalAttainment.Level.FULLY, GoalAttainment.Level.NOT
HELD = datetime.date(2025, 10, 1)


def total(scope):
    return outcomes.attainment_counts(scope)["total"]


def test_unit_filter():
    unit, leader = unit_with_leader()
    sibling = UnitFactory.create(organisation=unit.organisation)
    evaluated(case_in(unit), [(FULLY, None)], held=HELD)
    evaluated(case_in(sibling), [(FULLY, None), (NOT, None)], held=HELD)

    assert total(scope_of(leader)) == 3
    assert total(scope_of(leader, unit=sibling)) == 2


def test_service_filter_counts_the_goals_referred_to_it():
    unit, leader = unit_with_leader()
    case = case_in(unit)
    moment = evaluated(case, [(FULLY, None), (NOT, None)], held=HELD)
    service = ServiceFactory.create()
    referral = ReferralFactory.create(case=case, service=service, status=Referral.Status.ACCEPTED)
    add_links(referral.goals, moment.attainments.filter(level=FULLY).get().goal)
    evaluated(case_in(unit), [(NOT, None)], held=HELD)

    assert total(scope_of(leader, service=service)) == 1


def test_life_domain_filter():
    unit, leader = unit_with_leader()
    moment = evaluated(case_in(unit), [(FULLY, None), (NOT, None)], held=HELD)
    moment.attainments.filter(level=NOT).get().goal.__class__.objects.filter(attainments__level=NOT).update(
        life_domain="work"
    )

    assert total(scope_of(leader, life_domain="work")) == 1
    assert total(scope_of(leader, life_domain="leisure")) == 1
    assert total(scope_of(leader, life_domain="housing")) == 0


def test_period_filter():
    unit, leader = unit_with_leader()
    evaluated(case_in(unit), [(FULLY, None)], held=datetime.date(2025, 5, 1))
    evaluated(case_in(unit), [(FULLY, None)], held=datetime.date(2025, 12, 1))

    assert total(scope_of(leader, date_from=datetime.date(2025, 11, 1))) == 1
    assert total(scope_of(leader, date_to=datetime.date(2025, 4, 30))) == 0


def test_defaults_are_the_users_organisation_and_the_last_12_months():
    unit, leader = unit_with_leader()
    report_filter = filter_from(leader, {})
    assert report_filter.organisation == unit.organisation
    assert (report_filter.date_from, report_filter.date_to) == default_period()
    assert report_filter.date_to - report_filter.date_from == datetime.timedelta(days=364) or (
        report_filter.date_to - report_filter.date_from == datetime.timedelta(days=365)
    )


def test_another_organisations_unit_is_not_a_choice():
    _unit, leader = unit_with_leader()
    other = UnitFactory.create()
    form = ReportFilterForm({"unit": other.pk}, user=leader)
    assert not form.is_valid()
