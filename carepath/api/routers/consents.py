"""Consents of a case: read them (the whole file) and record one (an authority decision)."""

import base64
import binascii

from django.core.exceptions import ValidationError as UploadRefused
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from carepath.access import policy
from carepath.api.pagination import Page
from carepath.api.routers import invalid, problems, user_of
from carepath.api.schemas.consents import Consent, ConsentIn, ScanIn
from carepath.consents import models, services
from carepath.core import uploads
from carepath.organisations.models import Organisation

router = Router(tags=["consents"])


@router.get(
    "/cases/{case_id}/consents", response=list[Consent], openapi_extra=problems(403, 404), operation_id="list_consents"
)
@paginate(Page)
def list_consents(request: HttpRequest, case_id: int) -> QuerySet[models.Consent]:
    """The consents of the case, newest first, withdrawn ones too."""
    case = policy.get_case(user_of(request), case_id, policy.Do.VIEW)
    return case.consents.select_related("recorded_by").prefetch_related("providers").order_by("-given_on", "-pk")


@router.post(
    "/cases/{case_id}/consents",
    response={201: Consent},
    openapi_extra=problems(403, 404),
    operation_id="record_consent",
)
def record_consent(request: HttpRequest, case_id: int, payload: ConsentIn) -> Status[models.Consent]:
    """Record a consent (the responsible authority's staff, on an open case); a paper consent with its scan."""
    user = user_of(request)
    case = policy.get_case(user, case_id, policy.Do.MANAGE)
    providers = list(Organisation.objects.filter(kind=Organisation.Kind.PROVIDER, pk__in=payload.provider_ids))
    if len(providers) != len(set(payload.provider_ids)):
        invalid("provider_ids", "every id must be a provider organisation")
    data = payload.model_dump(exclude={"provider_ids", "scan"})
    document = _upload(payload.scan) if payload.scan is not None else None
    consent = services.record_consent(case=case, by=user, providers=providers, document=document, **data)
    return Status(201, consent)


def _upload(scan: ScanIn) -> SimpleUploadedFile:
    """The scan as the UI's form would receive it, checked the same way (type by its first bytes, size)."""
    try:
        content = base64.b64decode(scan.content_base64, validate=True)
    except (binascii.Error, ValueError):
        invalid("scan", "content_base64 is not base64")
    upload = SimpleUploadedFile(scan.file_name, content)
    try:
        uploads.check("scan", upload)
    except UploadRefused:
        invalid("scan", "the file must be a real PDF, JPEG or PNG file of 20 MB or less")
    return upload
