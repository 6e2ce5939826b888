"""Changes to agreements. A version is never edited: renegotiating adds the next version."""

import datetime
from collections.abc import Sequence
from typing import TypedDict

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.agreements.models import AgreementAction, AgreementVersion
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.core.concurrency import StaleEdit


class ActionFields(TypedDict):
    who: str
    what: str
    by_when: datetime.date


class VersionTaken(StaleEdit):
    """Someone saved a new version of the agreement after this form was opened."""

    message = _(
        "Someone saved a new version of the agreement meanwhile. Your text is kept below; "
        "check the versions and save again if yours is still right."
    )


class NoActions(ValueError):
    """An agreement says who does what by when: at least one action."""


def latest_number(case: Case) -> int:
    """The number of the version in force, 0 when there is none."""
    return case.agreement_versions.aggregate(latest=Max("number"))["latest"] or 0


@transaction.atomic
def accept_version(
    *,
    case: Case,
    by: User,
    accepted_by_family: str,
    accepted_on: datetime.date,
    actions: Sequence[ActionFields],
    seen_version: int,
    summary: str = "",
) -> AgreementVersion:
    """Record the next version (previous + 1), accepted by the family and `by`.

    `seen_version` is the number of the version the user started from (0 for none). Raises VersionTaken when another
    version was saved since, including a second click racing the first past the unique (case, number).
    """
    if not actions:
        raise NoActions("an agreement has at least one action")
    latest = latest_number(case)
    if latest != seen_version:
        raise VersionTaken(current_version=latest)
    try:
        with transaction.atomic():
            version = AgreementVersion.objects.create(
                case=case,
                number=latest + 1,
                summary=summary,
                accepted_by_family=accepted_by_family,
                accepted_by_staff=by,
                accepted_on=accepted_on,
            )
    except IntegrityError as clash:
        raise VersionTaken(current_version=latest_number(case)) from clash
    AgreementAction.objects.bulk_create(
        AgreementAction(version=version, authority_id=version.authority_id, who=a["who"], what=a["what"],
                        by_when=a["by_when"])
        for a in actions
    )
    policy.record(by, AuditEvent.Action.CREATE, version, case=case)
    return version
