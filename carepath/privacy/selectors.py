"""Subject access: who may export a person's data, and the audited export itself."""

from typing import Any

from django.http import Http404

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.people.models import Person
from carepath.privacy.export import export_person


def subject_access(user: User, person_id: int) -> tuple[Person, dict[str, Any]]:
    """Everything held about the person, for authority staff answering their request; audited as an export."""
    person = policy.get_person_for_subject_access(user, person_id)
    export = export_person(person)
    policy.record(user, AuditEvent.Action.EXPORT, person, person_id=person.pk)
    return person, export


def own_data(user: User) -> tuple[Person, dict[str, Any]]:
    """A citizen's download of their own file from the portal (not a representative's: a proxy
    lets a relative follow progress, not take a copy of everything). Audited as an export."""
    if not user.is_authenticated or not user.is_active or not user.is_citizen or user.person is None:
        raise Http404()
    person = user.person
    export = export_person(person, withhold_restricted_notes=True)
    policy.record(user, AuditEvent.Action.EXPORT, person, person_id=person.pk)
    return person, export
