"""Changes to a person's details. Each function is one transaction and writes the audit log."""

from django.db import transaction

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core.concurrency import save_versioned
from carepath.people.forms import DETAILS
from carepath.people.models import Person


@transaction.atomic
def correct_details(*, person: Person, case: Case, by: User, seen_version: int, **fields: object) -> Person:
    """Correct the person's details, found through `case`; raises StaleEdit if someone saved since `seen_version`."""
    unknown = set(fields) - set(DETAILS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(person, name, value)
    save_versioned(person, expected_version=seen_version, fields=list(fields))
    policy.record(by, AuditEvent.Action.UPDATE, person, case=case)
    return person
