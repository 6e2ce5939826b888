from django.urls import path

from carepath.evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("cases/<int:case_id>/evaluations/new/", views.evaluation_plan, name="evaluation_plan"),
    path("evaluations/<int:evaluation_id>/record/", views.evaluation_record, name="evaluation_record"),
]
