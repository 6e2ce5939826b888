"""A practice as the European Social Network's good-practice form (PDF), and the library as CSV.

The PDF is laid out like the form (seed 000): every theme, principle and status is listed with a box,
checked where the practice chose it, so a reader sees what was not chosen as well. Labels follow the
active language; the practice's own texts stay in the language they were written in. Neither file
holds personal data: a practice names organisations, never a citizen or a reviewer.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from statistics import fmean
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from carepath.practices.choices import Criterion, Principle, Status, Theme
from carepath.practices.models import Practice
from carepath.reports import pdf

# The CSV export of reports neutralises cells that a spreadsheet would run as a formula; the library
# uses the same rule.
from carepath.reports.exports import _text_safe as text_safe

CHECKED, UNCHECKED = "☒", "☐"
CHECKED_ASCII, UNCHECKED_ASCII = "[x]", "[ ]"


# PDF -----------------------------------------------------------------------------------------------


def esn_form_pdf(practice: Practice) -> bytes:
    """The practice on an A4 form: title, organisations, country, contact, themes, principles,
    status, summary, context, objectives, activities, outcomes and their evaluation, links, tips."""
    s = _styles()
    story: list[Flowable] = [pdf.Heading(practice.title, 0, s["title"]), _head_table(practice, s)]
    chosen_themes = {t.theme for t in practice.themes.all()}
    themes = [(str(label), value in chosen_themes) for value, label in Theme.choices if value != Theme.OTHER]
    other_theme = Theme.OTHER in chosen_themes or bool(practice.theme_other)
    themes.append((_("Other, please specify:") + " " + practice.theme_other, other_theme))
    story += _section(_("Theme"), s, hint=_("Choose at least one option"))
    story.append(_boxes(themes, s, columns=2))
    chosen_principles = {p.principle for p in practice.principles.all()}
    story += _section(_("Principles of the European Pillar of Social Rights"), s)
    story.append(_boxes([(str(label), value in chosen_principles) for value, label in Principle.choices], s, 2))
    statuses = [(str(label), practice.status == value) for value, label in Status.choices if value != Status.OTHER]
    statuses.append((_("Other (please specify)") + " " + practice.status_other, practice.status == Status.OTHER))
    story += _section(_("Current status of the practice"), s)
    story.append(_boxes(statuses, s, columns=1))
    story += _section(_("Summary"), s, hint=_("The practice in at most three sentences."))
    story.append(Paragraph(pdf.text(practice.summary), s["body"]))
    story += _section(_("Context / Social issues addressed"), s, hint=_("The problem the practice attempts to solve."))
    story.append(Paragraph(pdf.text(practice.context), s["body"]))
    story += _section(_("Objectives"), s)
    story += [Paragraph(pdf.text(f"{n}. {o}"), s["body"]) for n, o in enumerate(practice.objectives, start=1)]
    story += _section(_("Activities"), s, hint=_("The activities put in place to achieve the objectives."))
    story.append(Paragraph(pdf.text(practice.activities), s["body"]))
    story += _section(_("Outcomes"), s, hint=_("What the results were or are so far, and how they were evaluated."))
    story.append(Paragraph(pdf.text(practice.outcomes), s["body"]))
    story += [pdf.Heading(_("How the outcomes were evaluated"), 2, s["h3"])]
    story.append(Paragraph(pdf.text(practice.evaluation), s["body"]))
    story += _section(_("Links to supporting documents"), s, hint=_("e.g. website or report of the practice"))
    story += [Paragraph(_link(url), s["body"]) for url in practice.link_list] or [Paragraph("–", s["body"])]
    story += _section(_("Comments and tips"), s, hint=_("i.e. for people willing to use the practice"))
    story.append(Paragraph(pdf.text(practice.comments_and_tips or "–"), s["body"]))
    story += [Spacer(1, 6 * mm), Paragraph(pdf.text(_documented(practice)), s["small"])]
    return _build(practice, story)


def _build(practice: Practice, story: list[Flowable]) -> bytes:
    out = io.BytesIO()
    pdf.fonts()
    document = pdf.Document(out, title=practice.title)
    document.subject = _("Good practice on the form of the European Social Network")
    document.keywords = _theme_labels(practice)
    document.build(story)
    return out.getvalue()


def _theme_labels(practice: Practice) -> list[str]:
    order = {value: i for i, value in enumerate(Theme.values)}
    chosen = sorted((t.theme for t in practice.themes.all()), key=lambda value: order.get(value, len(order)))
    return [str(Theme(value).label) for value in chosen if value in order]


def _documented(practice: Practice) -> str:
    return _("Documented by %(organisation)s in Carepath; last changed on %(date)s.") % {
        "organisation": practice.owner.name,
        "date": formats.date_format(timezone.localdate(practice.updated_at), "DATE_FORMAT"),
    }


def _head_table(practice: Practice, s: dict[str, ParagraphStyle]) -> Table:
    """Organisation(s), country and contact in two columns, as at the top of the form."""
    rows = [
        (_("Organisation(s)"), practice.organisations),
        (_("Country"), practice.get_country_display()),
        (_("Contact"), practice.contact),
    ]
    table = Table(
        [[Paragraph(pdf.text(label), s["label"]), Paragraph(pdf.text(value), s["body"])] for label, value in rows],
        colWidths=[45 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, pdf.LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _section(label: str, s: dict[str, ParagraphStyle], *, hint: str = "") -> list[Flowable]:
    """A heading of the form (an outline entry), with the form's hint in grey below it."""
    made: list[Flowable] = [Spacer(1, 3 * mm), pdf.Heading(label, 1, s["h2"])]
    if hint:
        made.append(Paragraph(pdf.text(hint), s["hint"]))
    return made


