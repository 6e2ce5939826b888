from django.urls import path

from carepath.consents import views

app_name = "consents"
urlpatterns = [
    path("cases/<int:case_id>/consents/new/", views.consent_new, name="consent_new"),
    path("consents/<int:consent_id>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("consents/<int:consent_id>/document/", views.consent_document, name="consent_document"),
]
