from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "carepath.plans"
