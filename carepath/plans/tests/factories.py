"""Test data for plans: supports of steps and savings deposits."""

import factory
from django.utils import timezone

from carepath.plans.models import SavingsDeposit, StepAttachment
from carepath.testing.factories import SavingsPlanFactory, StepFactory
from carepath.testing.files import PNG


class StepAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StepAttachment

    step = factory.SubFactory(StepFactory)
    kind = StepAttachment.Kind.IMAGE
    file = factory.django.FileField(filename="a1b2.png", data=PNG)
    description = "A bus ticket machine with the green button circled"
    added_by = factory.LazyAttribute(lambda a: a.step.created_by)


class SavingsDepositFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavingsDeposit

    savings_plan = factory.SubFactory(SavingsPlanFactory)
    amount = 20
    deposited_on = factory.LazyFunction(timezone.localdate)
    recorded_by = factory.LazyAttribute(lambda d: d.savings_plan.goal.created_by)
