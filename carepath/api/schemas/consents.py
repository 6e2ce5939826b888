"""Consent to the intervention and to sharing, and its withdrawal."""

import datetime
from typing import Annotated, Any, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import StringConstraints, field_validator, model_validator

from carepath.api.schemas.common import Line100, Line200, OptionalText, RecordId, UserRef

ConsentScope = Literal["intervention", "share_providers", "share_network", "photos"]
ConsentMethod = Literal["paper", "in_person"]
MAX_SCAN_BASE64 = 28_000_000  # a 20 MB file (the limit of every upload) in base64


class OrganisationRef(Schema):
    id: int
    name: str


class Consent(Schema):
    id: int
    given_by: str
    relation: str
    scope: ConsentScope
    scope_details: str
    providers: list[OrganisationRef] = Field(description="Providers a sharing consent covers; none: every provider")
    method: ConsentMethod
    has_scan: bool
    given_on: datetime.date
    recorded_by: UserRef
    is_active: bool
    withdrawn_on: datetime.date | None
    withdrawal_reason: str

    @staticmethod
    def resolve_has_scan(obj: Any) -> bool:
        return bool(obj.document)


class ScanIn(Schema):
    """The scan of a consent signed on paper: a PDF, JPEG or PNG file of 20 MB or less."""

    file_name: Annotated[str, StringConstraints(max_length=100, pattern=r"(?i)^[^\x00/\\]*\.(pdf|jpe?g|png)$")]
    content_base64: Annotated[str, StringConstraints(min_length=1, max_length=MAX_SCAN_BASE64)]


class ConsentIn(Schema):
    given_by: Line200 = Field(description="Who consented")
    relation: Line100 = Field(description="Their relation to the citizen, e.g. the citizen, mother, guardian")
    scope: ConsentScope
    scope_details: OptionalText = ""
    provider_ids: list[RecordId] = Field(
        default_factory=list, max_length=100, description="For sharing with providers: none covers every provider"
    )
    method: ConsentMethod
    scan: ScanIn | None = Field(None, description="Needed for a consent signed on paper, and only then")
    given_on: datetime.date

    @field_validator("given_on")
    @classmethod
    def not_in_the_future(cls, value: datetime.date) -> datetime.date:
        if value > timezone.localdate():
            raise ValueError("the date of the consent cannot be in the future")
        return value

    @model_validator(mode="after")
    def scan_only_on_paper(self) -> "ConsentIn":
        if self.method == "paper" and self.scan is None:
            raise ValueError("a consent signed on paper is recorded with its scan")
        if self.method == "in_person" and self.scan is not None:
            raise ValueError("a scan is only kept for a consent signed on paper")
        return self
