from django.urls import path

from carepath.notes import views

app_name = "notes"
urlpatterns = [
    path("cases/<int:case_id>/notes/", views.note_list, name="note_list"),
    path("cases/<int:case_id>/notes/new/", views.note_new, name="note_new"),
]
