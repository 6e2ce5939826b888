"""Filled in by the fhir work."""

urlpatterns: list = []
