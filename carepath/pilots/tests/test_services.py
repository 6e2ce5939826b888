"""Recording pilots, versioned changes, and what a practice made from a pilot starts with."""

import pytest

from carepath.audit.models import AuditEvent
from carepath.core.concurrency import StaleEdit
from carepath.learning.tests.factories import AfterActionReviewFactory, AppreciativeInquiryFactory
from carepath.pilots import services
from carepath.pilots.models import Pilot, Step
from carepath.pilots.tests.factories import PilotFactory
from carepath.practices.models import Practice
from carepath.practices.tests.factories import PracticeFactory
from carepath.testing.factories import AuthorityFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_pilot_is_recorded_with_its_author_and_audited():
    user = UserFactory()
    pilot = services.record_pilot(
        by=user, unit=user.unit, title="  Residents plan the garden ", step=Step.EXPLORE, objectives="Grow food"
    )
    pilot.refresh_from_db()
    assert (pilot.title, pilot.created_by, pilot.version, pilot.step_number) == (
        "Residents plan the garden",
        user,
        1,
        1,
    )
    assert AuditEvent.objects.filter(user=user, action="create", what="pilots.pilot", object_id=pilot.pk).exists()


def test_a_change_raises_the_version_and_is_audited():
    pilot = PilotFactory()
    user = pilot.created_by
    services.record_pilot(by=user, pilot=pilot, seen_version=1, title="Residents run the garden", step=Step.ASSESS)
    pilot.refresh_from_db()
    assert (pilot.title, pilot.step, pilot.version) == ("Residents run the garden", Step.ASSESS, 2)
    assert AuditEvent.objects.filter(user=user, action="update", what="pilots.pilot", object_id=pilot.pk).exists()


def test_a_stale_change_raises_and_writes_nothing():
    pilot = PilotFactory(title="Before")
    Pilot.objects.filter(pk=pilot.pk).update(version=3)
    with pytest.raises(StaleEdit) as raised:
        services.record_pilot(by=pilot.created_by, pilot=pilot, seen_version=1, title="Overwritten")
    assert raised.value.current_version == 3
    assert Pilot.objects.get(pk=pilot.pk).title == "Before"


def test_unknown_fields_are_refused():
    pilot = PilotFactory()
    with pytest.raises(TypeError):
        services.record_pilot(by=pilot.created_by, pilot=pilot, practice=None)


def test_moving_to_a_step_is_a_versioned_change():
    pilot = PilotFactory(step=Step.IDENTIFY)
    services.move_to_step(pilot=pilot, step=Step.ASSESS, by=pilot.created_by, seen_version=1)
    assert Pilot.objects.get(pk=pilot.pk).step == Step.ASSESS
    with pytest.raises(StaleEdit):
        services.move_to_step(pilot=pilot, step=Step.KEEP_MOMENTUM, by=pilot.created_by, seen_version=1)


def test_linking_a_practice_keeps_the_version_of_the_texts():
    pilot = PilotFactory()
    practice = PracticeFactory(owner=pilot.unit.organisation)
    services.link_practice(pilot=pilot, practice=practice, by=pilot.created_by)
    stored = Pilot.objects.get(pk=pilot.pk)
    assert (stored.practice, stored.version, pilot.practice) == (practice, 1, practice)
    assert list(practice.pilots.all()) == [stored]
    assert AuditEvent.objects.filter(action="update", what="pilots.pilot", object_id=pilot.pk).exists()


def test_deleting_the_practice_keeps_the_pilot():
    pilot = PilotFactory()
    practice = PracticeFactory(owner=pilot.unit.organisation)
    services.link_practice(pilot=pilot, practice=practice, by=pilot.created_by)
    practice.delete()
    assert Pilot.objects.get(pk=pilot.pk).practice is None


def test_a_practice_made_from_a_pilot_starts_with_its_texts_and_what_its_records_learnt():
    unit = UnitFactory(organisation=AuthorityFactory(name="Rivertown Municipality", country="LT"))
    pilot = PilotFactory(
        unit=unit,
        title="Residents plan the garden",
        objectives="- Residents choose what to grow\n\n• Residents run the budget\nResidents sell at the market\nMore",
        scenarios="A resident in a wheelchair reaches the beds.",
        decisions="The council holds the budget.",
    )
    AfterActionReviewFactory(unit=unit, pilot=pilot, lessons="Buy tools together.", held_on=pilot.started_on)
    AfterActionReviewFactory(unit=unit, pilot=pilot, lessons="  ", held_on=pilot.started_on)
    AfterActionReviewFactory(unit=unit, lessons="Not about this pilot.")
    AppreciativeInquiryFactory(unit=unit, pilot=pilot, discover="Everyone came to the harvest.")
    initial = services.practice_initial(pilot)
    assert initial == {
        "title": "Residents plan the garden",
        "organisations": "Rivertown Municipality",
        "country": "LT",
        "status": "pilot",
        "objective_1": "Residents choose what to grow",
        "objective_2": "Residents run the budget",
        "objective_3": "Residents sell at the market",
        "context": "A resident in a wheelchair reaches the beds.",
        "evaluation": "Buy tools together.",
        "outcomes": "Everyone came to the harvest.",
        "comments_and_tips": "The council holds the budget.",
    }
    practice_fields = {field.name for field in Practice._meta.get_fields()}
    assert set(initial) <= practice_fields


def test_a_country_outside_the_practice_forms_list_is_left_to_choose():
    pilot = PilotFactory(unit=UnitFactory(organisation=AuthorityFactory(country="")), scenarios="", objectives="One")
    initial = services.practice_initial(pilot)
    assert "country" not in initial
    assert (initial["context"], initial["objective_1"], initial["evaluation"]) == ("One", "One", "")
    assert "objective_2" not in initial
