"""Assessments of functional ability: a level per dimension (0 no difficulty .. 4 complete), never a diagnosis."""

import datetime
from typing import Annotated

from django.utils import timezone
from ninja import Field, Schema
from pydantic import field_validator

from carepath.api.schemas.common import OptionalText, UserRef

Level = Annotated[int, Field(ge=0, le=4, description="0 no, 1 light, 2 moderate, 3 severe, 4 complete difficulty")]


class AssessmentIn(Schema):
    assessed_on: datetime.date
    physical_level: Level
    physical_description: OptionalText = ""
    communication_level: Level
    communication_description: OptionalText = ""
    social_level: Level
    social_description: OptionalText = ""
    strengths: OptionalText = Field("", description="Strengths of the person")
    resources: OptionalText = Field("", description="Resources of the family and network")

    @field_validator("assessed_on")
    @classmethod
    def not_in_the_future(cls, value: datetime.date) -> datetime.date:
        if value > timezone.localdate():
            raise ValueError("the date of the assessment cannot be in the future")
        return value


class Assessment(Schema):
    id: int
    assessed_on: datetime.date
    assessed_by: UserRef
    physical_level: Level
    physical_description: str
    communication_level: Level
    communication_description: str
    social_level: Level
    social_description: str
    strengths: str
    resources: str
