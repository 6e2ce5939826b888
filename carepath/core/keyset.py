"""Keyset pagination: the next page starts after the last row shown, not at an offset.

An OFFSET makes the database read and throw away every row before the page, which grows with the
list (a team leader's unit holds tens of thousands of cases); a keyset reads only the page. The
cursor is the id of the last row shown; its sort value is looked up through the same queryset, so a
cursor naming a row the user may not see is simply ignored.
"""

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db.models import Model, Q, QuerySet

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class KeysetPage(Generic[M]):
    items: list[M]
    next_after: int | None  # the cursor of the next page; None on the last page


def cursor(value: str | None) -> int | None:
    """A cursor from the query string: a positive id, or None for the first page."""
    return int(value) if value and value.isdigit() and int(value) > 0 else None


def keyset_page(queryset: QuerySet[M], *, order: str, after: int | None, size: int) -> KeysetPage[M]:
    """One page of `queryset` sorted by one field, then id in the same direction.

    `order` is a field name, descending with a leading "-" ("-opened_at": newest first; "due_on":
    earliest first). The field must not be null.
    """
    field, descending = order.lstrip("-"), order.startswith("-")
    beyond = "lt" if descending else "gt"
    queryset = queryset.order_by(order, "-pk" if descending else "pk")
    if after is not None:
        anchor: Any = queryset.filter(pk=after).values_list(field, flat=True).first()
        if anchor is not None:
            queryset = queryset.filter(
                Q(**{f"{field}__{beyond}": anchor}) | Q(**{field: anchor, f"pk__{beyond}": after})
            )
    rows = list(queryset[: size + 1])
    more = len(rows) > size
    return KeysetPage(rows[:size], rows[size - 1].pk if more else None)
