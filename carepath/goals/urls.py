from django.urls import path

from carepath.goals import views

app_name = "goals"
urlpatterns = [
    path("cases/<int:case_id>/goals/new/", views.goal_new, name="goal_new"),
    path("goals/<int:goal_id>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<int:goal_id>/status/", views.goal_status, name="goal_status"),
]
