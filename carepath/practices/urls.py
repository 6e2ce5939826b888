from django.urls import path

from carepath.practices import views

app_name = "practices"
urlpatterns = [
    path("", views.library, name="library"),
    path("library.csv", views.library_csv, name="library_csv"),
    path("new/", views.practice_new, name="practice_new"),
    path("<int:practice_id>/", views.practice_detail, name="practice_detail"),
    path("<int:practice_id>/edit/", views.practice_edit, name="practice_edit"),
    path("<int:practice_id>/assess/", views.practice_assess, name="practice_assess"),
    path("<int:practice_id>/esn-form.pdf", views.practice_pdf, name="practice_pdf"),
]
