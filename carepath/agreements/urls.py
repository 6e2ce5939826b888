from django.urls import path

from carepath.agreements import views

app_name = "agreements"
urlpatterns = [
    path("cases/<int:case_id>/agreement/", views.agreement_history, name="agreement_history"),
    path("cases/<int:case_id>/agreement/new/", views.agreement_new, name="agreement_new"),
]
