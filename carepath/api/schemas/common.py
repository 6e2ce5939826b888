"""Shapes shared by every area: problem details, text input, the small summaries other records point to."""

from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

# Text a client sends: PostgreSQL cannot store NUL, and the UI's forms strip surrounding blanks.
NO_NUL = r"^[^\x00]*$"


def _text(max_length: int | None, min_length: int) -> Any:
    return StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length, pattern=NO_NUL)


Text = Annotated[str, _text(None, 1)]  # a required TextField
OptionalText = Annotated[str, _text(None, 0)]  # a TextField that may stay empty
Line100 = Annotated[str, _text(100, 1)]
Line200 = Annotated[str, _text(200, 1)]
Line300 = Annotated[str, _text(300, 1)]

# Ids a client sends in a body: within a database's 64-bit keys.
RecordId = Annotated[int, Field(ge=1, le=2**63 - 1)]

LifeDomain = Literal[
    "work", "education", "leisure", "housing", "social_relations", "health", "daily_living", "finances"
]


class InvalidParam(Schema):
    loc: list[str | int] = Field(description='Where the problem is, e.g. ["body", "payload", "title"]')
    msg: str


class ProblemDetails(Schema):
    """An error as RFC 9457 problem details (`application/problem+json`). Never holds personal data."""

    type: str = Field(examples=["about:blank"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field("", description="What went wrong, in ids and field names only")
    errors: list[InvalidParam] = Field(default_factory=list, description="For 422: each invalid part of the request")


class UserRef(Schema):
    """A professional, as the UI names them."""

    id: int
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return obj.get_full_name() or obj.username


class PersonRef(Schema):
    id: int
    given_name: str
    family_name: str


class GoalRef(Schema):
    id: int
    title: str
