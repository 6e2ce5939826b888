from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "carepath.support"
    verbose_name = _("Support register")

    def ready(self) -> None:
        from carepath.support import encodings  # noqa: F401  (registers the check of the shared secret)
