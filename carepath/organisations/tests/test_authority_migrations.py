"""The migrations that add the authority fill it for the rows that were there before them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.audit.verify import verify_chain
from carepath.evaluations.models import QualityOfLifeRating
from carepath.goals.tests.factories import case_of
from carepath.imports.models import ImportedCase
from carepath.learning.tests.factories import focus_group_of
from carepath.meetings.tests.factories import held_meeting_of
from carepath.offline import devices
from carepath.offline.models import OfflineWrite, TakeAlong
from carepath.organisations.authority import add_links
from carepath.organisations.tests.chains import chains, wrong_authority
from carepath.testing.factories import (
    AgreementActionFactory,
    AssessmentFactory,
    ConsentFactory,
    EvaluationMomentFactory,
    GoalFactory,
    ProgressNoteFactory,
    ProviderFactory,
    ReferralFactory,
    SavingsPlanFactory,
    StepFactory,
    StepPictureFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

# The last migration of each app before the authority came.
BEFORE = [
    ("agreements", "0002_field_names_translatable"),
    ("assessments", "0002_field_names_translatable"),
    ("audit", "0008_chain_guard_by_id"),
    ("cases", "0003_case_newest_first_index"),
    ("consents", "0003_field_names_translatable"),
    ("evaluations", "0003_field_names_translatable"),
    ("goals", "0003_field_names_translatable"),
    ("imports", "0001_imported_case"),
    ("learning", "0002_field_names_translatable"),
    ("notes", "0002_field_names_translatable"),
    ("plans", "0002_field_names_translatable"),
    ("portal", "0002_field_names_translatable"),
    ("referrals", "0003_field_names_translatable"),
]


def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


def _case_data_of_two_authorities():
    """A row of every table of case data, for a case of each of two authorities."""
    for _ in range(2):
        goal = GoalFactory(is_group_goal=True)
        case, worker = goal.case, goal.case.signal.received_by
        add_links(goal.group_cases, case_of(worker))
        step = StepFactory(goal=goal)
        StepPictureFactory(step=step)
        SavingsPlanFactory(goal=goal).deposits.create(amount=10, deposited_on=timezone.localdate(), recorded_by=worker)
        AgreementActionFactory(version__case=case)
        AssessmentFactory(case=case)
        add_links(ConsentFactory(case=case).providers, ProviderFactory())
        add_links(ReferralFactory(case=case).goals, goal)
        moment = EvaluationMomentFactory(case=case)
        moment.attainments.create(goal=goal, level="fully")
        QualityOfLifeRating.objects.create(evaluation=moment, domain="leisure", score=4)
        ProgressNoteFactory(case=case, goal=goal, step=step)
        case.wishes.create(text="To swim.", written_by=worker)
        case.signal.deadlines.create(label="Social information", due_on=timezone.localdate())
        ImportedCase.objects.create(organisation=case.unit.organisation, reference=f"R{case.pk}", case=case,
                                    imported_by=worker)
        group = focus_group_of(case)
        add_links(group.goals, goal)
        add_links(group.steps, step)
        held_meeting_of(case, by=worker, goal=goal)  # made with its authority: its rows must still be right after
        device, _token = devices.register(user=worker, name="Work phone")
        TakeAlong.objects.create(device=device, case=case)
        OfflineWrite.objects.create(device=device, user=worker, case=case, kind="note", state="applied",
                                    payload={"text": "At home."}, device_at=timezone.now())
        policy.record(worker, AuditEvent.Action.VIEW, case, case=case)
        policy.record(worker, AuditEvent.Action.VIEW, case.person, person_id=case.person_id)


def test_existing_rows_get_their_chains_authority_and_the_audit_log_stays_whole():
    _case_data_of_two_authorities()
    assert [m._meta.label_lower for m in chains() if not m._default_manager.exists()] == []
    of_a_case = AuditEvent.objects.filter(case__isnull=False).count()  # the views, and what the meetings wrote
    _migrate(BEFORE)  # drops the column: the rows are as they were before
    with connection.cursor() as cursor:
        columns = [c.name for c in connection.introspection.get_table_description(cursor, "goals_goal")]
    assert "authority_id" not in columns
    _migrate()
    assert {m._meta.label_lower: wrong_authority(m, path) for m, path in chains().items()} == dict.fromkeys(
        (m._meta.label_lower for m in chains()), 0)
    assert of_a_case > 2 and AuditEvent.objects.filter(authority__isnull=False).count() == of_a_case
    assert verify_chain().broken is None
