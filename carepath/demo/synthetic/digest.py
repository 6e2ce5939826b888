"""A digest of the data (names, dates, statuses, texts): equal digests mean equal data.

Compare digests of fresh databases: primary and foreign keys are part of what is hashed.
"""

import datetime
import hashlib
from typing import Any

from django.db import models

from carepath.agreements.models import AgreementAction, AgreementVersion
from carepath.assessments.models import Assessment
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case, CaseTeamMember, Deadline, Signal
from carepath.consents.models import Consent
from carepath.evaluations.models import EvaluationMoment, GoalAttainment
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.people.models import Household, Person
from carepath.plans.models import SavingsDeposit, Step
from carepath.referrals.models import Referral

FIELDS: tuple[tuple[type[models.Model], tuple[str, ...]], ...] = (
    (Household, ("pk", "name", "address")),
    (Person, ("pk", "given_name", "family_name", "birth_date", "address", "phone", "household_id")),
    (Signal, ("pk", "person_id", "received_at", "received_by__username", "status", "problems",
              "closed_reason", "triaged_at")),
    (Deadline, ("signal_id", "label", "due_on", "done_on")),
    (Case, ("pk", "signal_id", "status", "opened_at", "closed_at", "outcome", "closure_reason")),
    (CaseTeamMember, ("case_id", "user__username", "role_in_team", "is_case_manager", "added_at")),
    (Consent, ("case_id", "given_by", "scope", "given_on", "withdrawn_on")),
    (Assessment, ("case_id", "assessed_on", "physical_level", "communication_level", "social_level")),
    (Goal, ("pk", "case_id", "citizen_words", "title", "due_on", "status", "created_at")),
    (AgreementVersion, ("case_id", "number", "accepted_on")),
    (AgreementAction, ("version_id", "who", "what", "by_when")),
    (Referral, ("case_id", "service__name", "status", "referred_at", "answered_at", "answered_by__username")),
    (Step, ("goal_id", "what", "due_on", "status")),
    (SavingsDeposit, ("savings_plan__goal_id", "amount", "deposited_on")),
    (ProgressNote, ("case_id", "text", "written_at", "is_restricted")),
    (EvaluationMoment, ("case_id", "planned_on", "held_on", "citizen_words")),
    (GoalAttainment, ("evaluation_id", "goal_id", "level")),
    (AuditEvent, ("pk", "at", "user_id", "action", "what", "object_id", "case_id", "person_id", "hash")),
)


def _plain(value: Any) -> str:
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    return str(value)


def data_digest() -> str:
    """SHA-256 of the rows of every table above, in primary-key order."""
    digest = hashlib.sha256()
    for model, fields in FIELDS:
        digest.update(model._meta.label.encode())
        for row in model._default_manager.order_by("pk").values_list(*fields).iterator(chunk_size=5000):
            digest.update("\x1f".join(_plain(v) for v in row).encode())
            digest.update(b"\x1e")
    return digest.hexdigest()
