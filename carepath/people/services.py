"""Changes to a person's details. Each function is one transaction and writes the audit log."""

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from carepath.access import policy
from carepath.accounts.models import Role, User
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


@transaction.atomic
def open_portal_account(
    *, case: Case, by: User, for_person: bool, first_name: str, last_name: str, email: str, username: str
) -> tuple[User, str]:
    """A portal account for the case's person (`for_person`) or for a relative, and the one-time link
    with which its owner chooses a password. The link is shown once to the case worker to hand over."""
    if for_person and User.objects.filter(person=case.person).exists():
        raise ValueError("the person has a portal account already")
    account = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        role=Role.CITIZEN,
        person=case.person if for_person else None,
    )
    account.set_unusable_password()
    account.save()
    policy.record(by, AuditEvent.Action.CREATE, account, case=case)
    return account, password_link(account)


def password_link(account: User) -> str:
    """The path of Django's password-setting page for `account`; it works once and expires
    after PASSWORD_RESET_TIMEOUT."""
    uid = urlsafe_base64_encode(force_bytes(account.pk))
    return reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(account)])
