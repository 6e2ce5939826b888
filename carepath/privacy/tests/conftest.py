import uuid
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.demo.world import FOOD_BANK
from carepath.evaluations.models import GoalAttainment, QualityOfLifeRating
from carepath.imports.models import ImportedCase
from carepath.learning.models import FocusGroup, FocusGroupMaterial
from carepath.meetings.tests.factories import held_meeting_of
from carepath.notes.models import ProgressNote
from carepath.offline import devices
from carepath.offline.models import OfflineWrite
from carepath.organisations.authority import add_links
from carepath.organisations.models import Organisation
from carepath.people.models import Household, Person
from carepath.support.models import SupportMatch, SupportRecord, SupportReview
from carepath.testing.factories import AgreementActionFactory, AgreementVersionFactory, ConsentFactory


@pytest.fixture
def tomas(db) -> Person:
    """Tomas Vaitkus of the demo, with the kinds of record the demo does not give him added."""
    call_command("demo", stdout=StringIO())
    person = Person.objects.get(given_name="Tomas", family_name="Vaitkus")
    case = Case.objects.get(person=person)
    person.household = Household.objects.create(name="The Vaitkus family", address="4 Willow Street")
    person.save(update_fields=["household"])
    version = AgreementVersionFactory.create(case=case)
    AgreementActionFactory.create(version=version)
    GoalAttainment.objects.create(
        evaluation=case.evaluations.earliest("pk"), goal=case.goals.earliest("pk"), level="partially", comment="Half."
    )
    scanned = ConsentFactory.create(case=case)
    scanned.document.save("scan.pdf", ContentFile(b"%PDF-1.4 consent"))
    ProgressNote.objects.create(
        case=case, text="Said in confidence.", written_by=case.signal.received_by, written_at=case.opened_at,
        is_restricted=True, restriction_reason="Would put the home's staff at risk.",
    )
    QualityOfLifeRating.objects.create(evaluation=case.evaluations.earliest("pk"), domain="leisure", score=3)
    group = FocusGroup.objects.create(
        unit=case.unit, held_on=case.opened_at.date(), activity="The visit to the bank", impressions="Proud.",
        created_by=case.signal.received_by,
    )
    add_links(group.cases, case)
    FocusGroupMaterial.objects.create(
        focus_group=group, kind="image", file=ContentFile(b"\x89PNG\r\n\x1a\n", name="bank.png"),
        description="Tomas at the bank counter", added_by=case.signal.received_by,
    )
    ImportedCase.objects.create(
        organisation=case.unit.organisation, reference="OLD-1234", case=case, imported_by=case.signal.received_by
    )
    policy.record(case.signal.received_by, AuditEvent.Action.VIEW, case, case=case)
    _support_review_of(person)
    held_meeting_of(case, by=case.signal.received_by, goal=case.goals.earliest("pk"))
    device, _token = devices.register(user=case.signal.received_by, name="Work phone")
    OfflineWrite.objects.create(
        device=device, user=case.signal.received_by, case=case, kind="note", state="held",
        payload={"text": "Written at home."}, device_at=case.opened_at,
    )
    return person


def _support_review_of(person: Person) -> None:
    """The demo records energy-bill support for Tomas at the municipality; here a match of it is reviewed."""
    own = SupportRecord.objects.get(person=person)
    match = SupportMatch.objects.create(
        left_key=own.link_key, right_key=uuid.uuid4(), left_institution=own.institution,
        right_institution=Organisation.objects.get(name=FOOD_BANK), kind=own.kind, period=own.period, score=0.9,
        found_at=own.recorded_at,
    )
    SupportReview.objects.create(
        match=match, institution=own.institution, record=own, outcome=SupportReview.Outcome.COMPLEMENTS,
        conversation="The food bank helps with food, we with the bill.", reviewed_by=own.recorded_by,
        reviewed_at=own.recorded_at,
    )
