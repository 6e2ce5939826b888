from django.apps import AppConfig


class OfflineConfig(AppConfig):
    name = "carepath.offline"

    def ready(self) -> None:
        from carepath.offline import signals  # noqa: F401  (connects the logout receiver)
