"""Filled in by the directory work."""

urlpatterns: list = []
