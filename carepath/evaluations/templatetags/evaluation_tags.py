"""Presentation helpers for the evaluations case section; they only use prefetched data."""

from django import template

from carepath.evaluations.models import EvaluationMoment
from carepath.evaluations.selectors import attainment_summary as summarise

register = template.Library()


@register.filter
def attainment_summary(evaluation: EvaluationMoment) -> str:
    """The count summary of an evaluation moment whose attainments were prefetched."""
    return summarise(evaluation.attainments.all())


@register.filter
def attainment_tag(level: str) -> str:
    """The tag colour modifier for an attainment level."""
    return {"fully": "govuk-tag--green", "partially": "govuk-tag--yellow"}.get(level, "govuk-tag--grey")
