from django.urls import path

from carepath.assessments import views

app_name = "assessments"
urlpatterns = [
    path("cases/<int:case_id>/assessments/new/", views.assessment_new, name="assessment_new"),
]
