"""The Jinja2 environment for the few partials that repeat most on a page (decision 0019).

Django's template language rendered the case page's goals and their plans (a card per goal, a form
per step) in 7-8 ms of a 35 ms page; Jinja2 compiles a template to Python code, and the page takes
about 3 ms less (issue 6, docs/performance.md). Everything else stays in Django templates.
The environment gives these partials what Django templates have: Django's translations (`_` and
`ngettext`, so one catalogue serves both), `url` with the same shortcut as `{% url %}`, and Django's
own filters where the output must be the same (dates in the active language, line breaks, numbers).
`{% jinja_include %}` adds `request` and one `csrf_input`.
"""

import datetime
from typing import Any

from django.template import defaultfilters
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from jinja2 import Environment

from carepath.core.url_templates import reverse_ids
from carepath.plans.display import deposit_count


def url(view_name: str, *ids: Any) -> str:
    """`{% url view_name id ... %}`."""
    return reverse_ids(view_name, list(ids))


def date(value: Any, format_name: str | None = None) -> str:
    """Django's `date` filter, in the local time zone as Django templates show times."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return defaultfilters.date(value, format_name)


def environment(**options: Any) -> Environment:
    options.pop("autoescape", None)  # Django's backend asks for it; said here so that nobody unsets it
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], **options)
    # Old-style: `_("…")` returns the translation and `|format(n=…)` fills it, as Django's catalogue
    # strings (with %(name)s) expect; translations are text and are escaped like any other text.
    env.install_gettext_callables(gettext, ngettext, newstyle=False)  # type: ignore[attr-defined]
    # Plurals live in Python, where makemessages finds them (it reads Jinja2 `_("…")` calls only).
    env.globals.update(url=url, deposit_count=deposit_count)
    env.filters.update(
        date=date,
        linebreaksbr=defaultfilters.linebreaksbr,
        floatformat=defaultfilters.floatformat,
        truncatewords=defaultfilters.truncatewords,
    )
    return env
