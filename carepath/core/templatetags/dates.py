"""Dates with their weekday, in the order and words of the active language.

Django's named formats (DATE_FORMAT, MONTH_DAY_FORMAT) follow the language; a weekday has no named
format, so the two are joined by a pattern the translators write ("søndag den 29. november 2026").
"""

import datetime

from django import template
from django.utils.formats import date_format
from django.utils.translation import pgettext

register = template.Library()


def _with_weekday(value: datetime.date | None, named_format: str) -> str:
    if not value:
        return ""
    return pgettext("a weekday before a date", "%(weekday)s %(date)s") % {
        "weekday": date_format(value, "l"),
        "date": date_format(value, named_format),
    }


@register.filter
def day(value: datetime.date | None) -> str:
    """Weekday and full date: "Sunday 29 November 2026"."""
    return _with_weekday(value, "DATE_FORMAT")


@register.filter
def day_month(value: datetime.date | None) -> str:
    """Weekday, day and month, for dates of the next weeks: "Sunday 29 November"."""
    return _with_weekday(value, "MONTH_DAY_FORMAT")
