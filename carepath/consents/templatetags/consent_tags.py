"""Filters over consents already loaded for a page; they never query."""

from collections.abc import Iterable

from django import template

from carepath.consents.models import Consent

register = template.Library()


@register.filter
def active_consents(consents: Iterable[Consent]) -> list[Consent]:
    """The consents not withdrawn."""
    return [c for c in consents if c.is_active]
