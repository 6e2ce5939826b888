"""The portal and the staff pages are two separate worlds: citizens never reach staff pages, nor staff the portal."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from carepath.accounts.models import Role

PORTAL_PREFIX = "/portal/"
# The web app's service worker, manifest and offline page serve the portal and the staff pages alike.
INSTALLABLE_APP = ("/sw.js", "/manifest.webmanifest", "/offline/unavailable/")
SHARED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/healthz", "/oidc/", "/api/", "/fhir/", *INSTALLABLE_APP)


class PortalSeparationMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        path = request.path
        if user.is_authenticated and not path.startswith(SHARED_PREFIXES):
            is_citizen = getattr(user, "role", None) == Role.CITIZEN
            in_portal = path.startswith(PORTAL_PREFIX)
            if is_citizen and path == "/":
                return redirect("portal:start")
            if is_citizen != in_portal:
                raise PermissionDenied()
        return self.get_response(request)
