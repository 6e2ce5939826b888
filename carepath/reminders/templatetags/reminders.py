"""`{% reminders_nav_item %}`: the staff navigation's link to the reminders, with the unread count.

For base.html's staff navigation: `{% load reminders %}{% reminders_nav_item %}` (one query per page).
"""

from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from carepath.accounts.models import User
from carepath.reminders import selectors

register = template.Library()


@register.inclusion_tag("components/nav_item.html", takes_context=True)
def reminders_nav_item(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    user = request.user
    unread = selectors.unread_count(user) if isinstance(user, User) else 0
    label = ngettext("Reminders (%(count)s new)", "Reminders (%(count)s new)", unread) % {"count": unread}
    return {"request": request, "href": reverse("reminders:list"), "label": label if unread else gettext("Reminders")}

