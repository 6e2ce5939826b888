from django.urls import path

from carepath.pilots import views

app_name = "pilots"
urlpatterns = [
    path("", views.pilot_list, name="pilot_list"),
    path("new/", views.pilot_new, name="pilot_new"),
    path("<int:pilot_id>/", views.pilot_detail, name="pilot_detail"),
    path("<int:pilot_id>/edit/", views.pilot_edit, name="pilot_edit"),
]
