"""Words of the plan partials that Django's message extraction cannot find in a Jinja2 template."""

from django.utils.translation import ngettext


def deposit_count(n: int) -> str:
    """"1 deposit", "3 deposits": the summary of a savings plan's deposits."""
    return ngettext("%(n)s deposit", "%(n)s deposits", n) % {"n": n}
