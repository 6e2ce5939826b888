from django.urls import path

from carepath.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.caseload_import, name="caseload_import"),
]
