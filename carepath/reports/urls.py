from django.urls import path

from carepath.reports import urls_export, views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.report, name="report"),
    *urls_export.urlpatterns,  # the downloads (CSV, XLSX, PDF), written with the exporters
]
