"""The plan: steps under a goal (what, who, when, status) and the supports attached to them."""

import datetime
from typing import Any, Literal

from ninja import Field, Schema

from carepath.api.schemas.common import Line200, Line300, UserRef

StepStatus = Literal["planned", "in_progress", "done", "dropped"]
SupportKind = Literal["image", "video", "easy_read"]


class Support(Schema):
    """A picture, a video or an easy-read text that helps the person do the step; files are opened in the UI."""

    id: int
    kind: SupportKind
    description: str
    text: str
    has_file: bool

    @staticmethod
    def resolve_has_file(obj: Any) -> bool:
        return bool(obj.file)


class Step(Schema):
    id: int
    goal_id: int
    version: int = Field(description="Send it back with a change: a stale version answers 409")
    what: str
    who: str
    due_on: datetime.date
    status: StepStatus
    created_by: UserRef
    supports: list[Support]

    @staticmethod
    def resolve_supports(obj: Any) -> list[Any]:
        return list(obj.attachments.all())


class StepIn(Schema):
    what: Line300 = Field(description="One small thing to do, in plain words")
    who: Line200 = Field(description="Who does it")
    due_on: datetime.date


class StepStatusIn(Schema):
    status: StepStatus
    # The version is a 32-bit integer in the database, and a save writes version + 1.
    version: int = Field(ge=1, le=2**31 - 2, description="The version you read; if the step changed since, 409")
