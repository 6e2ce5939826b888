"""Changes made in the portal. Each function is one transaction and writes the audit log."""

import datetime

from django.db import transaction
from django.utils import timezone

from carepath.access import policy
from carepath.accounts.models import Role, User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.goals.models import Goal
from carepath.notes.models import ProgressNote
from carepath.people.models import Person
from carepath.portal.models import Proxy, Wish


def find_portal_account(email: str, *, not_of: Person) -> User | None:
    """The portal account a citizen means by an e-mail address (never their own)."""
    return (
        User.objects.filter(role=Role.CITIZEN, is_active=True, email__iexact=email.strip())
        .exclude(person=not_of)
        .order_by("pk")
        .first()
    )


@transaction.atomic
def grant_proxy(
    *,
    person: Person,
    by: User,
    representative: User,
    relation: str,
    scope: str,
    valid_from: datetime.date,
    valid_until: datetime.date | None,
) -> Proxy:
    proxy = Proxy.objects.create(
        person=person,
        representative=representative,
        relation=relation,
        scope=scope,
        valid_from=valid_from,
        valid_until=valid_until,
        granted_by=by,
    )
    policy.record(by, AuditEvent.Action.CREATE, proxy, person_id=person.pk)
    return proxy


@transaction.atomic
def limit_proxy(*, proxy: Proxy, by: User, scope: str, valid_until: datetime.date | None) -> Proxy:
    """Change what the representative sees, or until when; works from their next page."""
    proxy = Proxy.objects.select_for_update().get(pk=proxy.pk)
    proxy.scope = scope
    proxy.valid_until = valid_until
    proxy.save(update_fields=["scope", "valid_until"])
    policy.record(by, AuditEvent.Action.UPDATE, proxy, person_id=proxy.person_id)
    return proxy


@transaction.atomic
def revoke_proxy(*, proxy: Proxy, by: User) -> Proxy:
    """Stop a proxy at once; stopping one already stopped changes nothing."""
    proxy = Proxy.objects.select_for_update().get(pk=proxy.pk)
    if proxy.revoked_at is None:
        proxy.revoked_at = timezone.now()
        proxy.save(update_fields=["revoked_at"])
        policy.record(by, AuditEvent.Action.UPDATE, proxy, person_id=proxy.person_id)
    return proxy


@transaction.atomic
def write_note(*, case: Case, by: User, text: str, goal: Goal | None = None) -> ProgressNote:
    """A note by the citizen (or their representative): shared, like every note, unless staff restrict it."""
    note = ProgressNote.objects.create(case=case, goal=goal, text=text, written_by=by, written_at=timezone.now())
    policy.record(by, AuditEvent.Action.CREATE, note, case=case)
    return note


@transaction.atomic
def write_wish(*, case: Case, by: User, text: str) -> Wish:
    wish = Wish.objects.create(case=case, text=text, written_by=by)
    policy.record(by, AuditEvent.Action.CREATE, wish, case=case)
    return wish
