"""A citizen's plan as an easy-read PDF: their goals in their own words, one step per block, pictures beside.

Easy read: large text, short lines, one idea per block, the picture that helps beside the words. It is
printed for the person or downloaded by them in the portal; the file name never says whose plan it is.
"""

import datetime
import io
import logging
from collections.abc import Iterable

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from PIL import Image as PillowImage
from PIL import UnidentifiedImageError
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from carepath.cases.models import Case
from carepath.goals import selectors as goal_selectors
from carepath.goals.models import Goal
from carepath.plans.models import Step, StepAttachment
from carepath.reports import pdf

logger = logging.getLogger(__name__)

PICTURE_WIDTH = 55 * mm
PICTURE_HEIGHT = 55 * mm
TEXT_WIDTH = 110 * mm


def goals_of_case(case: Case) -> list[Goal]:
    """The case's active goals and the group goals shared with it, steps (not dropped) and supports loaded."""
    steps = Step.objects.exclude(status=Step.Status.DROPPED).prefetch_related("attachments").order_by("due_on", "pk")
    return list(
        Goal.objects.filter(pk__in=goal_selectors.ids_of_case(case.pk), status=Goal.Status.ACTIVE)
        .prefetch_related(Prefetch("steps", queryset=steps))
        .order_by("due_on", "pk")
    )


def file_name(on: datetime.date) -> str:
    return f"carepath-plan-{on.isoformat()}.pdf"


def easy_read_plan(*, name: str, goals: Iterable[Goal]) -> bytes:
    """The PDF: "My plan", then per goal the citizen's words and each step (what, with whom, when)."""
    s = _styles()
    story: list[Flowable] = [
        pdf.Heading(_("My plan"), 0, s["title"]),
        Paragraph(pdf.text(name), s["big"]),
        Paragraph(pdf.text(_("Made on %(date)s") % {"date": date_format(timezone.localdate(), "j F Y")}), s["small"]),
    ]
    goals = list(goals)
    for goal in goals:
        story += [Spacer(1, 6 * mm), pdf.Heading(f"“{goal.citizen_words}”", 1, s["goal"])]
        steps = list(goal.steps.all())
        story += [_step_block(step, s) for step in steps] or [Paragraph(pdf.text(_("No steps yet.")), s["body"])]
    if not goals:
        story.append(Paragraph(pdf.text(_("No plan yet.")), s["body"]))
    return pdf.build(_("My plan"), story)


def _styles() -> dict[str, ParagraphStyle]:
    # Easy-read guidance: at least 14 point, more space between lines, bold only for what matters.
    return {
        "title": pdf.style("EasyTitle", 28, bold=True, space_after=4),
        "big": pdf.style("EasyName", 18, space_after=2),
        "small": pdf.style("EasySmall", 14, color=pdf.GREY, space_after=4),
        "goal": pdf.style("EasyGoal", 22, bold=True, space_after=6),
        "what": pdf.style("EasyWhat", 18, bold=True, space_after=4),
        "body": pdf.style("EasyBody", 16, space_after=4),
        "caption": pdf.style("EasyCaption", 14, color=pdf.GREY, space_after=0),
    }


def _step_block(step: Step, s: dict[str, ParagraphStyle]) -> Flowable:
    """One step: the picture (with what it shows) on the left, what / with whom / when on the right."""
    words: list[Flowable] = [
        Paragraph(pdf.text(step.what), s["what"]),
        Paragraph(pdf.text(_("With whom: %(who)s") % {"who": step.who}), s["body"]),
        Paragraph(pdf.text(_("When: %(date)s") % {"date": date_format(step.due_on, "l j F Y")}), s["body"]),
    ]
    if step.status == Step.Status.DONE:
        words.append(Paragraph(pdf.text(_("Done ✓")), s["body"]))
    pictures: list[Flowable] = []
    for attachment in step.attachments.all():
        if attachment.kind == StepAttachment.Kind.EASY_READ and attachment.text:
            words.append(Paragraph(pdf.text(attachment.text), s["body"]))
        elif attachment.kind == StepAttachment.Kind.VIDEO:
            words.append(Paragraph(pdf.text(_("Video in the portal: %(what)s") % {"what": attachment.description}),
                                   s["caption"]))
        elif attachment.kind == StepAttachment.Kind.IMAGE and (picture := _picture(attachment)) is not None:
            pictures += [picture, Paragraph(pdf.text(attachment.description), s["caption"]), Spacer(1, 3 * mm)]
    block = Table([[pictures or "", words]], colWidths=[PICTURE_WIDTH + 4 * mm, TEXT_WIDTH], hAlign="LEFT")
    block.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 1, pdf.LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
    ]))
    return KeepTogether([block])


def _picture(attachment: StepAttachment) -> Image | None:
    """The picture scaled to fit its box; None (and a log line with ids only) when it cannot be read."""
    try:
        with attachment.file.open("rb") as handle:
            data = io.BytesIO(handle.read())
        with PillowImage.open(data) as probe:
            probe.verify()  # a broken or disguised file stops here, not inside reportlab
            width, height = probe.size
    except (OSError, ValueError, UnidentifiedImageError, SyntaxError):
        logger.warning("Step picture %s could not be read for the easy-read plan", attachment.pk)
        return None
    data.seek(0)
    scale = min(PICTURE_WIDTH / width, PICTURE_HEIGHT / height)
    return Image(data, width=width * scale, height=height * scale)
