from django.urls import path

from carepath.meetings import views

app_name = "meetings"
urlpatterns = [
    path("cases/<int:case_id>/meetings/", views.meeting_list, name="meeting_list"),
    path("cases/<int:case_id>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("meetings/<int:meeting_id>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:meeting_id>/edit/", views.meeting_edit, name="meeting_edit"),
]
