from django.urls import path

from carepath.referrals import views

app_name = "referrals"
urlpatterns = [
    path("referrals/", views.inbox, name="inbox"),
    path("cases/<int:case_id>/referrals/new/", views.referral_new, name="referral_new"),
    path("referrals/<int:referral_id>/answer/", views.referral_answer, name="referral_answer"),
    path("referrals/<int:referral_id>/end/", views.referral_end, name="referral_end"),
    path("referrals/<int:referral_id>/practice/", views.referral_practice, name="referral_practice"),
]
