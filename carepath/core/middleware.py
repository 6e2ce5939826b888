"""Every page needs a signed-in user except the login page and static files, and staff (or a
citizen who turned it on) must pass the second step of the login before anything else."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse

from carepath.accounts import two_factor
from carepath.accounts.views import second_step

# Choosing a password (a new portal account's one-time link, or a forgotten password) needs no login.
PASSWORD_PAGES = ("/accounts/password_reset/", "/accounts/reset/")
PUBLIC_PREFIXES = (
    "/accounts/login/",
    "/accounts/oidc/",
    *PASSWORD_PAGES,
    "/static/",
    "/admin/login/",
    "/i18n/",
    "/healthz",
    # Programs authenticate each request with a token (carepath/api/auth.py), not with a session.
    "/api/",
    "/fhir/",
    # The installable web app (issue 11): no personal data; the service worker is fetched signed out too.
    "/sw.js",
    "/manifest.webmanifest",
    "/offline/unavailable/",
)
# The offline app's JSON: a signed-out request is told so (the app then keeps its queue), not redirected.
JSON_PREFIXES = ("/offline/api/",)

# What a signed-in user may open before the second step: the second step itself, and a way out.
BEFORE_SECOND_FACTOR = (
    "/accounts/two-factor/",
    "/accounts/logout/",
    "/admin/logout/",
    *PUBLIC_PREFIXES,
)


class LoginRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated and request.path.startswith(JSON_PREFIXES):
            return JsonResponse({"error": "signed_out"}, status=401)
        if not request.user.is_authenticated and not request.path.startswith(PUBLIC_PREFIXES):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """Until the second factor is verified, every page sends the user to the code (or to setting up an app).

    The login view sends them there too; this catches every other way in (Django admin's login,
    a bookmarked page, a session from before a "reset two-step login").
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(BEFORE_SECOND_FACTOR)
            and not two_factor.second_factor_done(request)
            and two_factor.requires_second_factor(user)  # type: ignore[arg-type]
        ):
            if request.path.startswith(JSON_PREFIXES):
                return JsonResponse({"error": "signed_out"}, status=401)
            return second_step(user, next_url=request.get_full_path())
        return self.get_response(request)
