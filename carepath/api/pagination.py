"""Every list of the API is a page: `?limit=&offset=` in, `{"items": [...], "count": N}` out.

A page that names people writes one `listed` entry per person in the audit log, as the UI's
lists do (`policy.record_listed`): only the people on the page actually sent.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from carepath.access import policy

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
MAX_OFFSET = 2**31 - 1  # far beyond any list, and within what every database takes as an OFFSET


class PageInput(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT} items a page")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip")


class Page(LimitOffsetPagination):
    Input = PageInput  # type: ignore[assignment]  # ninja reads the query parameters from `Input`

    def __init__(self, *, names: Callable[[Any], tuple[int, Any]] | None = None, **kwargs: Any) -> None:
        """`names` gives, for an item that names a person, (person id, case or None) for the audit log."""
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
        self.names = names

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        offset, limit = pagination.offset, min(pagination.limit, MAX_LIMIT)
        items = list(queryset[offset : offset + limit])
        if self.names is not None and items:
            policy.record_listed(request.user, [self.names(item) for item in items])  # type: ignore[arg-type]
        return {"items": items, "count": self._items_count(queryset)}
