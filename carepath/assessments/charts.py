"""The trajectory of functional levels as a small server-rendered SVG line chart: no JavaScript library.

Only geometry is computed here; the template draws it. The same figures are in the table beside
the chart, so nothing is said by the chart alone.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from math import ceil

from django.template.defaultfilters import date as format_date
from django.utils.translation import gettext as _

from carepath.assessments.models import Assessment
from carepath.core.choices import FunctionalLevel

WIDTH, HEIGHT = 600, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 52, 16, 44
MAX_DATE_LABELS = 7


def _n(value: float) -> str:
    """A coordinate as SVG wants it, whatever the language's decimal separator."""
    return f"{value:.1f}"


MARKERS = {
    "circle": "M{x0},{y} a5,5 0 1,0 10,0 a5,5 0 1,0 -10,0 z",
    "square": "M{x0},{y0} h10 v10 h-10 z",
    "triangle": "M{x},{y1} l6,10 h-12 z",
}


@dataclass
class Point:
    x: float
    y: float
    level: int
    shape: str

    @property
    def marker(self) -> str:
        """The SVG path of the point's marker, centred on it."""
        x, y = self.x, self.y
        return MARKERS[self.shape].format(x=_n(x), y=_n(y), x0=_n(x - 5), y0=_n(y - 5), y1=_n(y - 6))


@dataclass
class Series:
    key: str
    label: str
    colour: str
    dash: str
    marker: str  # circle, square or triangle: lines differ by more than colour
    points: list[Point] = field(default_factory=list)

    @property
    def key_marker(self) -> str:
        """The marker drawn in the middle of the 40 by 12 key swatch."""
        return Point(20, 6, 0, self.marker).marker

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{_n(p.x)},{_n(p.y)}" for i, p in enumerate(self.points))


@dataclass
class Tick:
    at: str
    label: str


@dataclass
class Chart:
    title: str
    description: str
    series: list[Series]
    levels: list[Tick]
    dates: list[Tick]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    level_label_x: int = LEFT - 8
    date_label_y: int = HEIGHT - BOTTOM + 24


def _dimensions() -> list[Series]:
    return [
        Series("physical", _("Physical and practical"), "#00665e", "", "circle"),
        Series("communication", _("Communication"), "#1d70b8", "8 4", "square"),
        Series("social", _("Social behaviour"), "#6f2f8f", "2 4", "triangle"),
    ]


def level_y(level: int) -> float:
    """No difficulty at the top, complete difficulty at the bottom: a rising line is progress."""
    plot_height = HEIGHT - TOP - BOTTOM
    return TOP + plot_height * level / FunctionalLevel.COMPLETE


def trajectory(assessments: Sequence[Assessment]) -> Chart | None:
    """The chart of two or more assessments (oldest first), or None when there is no trajectory yet."""
    if len(assessments) < 2:
        return None
    series = _dimensions()
    plot_width = WIDTH - LEFT - RIGHT
    step = plot_width / (len(assessments) - 1)
    # Lines on the same level are drawn a few pixels apart, so none hides another.
    offsets = {"physical": -3.0, "communication": 0.0, "social": 3.0}
    for index, assessment in enumerate(assessments):
        x = LEFT + step * index
        for s in series:
            level = getattr(assessment, f"{s.key}_level")
            s.points.append(Point(x, level_y(level) + offsets[s.key], level, s.marker))
    every = ceil(len(assessments) / MAX_DATE_LABELS)
    dates = [
        Tick(_n(LEFT + step * i), format_date(a.assessed_on, "SHORT_DATE_FORMAT"))
        for i, a in enumerate(assessments)
        if i % every == 0 or i == len(assessments) - 1
    ]
    levels = [Tick(_n(level_y(level)), str(level.value)) for level in FunctionalLevel]
    return Chart(
        title=_("Functional levels over time"),
        description=_describe(assessments, series),
        series=series,
        levels=levels,
        dates=dates,
    )


def _describe(assessments: Sequence[Assessment], series: list[Series]) -> str:
    first, last = assessments[0].assessed_on, assessments[-1].assessed_on
    parts = [
        _("%(n)s assessments from %(first)s to %(last)s; 0 is no difficulty, 4 complete difficulty.")
        % {
            "n": len(assessments),
            "first": format_date(first, "DATE_FORMAT"),
            "last": format_date(last, "DATE_FORMAT"),
        }
    ]
    for s in series:
        levels = ", ".join(str(p.level) for p in s.points)
        parts.append(_("%(dimension)s: %(levels)s.") % {"dimension": s.label, "levels": levels})
    return " ".join(parts)
