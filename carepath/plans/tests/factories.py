"""Test data for plans: supports of steps, deposits, and small files that are what they claim."""

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from carepath.plans.models import SavingsDeposit, StepAttachment
from carepath.testing.factories import SavingsPlanFactory, StepFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
GIF = b"GIF89a" + b"\x00" * 32
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 32
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 32


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


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
