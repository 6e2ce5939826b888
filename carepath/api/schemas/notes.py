"""Progress notes: dated entries tied to goals and steps, shared with the person unless restricted."""

import datetime

from ninja import Field, Schema
from pydantic import model_validator

from carepath.api.schemas.common import OptionalText, RecordId, Text, UserRef


class ProgressNote(Schema):
    id: int
    goal_id: int | None
    step_id: int | None
    text: str
    written_by: UserRef
    written_at: datetime.datetime
    is_restricted: bool = Field(description="Not shown to the person in the portal")
    restriction_reason: str


class ProgressNoteIn(Schema):
    text: Text
    goal_id: RecordId | None = Field(None, description="A goal of the case (its own or a shared group goal)")
    step_id: RecordId | None = Field(None, description="A step of that goal; it also says the goal")
    is_restricted: bool = Field(False, description="Only when the person must not read it")
    restriction_reason: OptionalText = Field("", description="Needed when the note is restricted")

    @model_validator(mode="after")
    def restricted_with_a_reason(self) -> "ProgressNoteIn":
        if self.is_restricted and not self.restriction_reason:
            raise ValueError("a restricted note needs a reason")
        if not self.is_restricted:
            self.restriction_reason = ""
        return self
