from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "carepath.accounts"

    def ready(self) -> None:
        from carepath.accounts import idle_sessions, oidc  # noqa: F401  (connect their login signals)
