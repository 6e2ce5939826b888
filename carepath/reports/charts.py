"""Horizontal SVG bar charts for report tables whose `chart` is "bar": geometry only, the template draws.

The chart is hidden from screen readers: the table beside it holds the same figures and is the
accessible version. No inline style (the Content-Security-Policy refuses it): presentation attributes.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats

from carepath.reports.tables import Cell, Table

WIDTH = 520
LABEL_WIDTH = 200
VALUE_WIDTH = 56
ROW_HEIGHT = 30
BAR_HEIGHT = 18
TOP = 8
LABEL_CHARACTERS = 28


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    x: str
    y: str
    width: str
    text_y: str
    value_x: str


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_x: int
    axis_x: str
    axis_bottom: int


def _n(value: float) -> str:
    return f"{value:.1f}"


def _number(cell: Cell) -> float:
    return float(cell) if isinstance(cell, int | float | Decimal) else 0.0


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


def bar_chart(table: Table) -> BarChart | None:
    """The bars of the table's last column, labelled by its first; None for a table without a bar chart or rows."""
    if table.chart != "bar" or not table.rows:
        return None
    values = [_number(row[-1]) for row in table.rows]
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    zero = LABEL_WIDTH + plot * (-low / span)
    bars = []
    for index, (row, value) in enumerate(zip(table.rows, values, strict=True)):
        y = TOP + index * ROW_HEIGHT
        length = plot * abs(value) / span
        start = zero if value >= 0 else zero - length
        bars.append(
            Bar(
                label=_short(str(row[0])),
                # The figure as the table beside it shows it: with the language's decimal sign.
                value_text="" if row[-1] is None else formats.localize(row[-1]),
                x=_n(start),
                y=_n(y),
                width=_n(length),
                text_y=_n(y + BAR_HEIGHT - 4),
                value_x=_n(max(start + length, zero) + 6),
            )
        )
    height = TOP * 2 + ROW_HEIGHT * len(bars)
    return BarChart(
        bars=bars, width=WIDTH, height=height, label_x=LABEL_WIDTH - 8, axis_x=_n(zero), axis_bottom=height - TOP
    )
