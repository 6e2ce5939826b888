"""Test data for learning records: a focus group of a case's unit with the case taking part."""

import datetime
from typing import Any

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from carepath.cases.models import Case
from carepath.learning.models import AfterActionReview, AppreciativeInquiry, FocusGroup, FocusGroupMaterial
from carepath.organisations.authority import add_links
from carepath.testing.factories import CaseFactory, UnitFactory, UserFactory
from carepath.testing.files import PNG


def focus_group_of(case: Case | None = None, **fields: Any) -> FocusGroup:
    """A focus group of the unit responsible for `case` (a new case unless given), the case taking part."""
    if case is None:
        case = CaseFactory.create()
    assert case is not None
    values = {
        "unit": case.unit,
        "held_on": timezone.localdate() - datetime.timedelta(days=3),
        "activity": "The visit to the bank",
        "impressions": "Everyone was proud to pay at the counter.",
        "recommendations": "Go again, in smaller groups.",
        "created_by": case.signal.received_by,
    } | fields
    group = FocusGroup.objects.create(**values)
    add_links(group.cases, case)
    return group


def material_of(group: FocusGroup, **fields: Any) -> FocusGroupMaterial:
    material = FocusGroupMaterial(
        focus_group=group, kind="image", description="The group at the bank counter", added_by=group.created_by
    )
    for name, value in fields.items():
        setattr(material, name, value)
    material.file.save("c3d4.png", ContentFile(PNG), save=False)
    material.save()
    return material


class AfterActionReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AfterActionReview

    unit = factory.SubFactory(UnitFactory)
    subject = "The pilot of evening support"
    held_on = factory.LazyFunction(timezone.localdate)
    planned = "Support three evenings a week."
    happened = "Two evenings; the third had no staff."
    why_different = "A colleague left."
    lessons = "Plan the rota a month ahead."
    created_by = factory.SubFactory(UserFactory, unit=factory.SelfAttribute("..unit"))


class AppreciativeInquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppreciativeInquiry

    unit = factory.SubFactory(UnitFactory)
    subject = "Mornings at the home"
    held_on = factory.LazyFunction(timezone.localdate)
    discover = "Breakfast together works."
    dream = "Everyone makes their own breakfast."
    design = "A kitchen rota."
    destiny = "Rasa starts it in May."
    created_by = factory.SubFactory(UserFactory, unit=factory.SelfAttribute("..unit"))
