"""`{% jinja_include "name" %}`: a Jinja2 partial inside a Django template, with its context."""

from typing import Any

from django import template
from django.template import engines
from django.template.backends.utils import csrf_input
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja_include(context: template.Context, name: str) -> SafeString:
    values: dict[str, Any] = dict(context.flatten())  # type: ignore[arg-type]  # keys are names
    request = getattr(context, "request", None)
    if request is not None:
        # Once for the partial: Django's backend would mask a new token for each form in it.
        values.update(request=request, csrf_input=csrf_input(request))
    return mark_safe(engines["jinja2"].get_template(name).render(values))  # noqa: S308  Jinja2 escaped it
