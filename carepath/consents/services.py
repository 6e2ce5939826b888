"""Changes to consents. Each function is one transaction and writes the audit log."""

import datetime
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from carepath.access import policy
from carepath.accounts.models import User
from carepath.audit.models import AuditEvent
from carepath.cases.models import Case
from carepath.consents.models import Consent
from carepath.core import uploads
from carepath.core.concurrency import StaleEdit
from carepath.organisations.authority import set_links
from carepath.organisations.models import Organisation


class AlreadyWithdrawn(StaleEdit):
    """Someone withdrew the consent while this form was open."""

    message = _("This consent was withdrawn meanwhile by someone else. Your text is kept below.")


class ScanRequired(ValueError):
    """A consent signed on paper is recorded only with its scan."""


@transaction.atomic
def record_consent(
    *,
    case: Case,
    by: User,
    given_by: str,
    relation: str,
    scope: str,
    method: str,
    given_on: datetime.date,
    scope_details: str = "",
    document: UploadedFile | None = None,
    providers: Iterable[Organisation] = (),
) -> Consent:
    """Record the consent to the intervention; a paper consent is kept with its scan under a random name."""
    if method == Consent.Method.PAPER and not document:
        raise ScanRequired("a consent signed on paper needs its scan")
    if method != Consent.Method.PAPER:
        document = None
    consent = Consent(
        case=case,
        given_by=given_by,
        relation=relation,
        scope=scope,
        scope_details=scope_details,
        method=method,
        given_on=given_on,
        recorded_by=by,
    )
    if document:
        uploads.check("scan", document)
        consent.document.save(uploads.anonymous_name(document.name or ""), document, save=False)
    consent.save()
    set_links(consent.providers, providers)
    policy.record(by, AuditEvent.Action.CREATE, consent, case=case)
    return consent


@transaction.atomic
def withdraw_consent(*, consent: Consent, by: User, withdrawn_on: datetime.date, reason: str) -> Consent:
    """Withdraw a consent; raises AlreadyWithdrawn if someone did it first."""
    consent = Consent.objects.select_for_update().select_related("case").get(pk=consent.pk)
    if not consent.is_active:
        raise AlreadyWithdrawn()
    consent.withdrawn_on = withdrawn_on
    consent.withdrawal_reason = reason
    consent.save(update_fields=["withdrawn_on", "withdrawal_reason"])
    policy.record(by, AuditEvent.Action.UPDATE, consent, case=consent.case)
    return consent
