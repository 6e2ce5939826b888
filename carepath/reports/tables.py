"""What every report is made of, so one set of exporters (CSV, XLSX, PDF) and one template serve them all.

A report is a title, the filter it was made for, tables of figures (each may have a chart), and the
qualitative voice for the same filter: citizens' own words and focus-group findings.
"""

from dataclasses import dataclass, field
from decimal import Decimal

Cell = str | int | float | Decimal | None


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    chart: str = ""  # "bar" when the first column labels and the last column is the value to draw; "" for none
    note: str = ""  # how the figure is computed, in one sentence (the full definition is in docs/outcomes.md)


@dataclass(frozen=True)
class Voice:
    """A quote: what a citizen said, or what a focus group found. Never a name."""

    text: str
    source: str  # e.g. "Evaluation moment, 12/03/2026" or "Focus group: the visit to the bank"


@dataclass
class Report:
    slug: str  # e.g. "goal-attainment", used in export file names
    title: str
    filter_description: str  # the filter in words, printed on every export
    tables: list[Table] = field(default_factory=list)
    voices: list[Voice] = field(default_factory=list)
