"""Draws the trajectory chart from assessments already loaded for the page; it never queries."""

from collections.abc import Sequence
from typing import Any

from django import template

from carepath.assessments.charts import trajectory
from carepath.assessments.models import Assessment

register = template.Library()


@register.inclusion_tag("assessments/_trajectory_chart.html")
def trajectory_chart(assessments: Sequence[Assessment], chart_id: str = "trajectory") -> dict[str, Any]:
    """An inline SVG line chart of the three levels over time (None below two assessments)."""
    return {"chart": trajectory(assessments), "chart_id": chart_id}
