"""Reads of assessments, from a case obtained through the access policy."""

from carepath.assessments.models import Assessment
from carepath.cases.models import Case


def latest_of(case: Case) -> Assessment | None:
    """The most recent assessment of `case`, which a new one starts from."""
    return case.assessments.order_by("-assessed_on", "-pk").first()
