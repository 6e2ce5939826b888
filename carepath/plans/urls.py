from django.urls import path

from carepath.plans import views, views_pdf

app_name = "plans"
urlpatterns = [
    path("goals/<int:goal_id>/steps/new/", views.step_new, name="step_new"),
    path("steps/<int:step_id>/edit/", views.step_edit, name="step_edit"),
    path("steps/<int:step_id>/status/", views.step_status, name="step_status"),
    path("steps/<int:step_id>/supports/new/", views.attachment_new, name="attachment_new"),
    path("supports/<int:attachment_id>/", views.attachment_file, name="attachment_file"),
    path("goals/<int:goal_id>/savings/new/", views.savings_new, name="savings_new"),
    path("savings/<int:savings_plan_id>/deposits/new/", views.deposit_new, name="deposit_new"),
    path("cases/<int:case_id>/plan.pdf", views_pdf.plan_pdf, name="plan_pdf"),
]
