from django.urls import path

from carepath.privacy import views

app_name = "privacy"
urlpatterns = [
    path("people/<int:person_id>/data/", views.person_data, name="person_data"),
    path("people/<int:person_id>/data.json", views.person_data_json, name="person_data_json"),
]
