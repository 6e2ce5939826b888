from django.urls import path

from carepath.support import views

app_name = "support"
urlpatterns = [
    path("", views.register, name="register"),
    path("new/", views.record_new, name="record_new"),
    path("import/", views.support_import, name="support_import"),
    path("<int:record_id>/", views.record_detail, name="record_detail"),
    path("<int:record_id>/edit/", views.record_edit, name="record_edit"),
    path("matches/", views.match_list, name="match_list"),
    path("matches/<int:match_id>/", views.match_review, name="match_review"),
]
