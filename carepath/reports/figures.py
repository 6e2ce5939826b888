"""Rounding shared by every report: one decimal, half up (63.636 -> 63.6, 0.05 -> 0.1)."""

from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")


def rounded(value: float | Decimal | None) -> Decimal | None:
    """A figure to one decimal, half up; None stays None (nothing to compute it over)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def percent(part: int | None, whole: int | None) -> Decimal | None:
    """`part` of `whole` in %, one decimal half up; None when there is nothing to count."""
    if not whole:
        return None
    return (Decimal(part or 0) * 100 / Decimal(whole)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)
