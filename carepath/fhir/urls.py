"""The FHIR R4 server, included at /fhir/r4/ (docs/fhir.md)."""

from django.urls import path

from carepath.fhir import views

app_name = "fhir"

urlpatterns = [
    path("metadata", views.metadata, name="metadata"),
    path("<str:resource_type>", views.search, name="search"),
    path("<str:resource_type>/<str:resource_id>", views.read, name="read"),
]
