"""Evaluation moments: goal attainment, quality of life per domain, satisfaction and the citizen's view."""

import datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema

from carepath.api.schemas.common import LifeDomain
from carepath.evaluations.selectors import ratings

AttainmentLevel = Literal["fully", "partially", "not"]
Faces = Annotated[int, Field(ge=1, le=5, description="1 very unhappy .. 5 very happy (a faces scale)")]


class Attainment(Schema):
    goal_id: int
    goal_title: str
    level: AttainmentLevel
    gas_score: Annotated[int, Field(ge=-2, le=2)] | None = Field(description="Goal Attainment Scale, -2 to +2")
    comment: str

    @staticmethod
    def resolve_goal_title(obj: Any) -> str:
        return str(obj.goal.title)


class QualityOfLife(Schema):
    domain: LifeDomain
    score: Annotated[int, Field(ge=1, le=5, description="1 very bad .. 5 very good")]


class Evaluation(Schema):
    id: int
    planned_on: datetime.date
    held_on: datetime.date | None
    attainments: list[Attainment]
    quality_of_life: list[QualityOfLife]
    satisfaction: Faces | None
    citizen_view: Faces | None
    citizen_view_in_portal: bool = Field(description="The citizen gave their view themself, in the portal")
    citizen_words: str

    @staticmethod
    def resolve_quality_of_life(obj: Any) -> list[dict[str, Any]]:
        return [{"domain": domain, "score": score} for domain, score in ratings(obj).items()]
