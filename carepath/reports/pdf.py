"""PDF documents with reportlab: fonts, headings in the outline, metadata, figures and bar charts.

Headings are real headings to a reader's navigation (each is an outline entry at its level), the
document says its title and language, and the text is a real font with a Unicode map, so it can be
searched, read aloud and copied. A report's PDF (exports.to_pdf) and the easy-read plan
(carepath/plans/easy_read_pdf.py) are built on these.
"""

import functools
import io
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from carepath.reports import tables

# A font with the letters of every EU language (DejaVu, Debian's fonts-dejavu-core), else Liberation,
# else the Bitstream Vera that ships with reportlab (Western European letters only).
_SYSTEM = Path("/usr/share/fonts/truetype")
_VERA = Path(reportlab.__file__).parent / "fonts"
FONT_FILES = [
    (_SYSTEM / "dejavu/DejaVuSans.ttf", _SYSTEM / "dejavu/DejaVuSans-Bold.ttf"),
    (_SYSTEM / "liberation/LiberationSans-Regular.ttf", _SYSTEM / "liberation/LiberationSans-Bold.ttf"),
    (_VERA / "Vera.ttf", _VERA / "VeraBd.ttf"),
]
FONT, BOLD = "CarepathSans", "CarepathSans-Bold"

BLACK = colors.HexColor("#0b0c0c")
GREY = colors.HexColor("#505a5f")
BLUE = colors.HexColor("#1d70b8")
LIGHT = colors.HexColor("#f3f2f1")
LINE = colors.HexColor("#b1b4b6")


@functools.cache
def fonts() -> tuple[str, str]:
    """Register the regular and bold font once per process; returns their names."""
    regular, bold = next((r, b) for r, b in FONT_FILES if r.exists() and b.exists())
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    return FONT, BOLD


def style(
    name: str, size: float, *, bold: bool = False, color: Any = BLACK, space_after: float = 6, align: int = TA_LEFT
) -> ParagraphStyle:
    fonts()
    return ParagraphStyle(
        name,
        alignment=align,
        fontName=BOLD if bold else FONT,
        fontSize=size,
        leading=size * 1.3,
        textColor=color,
        spaceAfter=space_after,
    )


def text(value: object) -> str:
    """Plain text made safe for a Paragraph, which reads a small markup language."""
    return escape(str(value)).replace("\n", "<br/>")


class Heading(Paragraph):
    """A heading: an entry in the PDF's outline (bookmarks) at its level, so readers can navigate by it."""

    def __init__(self, content: str, level: int, paragraph_style: ParagraphStyle) -> None:
        super().__init__(text(content), paragraph_style)
        self.outline_level = level
        self.outline_text = content


class Document(BaseDocTemplate):
    """A4 pages with a footer (the document's title and the page number) and headings in the outline."""

    def __init__(self, out: io.BytesIO, *, title: str, margin: float = 18 * mm) -> None:
        super().__init__(
            out,
            pagesize=A4,
            title=title,
            author="Carepath",
            creator="Carepath",
            lang=translation.get_language() or "en",
            displayDocTitle=True,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=margin + 6 * mm,
        )
        self.footer = title
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._draw_footer)])
        self._headings = 0

    def _draw_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 9)
        canvas.setFillColor(GREY)
        page = _("Page %(number)d") % {"number": canvas.getPageNumber()}
        canvas.drawString(self.leftMargin, 10 * mm, self.footer[:90])
        canvas.drawRightString(self.pagesize[0] - self.rightMargin, 10 * mm, page)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "outline_level", None)
        if level is not None:
            self._headings += 1
            key = f"heading-{self._headings}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_text, key, level=level)  # type: ignore[attr-defined]


def build(title: str, story: list[Flowable]) -> bytes:
    out = io.BytesIO()
    fonts()
    Document(out, title=title).build(story)
    return out.getvalue()


def figure(cell: tables.Cell, *, percent: bool = False) -> str:
    """A figure as people read it: localised, percentages with their sign."""
    if cell is None:
        return "–"
    if isinstance(cell, float):
        cell = round(cell, 2)
    if isinstance(cell, int | float | Decimal):
        shown = formats.number_format(cell, use_l10n=True)
        return f"{shown} %" if percent else shown
    return str(cell)


def bar_chart(table: tables.Table, width: float) -> Drawing | None:
    """Bars of the last column, labelled by the first; None when there is nothing to draw."""
    points = [
        (str(row[0])[:32], float(row[-1]))
        for row in table.rows
        if len(row) >= 2 and isinstance(row[-1], int | float | Decimal) and not isinstance(row[-1], bool)
    ]
    if not points:
        return None
    bar = 16
    label_width = min(150.0, width / 3)
    drawing = Drawing(width, bar * len(points) + 30)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 20
    chart.width, chart.height = width - label_width - 40, bar * len(points)
    points.reverse()  # the chart draws the first category at the bottom
    chart.data = [[value for _label, value in points]]
    chart.categoryAxis.categoryNames = [label for label, _value in points]
    chart.valueAxis.valueMin = min(0.0, *(value for _label, value in points))
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda value: figure(value)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName = FONT
        labels.fontSize = 8
    drawing.add(chart)
    return drawing
