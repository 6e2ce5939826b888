from django.urls import path

from carepath.people import views

app_name = "people"

urlpatterns = [
    path("people/search/", views.person_search, name="search"),
    path("cases/<int:case_id>/person/", views.person_edit, name="person_edit"),
    path("cases/<int:case_id>/portal/", views.portal_access, name="portal_access"),
]
