from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "carepath.goals"
