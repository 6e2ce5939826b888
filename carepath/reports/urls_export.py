"""The report downloads, included by carepath/reports/urls.py (namespace "reports")."""

from django.urls import path, register_converter

from carepath.reports import exports, views_export


class ExportFormat:
    """Only the formats there is an exporter for: anything else is a 404 before any query."""

    regex = "|".join(exports.FORMATS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExportFormat, "export_format")

app_name = "reports"
urlpatterns = [
    path("<slug:slug>/export.<export_format:fmt>", views_export.export, name="export"),
]
