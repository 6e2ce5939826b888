"""Reads about a person; callers have reached the person through the access policy first."""

from carepath.people.models import Person
from carepath.portal.models import Proxy


def proxies_of(person: Person) -> list[Proxy]:
    """Everyone the person lets (or let) follow their file, newest first."""
    return list(Proxy.objects.filter(person=person).select_related("representative").order_by("-granted_at", "-pk"))
