"""Reads of consents, always through the access policy."""

from django.core.files import File
from django.http import Http404

from carepath.access import policy
from carepath.accounts.models import User
from carepath.consents.models import Consent
from carepath.core import uploads


def scan_of(user: User, consent_id: int) -> tuple[Consent, File, str]:
    """The opened scan of a consent on a case `user` sees (else 404) and its extension; the look is audited."""
    consent, case = policy.get_in_case(user, Consent, consent_id, policy.Do.VIEW)
    kind = uploads.extension(consent.document.name or "") if consent.document else ""
    if kind not in uploads.FORMATS["scan"]:
        raise Http404()
    try:
        scan = consent.document.open("rb")
    except FileNotFoundError as missing:
        raise Http404() from missing
    return consent, scan, kind
