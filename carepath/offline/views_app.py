"""The offline app's own pages: the app shell, the service worker, the web app manifest and the page
shown offline. The JSON API and the take-along pages are in views.py.

Who may open what is decided by the URL configuration and middleware: /offline/app/ is staff only,
/sw.js, /manifest.webmanifest and /offline/unavailable/ are public and hold no personal data.
"""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from carepath.offline.strings import client_strings

SW_TEMPLATE = Path(__file__).resolve().parent / "templates" / "offline" / "sw.js"

# The JSON API (served by views.py); the service worker never touches these.
API_URLS = {
    "key": "/offline/api/key/",
    "bundle": "/offline/api/bundle/",
    "sync": "/offline/api/sync/",
    "conflict_base": "/offline/conflicts/",
}

# What the app shell needs without a network. ES modules import their neighbours by plain name
# ("./vault.js"), which the manifest storage does not rewrite, so those are kept under both names.
SHELL_STATIC = [
    "offline/app.js",
    "offline/vault.js",
    "offline/register-sw.js",
    "offline/offline.css",
    "offline/icons/icon-192.png",
    "offline/icons/icon-512.png",
    "carepath/carepath.css",
    "carepath/carepath.js",
    "carepath/govuk-frontend.min.js",
    "carepath/htmx.min.js",
    "carepath/js-enabled.js",
    "carepath/favicon.svg",
    "carepath/favicon.ico",
    "carepath/apple-touch-icon.png",
]
IMPORTED_BY_NAME = ["offline/vault.js", "carepath/govuk-frontend.min.js"]


def _static_urls() -> list[str]:
    urls = []
    for name in SHELL_STATIC:
        try:
            urls.append(static(name))
        except ValueError:  # the manifest storage knows no such file (not built): leave it out
            continue
    urls += [f"{settings.STATIC_URL}{name}" for name in IMPORTED_BY_NAME]
    return urls


def precache_urls() -> list[str]:
    urls = [reverse("offline:app"), reverse("offline:unavailable"), reverse("manifest"), *_static_urls()]
    return list(dict.fromkeys(urls))  # without repeats, in order


def worker_version(urls: list[str]) -> str:
    """Changes when the worker, a URL or a static file changes, so browsers install it again and
    the old caches go. Hashed names change with content in production; in development the files'
    size and time stand in for it (cheap: the worker is fetched on every navigation)."""
    digest = hashlib.sha256(SW_TEMPLATE.read_bytes())
    for url in urls:
        digest.update(url.encode())
    for name in SHELL_STATIC:
        found = finders.find(name)
        if isinstance(found, str):
            stat = Path(found).stat()
            digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


@require_safe
def app(request: HttpRequest) -> HttpResponse:
    """The shell of the offline app: no personal data, the cases come from the device."""
    urls = {**API_URLS, "take_along": reverse("offline:take_along")}
    return render(request, "offline/app.html", {"strings": client_strings(), "urls": urls})


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    precache = precache_urls()
    version = worker_version(precache)
    # The template switches autoescaping off: every value here is JSON, hence a safe JS literal.
    context = {
        "version": version,
        "precache": precache,
        "version_json": json.dumps(version),
        "precache_json": json.dumps(precache),
        "app_url_json": json.dumps(reverse("offline:app")),
        "unavailable_url_json": json.dumps(reverse("offline:unavailable")),
        "static_url_json": json.dumps(settings.STATIC_URL),
    }
    response = HttpResponse(
        render_to_string("offline/sw.js", context, request=request),
        content_type="application/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def manifest(request: HttpRequest) -> HttpResponse:
    return render(request, "offline/manifest.webmanifest", content_type="application/manifest+json; charset=utf-8")


@require_safe
def unavailable(request: HttpRequest) -> HttpResponse:
    """What the service worker shows when a page cannot be reached offline. The same for everyone."""
    return render(request, "offline/unavailable.html")
