from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "carepath.dashboard"
