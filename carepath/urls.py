from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from carepath.api.api import api
from carepath.offline import views_app


def healthz(request: HttpRequest) -> HttpResponse:
    """For the load balancer: answers without touching personal data."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("carepath.accounts.urls")),
    path("healthz", healthz, name="healthz"),
    # At the root, so that the service worker's scope is the whole site (issue 11, docs/offline.md).
    path("sw.js", views_app.service_worker, name="service_worker"),
    path("manifest.webmanifest", views_app.manifest, name="manifest"),
    path("offline/", include("carepath.offline.urls")),
    path("api/v1/", api.urls),
    path("api/hsds/", include("carepath.directory.urls")),
    path("fhir/r4/", include("carepath.fhir.urls")),
    path("imports/", include("carepath.imports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),  # the language switcher (set_language)
    path("portal/", include("carepath.portal.urls")),
    path("reports/", include("carepath.reports.urls")),
    path("", include("carepath.dashboard.urls")),
    path("", include("carepath.cases.urls")),
    path("", include("carepath.people.urls")),
    path("", include("carepath.consents.urls")),
    path("", include("carepath.assessments.urls")),
    path("", include("carepath.goals.urls")),
    path("", include("carepath.agreements.urls")),
    path("", include("carepath.referrals.urls")),
    path("", include("carepath.plans.urls")),
    path("", include("carepath.notes.urls")),
    path("", include("carepath.evaluations.urls")),
    path("", include("carepath.meetings.urls")),
    path("", include("carepath.privacy.urls")),
    path("learning/", include("carepath.learning.urls")),
    path("practices/", include("carepath.practices.urls")),
    path("pilots/", include("carepath.pilots.urls")),
    path("support/", include("carepath.support.urls")),
    path("", include("carepath.reminders.urls")),
]