def _boxes(items: list[tuple[str, bool]], s: dict[str, ParagraphStyle], columns: int) -> Table:
    """Each option with a box, checked when chosen, filled into columns row by row."""
    checked, unchecked = _marks()
    cells = [
        Paragraph(pdf.text(f"{checked if on else unchecked} {label}"), s["bold" if on else "body"])
        for label, on in items
    ]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [Paragraph("", s["body"])] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[None] * columns, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _marks() -> tuple[str, str]:
    """Ballot boxes when the font has them (DejaVu does), else [x] and [ ]."""
    font = pdfmetrics.getFont(pdf.fonts()[0])
    glyphs = getattr(getattr(font, "face", None), "charToGlyph", {})
    if ord(CHECKED) in glyphs and ord(UNCHECKED) in glyphs:
        return CHECKED, UNCHECKED
    return CHECKED_ASCII, UNCHECKED_ASCII


def _link(url: str) -> str:
    safe = pdf.text(url)
    return f'<a href="{safe}" color="#1d70b8">{safe}</a>'


def _styles() -> dict[str, ParagraphStyle]:
    return {
        "title": pdf.style("title", 18, bold=True, space_after=8),
        "h2": pdf.style("h2", 12, bold=True, space_after=2),
        "h3": pdf.style("h3", 10.5, bold=True, space_after=2),
        "label": pdf.style("label", 10, bold=True, space_after=0),
        "body": pdf.style("body", 10, space_after=3),
        "bold": pdf.style("bold", 10, bold=True, space_after=3),
        "hint": pdf.style("hint", 8.5, color=pdf.GREY, space_after=3),
        "small": pdf.style("small", 8.5, color=pdf.GREY),
    }


# CSV -----------------------------------------------------------------------------------------------


def library_csv(practices: Iterable[Practice]) -> str:
    """The library as one CSV text: a row per practice with every field of the form, themes and
    principles as "; "-joined labels, the mean WIT score per criterion and the number of assessments.

    Starts with a byte order mark, so spreadsheet programs read the letters right once it is
    encoded as UTF-8. Give practices with owner, themes, principles and assessments__scores loaded
    (`selectors.all_for_export`) to read the library in a few queries."""
    return "".join(library_csv_lines(practices))


def library_csv_lines(practices: Iterable[Practice]) -> Iterator[str]:
    """The same CSV line by line (the first carries the byte order mark), for a streaming response."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(row: list[Any]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        return buffer.getvalue()

    yield "\ufeff" + line(_header())
    for practice in practices:
        yield line(_row(practice))


def _header() -> list[Any]:
    return [
        _("Title of the practice"),
        _("Organisation(s)"),
        _("Documented by"),
        _("Country"),
        _("Contact"),
        _("Theme"),
        _("Other theme, please specify"),
        _("Principles of the European Pillar of Social Rights"),
        _("Current status of the practice"),
        _("Other status, please specify"),
        _("Summary"),
        _("Context / Social issues addressed"),
        *(_("Objective %(number)d") % {"number": n} for n in (1, 2, 3)),
        _("Activities"),
        _("Outcomes"),
        _("How the outcomes were evaluated"),
        _("Links to supporting documents"),
        _("Comments and tips"),
        _("Language of the texts"),
        *(_("Mean score: %(criterion)s") % {"criterion": label} for _value, label in Criterion.choices),
        _("Number of assessments"),
    ]


def _row(practice: Practice) -> list[Any]:
    principles = sorted(p.principle for p in practice.principles.all())
    means, assessments = _mean_scores(practice)
    texts = [
        practice.title,
        practice.organisations,
        practice.owner.name,
        practice.get_country_display(),
        practice.contact,
        "; ".join(_theme_labels(practice)),
        practice.theme_other,
        "; ".join(str(Principle(p).label) for p in principles if p in Principle.values),
        practice.get_status_display(),
        practice.status_other,
        practice.summary,
        practice.context,
        practice.objective_1,
        practice.objective_2,
        practice.objective_3,
        practice.activities,
        practice.outcomes,
        practice.evaluation,
        practice.links,
        practice.comments_and_tips,
        practice.get_language_display(),
    ]
    # A mean as people write it, with a point as in every CSV: "4", "4.5", "4.33".
    figures = ["" if c not in means else f"{means[c]:.2f}".rstrip("0").rstrip(".") for c in Criterion.values]
    return [*(text_safe(str(t)) for t in texts), *figures, assessments]


def _mean_scores(practice: Practice) -> tuple[dict[int, float], int]:
    """Mean score per criterion over the reviewers who scored it, and the number of assessments;
    reads the prefetched assessments and scores when they are there."""
    assessments = list(practice.assessments.all())
    by_criterion: dict[int, list[int]] = {}
    for assessment in assessments:
        for score in assessment.scores.all():
            by_criterion.setdefault(score.criterion, []).append(score.score)
    return {c: fmean(values) for c, values in by_criterion.items()}, len(assessments)
