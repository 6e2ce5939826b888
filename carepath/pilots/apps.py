from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PilotsConfig(AppConfig):
    name = "carepath.pilots"
    verbose_name = _("Pilots of user involvement")
