"""Open Referral HSDS 3.0 at /api/hsds/ (included by carepath/urls.py); paths as in the HSDS API."""

from django.urls import path

from carepath.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.api_root, name="hsds_root"),
    path("services", views.service_list, name="hsds_services"),
    path("services/<uuid:hsds_service_id>", views.service_detail, name="hsds_service"),
    path("organizations", views.organization_list, name="hsds_organizations"),
    path("organizations/<uuid:hsds_organization_id>", views.organization_detail, name="hsds_organization"),
]
