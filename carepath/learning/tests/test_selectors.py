import datetime

import pytest

from carepath.access import policy
from carepath.cases.models import Case
from carepath.learning import selectors
from carepath.learning.tests.factories import focus_group_of
from carepath.organisations.authority import add_links
from carepath.reports.tables import Voice
from carepath.testing.factories import CaseFactory, CitizenFactory, ProviderStaffFactory
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db

MARCH = (datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))


def test_findings_are_the_impressions_and_recommendations_of_the_cases_focus_groups_in_the_period(
    django_assert_num_queries,
):
    tomas, rasa, elsewhere = CaseFactory(), CaseFactory(), CaseFactory()
    bank = focus_group_of(tomas, activity="The visit to the bank", held_on=datetime.date(2026, 3, 10),
                          impressions="Proud.", recommendations="Go again.")
    add_links(bank.cases, rasa)  # two cases of the filter in one group: the group counts once
    focus_group_of(rasa, activity="The concert", held_on=datetime.date(2026, 3, 31), impressions="Loud.",
                   recommendations="")
    focus_group_of(tomas, activity="Too early", held_on=datetime.date(2026, 2, 28))
    focus_group_of(elsewhere, activity="Not in the filter", held_on=datetime.date(2026, 3, 15))
    cases = Case.objects.filter(pk__in=[tomas.pk, rasa.pk])
    with django_assert_num_queries(1):
        voices = selectors.findings_for(cases, *MARCH)
    assert voices == [
        Voice("Proud.", "Focus group: The visit to the bank, 10 Mar 2026"),
        Voice("Go again.", "Focus group: The visit to the bank, 10 Mar 2026"),
        Voice("Loud.", "Focus group: The concert, 31 Mar 2026"),
    ]


def test_no_findings_for_no_cases():
    focus_group_of(held_on=datetime.date(2026, 3, 10))
    assert selectors.findings_for(Case.objects.none(), *MARCH) == []


def test_learning_units_are_those_of_the_users_organisation():
    staff = ProviderStaffFactory()
    assert list(policy.visible_learning_units(staff)) == [staff.unit]
    assert not policy.visible_learning_units(administrator()).exists()
    assert not policy.visible_learning_units(CitizenFactory()).exists()
