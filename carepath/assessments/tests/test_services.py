import pytest
from django.utils import timezone

from carepath.assessments import services
from carepath.audit.models import AuditEvent
from carepath.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_assess_records_levels_and_writes_the_audit_log():
    case = CaseFactory()
    assessment = services.assess(
        case=case,
        by=case.signal.received_by,
        assessed_on=timezone.localdate(),
        physical_level=1,
        communication_level=3,
        social_level=2,
        strengths="Loves music.",
    )
    assert assessment.highest_level == 3
    assert assessment.assessed_by == case.signal.received_by
    event = AuditEvent.objects.get(action=AuditEvent.Action.CREATE, what="assessments.assessment")
    assert (event.object_id, event.case_id) == (assessment.pk, case.pk)
