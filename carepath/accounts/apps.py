from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "carepath.accounts"

    def ready(self) -> None:
        from carepath.accounts import oidc  # noqa: F401  (connects the eID second-factor signal)
