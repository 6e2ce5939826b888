import pytest
from django.http import Http404

from carepath.audit.models import AuditEvent
from carepath.learning.tests.factories import AfterActionReviewFactory, AppreciativeInquiryFactory
from carepath.pilots import selectors
from carepath.pilots.models import Step
from carepath.pilots.tests.factories import PilotFactory
from carepath.testing.factories import CitizenFactory, ProviderStaffFactory, UnitFactory, UserFactory
from carepath.testing.roles import administrator

pytestmark = pytest.mark.django_db


def test_a_colleague_in_another_unit_of_the_organisation_sees_the_pilot():
    pilot = PilotFactory()
    colleague = UserFactory(unit=UnitFactory(organisation=pilot.unit.organisation), role="team_leader")
    assert selectors.get_pilot(colleague, pilot.pk) == pilot
    assert list(selectors.pilot_list(colleague)) == [pilot]


@pytest.mark.parametrize("outsider", [UserFactory, ProviderStaffFactory, CitizenFactory, administrator])
def test_another_organisations_pilot_is_a_404_and_the_refusal_is_audited(outsider):
    pilot = PilotFactory()
    user = outsider()
    with pytest.raises(Http404):
        selectors.get_pilot(user, pilot.pk)
    assert list(selectors.pilot_list(user)) == []
    assert AuditEvent.objects.filter(user=user, action="denied", what="pilots.pilot", object_id=pilot.pk).exists()


def test_a_pilot_that_does_not_exist_is_a_404_without_an_audit():
    with pytest.raises(Http404):
        selectors.get_pilot(UserFactory(), 987654)
    assert not AuditEvent.objects.filter(action="denied").exists()


def test_the_list_filters_by_step_and_unit_and_counts_the_records():
    user = UserFactory()
    here = PilotFactory(unit=user.unit, step=Step.ASSESS)
    PilotFactory(unit=user.unit, step=Step.EXPLORE)
    next_door = PilotFactory(unit=UnitFactory(organisation=user.organisation), step=Step.ASSESS)
    AfterActionReviewFactory.create_batch(2, unit=user.unit, pilot=here)
    AppreciativeInquiryFactory(unit=user.unit, pilot=here)
    assert set(selectors.pilot_list(user, step=Step.ASSESS)) == {here, next_door}
    (found,) = selectors.pilot_list(user, step=Step.ASSESS, unit_id=user.unit_id)
    assert (found, found.review_count, found.inquiry_count) == (here, 2, 1)


def test_the_records_of_a_pilot_are_its_organisations_oldest_first(django_assert_num_queries):
    pilot = PilotFactory()
    later = AfterActionReviewFactory(unit=pilot.unit, pilot=pilot, held_on=pilot.started_on)
    earlier = AfterActionReviewFactory(
        unit=pilot.unit, pilot=pilot, held_on=pilot.started_on.replace(year=pilot.started_on.year - 1)
    )
    AfterActionReviewFactory(pilot=pilot)  # another organisation's: never shown with this pilot
    inquiry = AppreciativeInquiryFactory(unit=pilot.unit, pilot=pilot)
    with django_assert_num_queries(2):
        records = selectors.pilot_records(pilot)
    assert (records.reviews, records.inquiries) == ([earlier, later], [inquiry])
