"""Goals: the citizen's own words beside the SMART formulation."""

import datetime
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import field_validator

from carepath.api.schemas.common import LifeDomain, Line200, Line300, RecordId, Text, UserRef

GoalStatus = Literal["active", "achieved", "stopped"]
ProposedBy = Literal["citizen", "residents_council", "activist", "staff"]


class Goal(Schema):
    id: int
    case_id: int = Field(description="The case the goal was set on; a group goal is shared with group_case_ids too")
    version: int
    citizen_words: str = Field(description="The wish or dream, in the citizen's own words")
    title: str = Field(description="The specific goal")
    indicator: str
    target: str
    due_on: datetime.date
    life_domain: LifeDomain
    proposed_by: ProposedBy
    is_group_goal: bool
    group_case_ids: list[int]
    status: GoalStatus
    created_by: UserRef
    created_at: datetime.datetime

    @staticmethod
    def resolve_group_case_ids(obj: object) -> list[int]:
        return sorted(case.pk for case in obj.group_cases.all())  # type: ignore[attr-defined]


class GoalIn(Schema):
    citizen_words: Text = Field(description="Their wish or dream, as they say it")
    title: Line300 = Field(description="What exactly will be different")
    indicator: Line300 = Field(description="What shows that the goal is reached")
    target: Line200
    due_on: datetime.date = Field(description="To be reached by; today or later")
    life_domain: LifeDomain
    proposed_by: ProposedBy
    is_group_goal: bool = False
    group_case_ids: list[RecordId] = Field(
        default_factory=list, max_length=100, description="For a group goal: the other open cases you see that share it"
    )

    @field_validator("due_on")
    @classmethod
    def not_in_the_past(cls, value: datetime.date) -> datetime.date:
        if value < timezone.localdate():
            raise ValueError("the date by which the goal is reached cannot be in the past")
        return value


class GoalStatusIn(Schema):
    status: GoalStatus
    # The version is a 32-bit integer in the database, and a save writes version + 1.
    version: int = Field(ge=1, le=2**31 - 2, description="The version you read; if the goal changed since, 409")
