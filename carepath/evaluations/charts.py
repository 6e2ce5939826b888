"""Quality of life before and after as a small server-rendered SVG bar chart (as assessments/charts.py).

Only geometry is computed here; the template draws it with presentation attributes (the
Content-Security-Policy allows no inline style). The table beside the chart gives the same figures.
"""

from dataclasses import dataclass

from django.template.defaultfilters import date as format_date
from django.utils.translation import gettext as _

from carepath.evaluations.selectors import QualityOfLifeChange

WIDTH = 460
LEFT, RIGHT, TOP, BOTTOM = 150, 30, 12, 36
ROW, BAR = 48, 18  # each domain: a row with the before bar above the after bar
LOWEST, HIGHEST = 1, 5


def _n(value: float) -> str:
    """A coordinate as SVG wants it, whatever the language's decimal separator."""
    return f"{value:.1f}"


def score_x(score: float) -> float:
    """Where a rating ends on the horizontal axis: bars grow from 0, so a 1 is still visible."""
    return LEFT + (WIDTH - LEFT - RIGHT) * score / HIGHEST


@dataclass
class Bar:
    y: str
    width: str
    label_x: str
    score: int


@dataclass
class DomainRow:
    label: str
    label_y: str
    before: Bar | None
    after: Bar | None


@dataclass
class Tick:
    at: str
    label: str


@dataclass
class Chart:
    title: str
    description: str
    rows: list[DomainRow]
    ticks: list[Tick]
    before_label: str
    after_label: str
    height: int
    width: int = WIDTH
    left: int = LEFT
    top: int = TOP
    axis_bottom: int = 0
    tick_label_y: int = 0
    domain_label_x: int = LEFT - 8
    bar_height: int = BAR


def _bar(y: float, score: int | None) -> Bar | None:
    if score is None:
        return None
    end = score_x(score)
    return Bar(_n(y), _n(end - LEFT), _n(end + 5), score)


def before_after(change: QualityOfLifeChange | None) -> Chart | None:
    """The chart of a case's first and latest quality-of-life ratings, or None before two rated moments."""
    if change is None or change.after_on is None:
        return None
    rows = []
    for index, row in enumerate(change.rows):
        top = TOP + ROW * index + (ROW - 2 * BAR) / 2
        rows.append(DomainRow(row.label, _n(top + BAR + 4), _bar(top, row.before), _bar(top + BAR, row.after)))
    axis_bottom = TOP + ROW * len(rows)
    ticks = [Tick(_n(score_x(score)), str(score)) for score in range(LOWEST, HIGHEST + 1)]
    before_label = _("Before, %(day)s") % {"day": format_date(change.before_on, "SHORT_DATE_FORMAT")}
    after_label = _("After, %(day)s") % {"day": format_date(change.after_on, "SHORT_DATE_FORMAT")}
    return Chart(
        title=_("Quality of life before and after"),
        description=_describe(change, before_label, after_label),
        rows=rows,
        ticks=ticks,
        before_label=before_label,
        after_label=after_label,
        height=axis_bottom + BOTTOM,
        axis_bottom=axis_bottom,
        tick_label_y=axis_bottom + 22,
    )


def _describe(change: QualityOfLifeChange, before_label: str, after_label: str) -> str:
    text = _("Ratings from 1 (very bad) to 5 (very good). %(before)s; %(after)s.") % {
        "before": before_label,
        "after": after_label,
    }
    for row in change.rows:
        text += " " + _("%(domain)s: %(before)s, then %(after)s.") % {
            "domain": row.label,
            "before": row.before if row.before is not None else _("not rated"),
            "after": row.after if row.after is not None else _("not rated"),
        }
    return text
