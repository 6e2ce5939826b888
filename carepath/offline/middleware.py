"""At logout the browser is told to wipe what this site stored: the encrypted cases taken along,
the queue, the cached pages (issue 11). The key is destroyed on the server too (signals.py)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

LOGOUT_PATHS = ("/accounts/logout/", "/admin/logout/")


class WipeOnLogoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "POST" and request.path in LOGOUT_PATHS and response.status_code < 400:
            # Cookies are kept: the device cookie lets this browser stay a known (and revocable) device.
            response["Clear-Site-Data"] = '"cache", "storage"'
        return response
