"""Presentation helpers for the evaluation pages and the case section; they only use loaded data."""

from collections.abc import Sequence
from typing import Any

from django import template
from django.templatetags.static import static

from carepath.evaluations import charts
from carepath.evaluations.forms import GAS_CHOICES
from carepath.evaluations.models import EvaluationMoment
from carepath.evaluations.selectors import attainment_summary as summarise
from carepath.evaluations.selectors import plan_prompt, quality_of_life_change

register = template.Library()


@register.filter
def attainment_summary(evaluation: EvaluationMoment) -> str:
    """The count summary of an evaluation moment whose attainments were prefetched."""
    return summarise(evaluation.attainments.all())


@register.filter
def attainment_tag(level: str) -> str:
    """The tag colour modifier for an attainment level."""
    return {"fully": "govuk-tag--green", "partially": "govuk-tag--yellow"}.get(level, "govuk-tag--grey")


@register.filter
def gas_label(score: int | None) -> str:
    """'+1 more than expected' for a Goal Attainment Scale score; '' when not scored."""
    return str(dict(GAS_CHOICES).get(score, "")) if score is not None else ""


@register.simple_tag
def face_url(value: int | str) -> str:
    """The picture of one face of the five-face scale (1 very unhappy .. 5 very happy)."""
    return static(f"evaluations/faces/face-{int(value)}.svg")


@register.inclusion_tag("evaluations/_faces_field.html")
def faces_field(
    field: Any, size: int = 48, legend_class: str = "govuk-fieldset__legend--s", heading: bool = False, hint: str = ""
) -> dict[str, Any]:
    """A faces scale as radios, each face picture inside its label above the words; with `heading`
    the legend is the page's heading (one question per page)."""
    return {"field": field, "size": size, "legend_class": legend_class, "heading": heading, "hint": hint}


@register.inclusion_tag("evaluations/_quality_of_life.html")
def quality_of_life(evaluations: Sequence[EvaluationMoment], chart_id: str = "quality-of-life") -> dict[str, Any]:
    """Before and after per life domain: an SVG chart (two rated moments or more) and the same figures as a table."""
    change = quality_of_life_change(evaluations)
    return {"change": change, "chart": charts.before_after(change), "chart_id": chart_id}


@register.simple_tag
def evaluation_prompt(overview: Any) -> str:
    """'first' or 'next' when the case page should prompt to plan an evaluation moment, else ''."""
    if not overview.can_manage:
        return ""
    return plan_prompt(case=overview.case, goals=overview.goals, evaluations=overview.evaluations)


@register.filter
def signed_change(change: int | None) -> str:
    """'+2', '−1' or '0' for a change in rating; '–' when one side is not rated."""
    if change is None:
        return "–"
    return f"+{change}" if change > 0 else (f"−{-change}" if change < 0 else "0")
