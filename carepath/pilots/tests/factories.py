"""Test data for pilots: a pilot of a unit, written by a member of the unit."""

import factory
from django.utils import timezone

from carepath.pilots.models import Pilot, Step
from carepath.testing.factories import UnitFactory, UserFactory


class PilotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pilot

    unit = factory.SubFactory(UnitFactory)
    title = factory.Sequence(lambda n: f"Residents plan the garden {n}")
    step = Step.IDENTIFY
    started_on = factory.LazyFunction(timezone.localdate)
    stakeholders = "Residents of the home, two staff members, the allotment society."
    objectives = "Residents choose what to grow.\nResidents run the garden's budget."
    success_factors = "Half of the residents take part by the summer."
    scenarios = "A resident in a wheelchair reaches the raised beds."
    decisions = "The garden budget is handed to the residents' council."
    keep_momentum = "A harvest day for the neighbourhood."
    created_by = factory.SubFactory(UserFactory, unit=factory.SelfAttribute("..unit"))
