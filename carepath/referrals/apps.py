from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "carepath.referrals"
