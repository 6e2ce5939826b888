"""Consent -> Consent, and back for the import."""

import base64
from typing import Any

from fhir.resources.R4B.consent import Consent as FhirConsent

from carepath.consents.models import Consent
from carepath.core import uploads
from carepath.fhir.mapping import codes
from carepath.fhir.mapping.base import (
    NotImportable,
    as_date,
    choice,
    code_in,
    compact,
    concept,
    date,
    extension,
    extension_value,
    named,
    patient_ref,
    required,
)

# The FHIR consent scope: the intervention is treatment, sharing is about privacy.
HL7_SCOPE = {
    Consent.Scope.INTERVENTION: ("treatment", "Treatment"),
    Consent.Scope.SHARE_PROVIDERS: ("patient-privacy", "Privacy Consent"),
    Consent.Scope.SHARE_NETWORK: ("patient-privacy", "Privacy Consent"),
    Consent.Scope.PHOTOS: ("patient-privacy", "Privacy Consent"),  # the use of images of the person
}


def consent(consent: Consent, *, person_id: int, document: bytes | None = None) -> FhirConsent:
    """The consent; `document` (the scan itself) only in an export, a read names the scan's type alone."""
    hl7_code, hl7_display = HL7_SCOPE[consent.scope]  # type: ignore[index]
    scan = None
    if consent.document:
        name = consent.document.name or ""
        scan = compact(
            {
                "contentType": uploads.content_type(name),
                "title": f"consent{uploads.extension(name)}",
                "data": base64.b64encode(document).decode("ascii") if document else None,
            }
        )
    return FhirConsent.model_validate(
        compact(
            {
                "resourceType": "Consent",
                "id": str(consent.pk),
                "extension": [
                    extension(codes.CONSENT_RELATION, valueString=consent.relation),
                    extension(codes.CONSENT_METHOD_EXTENSION, valueCode=consent.method),
                    *_texts(consent),
                ],
                "status": "active" if consent.is_active else "inactive",
                "scope": concept(codes.CONSENT_SCOPE_HL7, hl7_code, hl7_display),
                "category": [
                    concept(codes.LOINC, "59284-0", "Patient Consent"),
                    concept(codes.CONSENT_SCOPE, consent.scope, consent.get_scope_display()),
                ],
                "patient": patient_ref(person_id),
                "dateTime": date(consent.given_on),
                "performer": [{"display": consent.given_by}],
                "sourceAttachment": scan,
                "policyRule": concept(codes.ACT_CODE, "OPTIN", "opt-in"),
                "provision": compact(
                    {
                        "type": "permit",
                        "period": compact({"start": date(consent.given_on), "end": date(consent.withdrawn_on)}),
                        "actor": [
                            {
                                "role": concept(codes.PARTICIPATION_TYPE, "IRCP", "information recipient"),
                                "reference": named("Organization", organisation.name),
                            }
                            for organisation in consent.providers.all()
                        ],
                    }
                ),
            }
        )
    )


def _texts(consent: Consent) -> list[dict[str, Any]]:
    texts = [(codes.CONSENT_SCOPE_DETAILS, consent.scope_details)]
    texts.append((codes.CONSENT_WITHDRAWAL_REASON, consent.withdrawal_reason))
    return [extension(url, valueString=text) for url, text in texts if text]


def consent_fields(resource: FhirConsent, *, where: str) -> dict[str, Any]:
    """What `record_consent` (and `withdraw_consent`) need, from a Consent.

    Providers come back by name (`provider_names`), the scan as bytes (`document`, with `document_name`).
    """
    performer = resource.performer[0] if resource.performer else None
    provision = resource.provision
    period = provision.period if provision is not None else None
    scan = resource.sourceAttachment
    fields: dict[str, Any] = {
        "given_by": required(performer.display if performer else None, f"{where}: performer.display"),
        "relation": required(
            extension_value(resource, codes.CONSENT_RELATION, "valueString"), f"{where}: consent-relation extension"
        ),
        "scope": choice(
            code_in(resource.category or [], codes.CONSENT_SCOPE), Consent.Scope.values, f"{where}: category"
        ),
        "method": choice(
            extension_value(resource, codes.CONSENT_METHOD_EXTENSION, "valueCode") or Consent.Method.IN_PERSON,
            Consent.Method.values,
            f"{where}: consent-method extension",
        ),
        "given_on": as_date(required(resource.dateTime, f"{where}: dateTime"), f"{where}: dateTime"),
        "scope_details": extension_value(resource, codes.CONSENT_SCOPE_DETAILS, "valueString") or "",
        "provider_names": [
            actor.reference.display for actor in (provision.actor or []) if provision and actor.reference.display
        ]
        if provision
        else [],
        "withdrawn_on": as_date(period.end, f"{where}: provision.period.end") if period and period.end else None,
        "withdrawal_reason": extension_value(resource, codes.CONSENT_WITHDRAWAL_REASON, "valueString") or "",
        "document": bytes(scan.data) if scan is not None and scan.data else None,
        "document_name": scan.title if scan is not None and scan.title else "",
    }
    if resource.status == "inactive" and fields["withdrawn_on"] is None:
        raise NotImportable(f"{where}: provision.period.end (the day of withdrawal of an inactive consent) is missing")
    return fields
