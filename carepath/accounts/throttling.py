"""Who is trying to log in, as django-axes counts failures: the client's address."""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address; behind CAREPATH_PROXY_COUNT proxies, the one the outermost proxy saw.

    X-Forwarded-For is only trusted as far as our own proxies wrote it: a client can put anything
    at its left end, so we count from the right.
    """
    proxies = settings.CAREPATH_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR", ""))
