from django.apps import AppConfig


class ConsentsConfig(AppConfig):
    name = "carepath.consents"
