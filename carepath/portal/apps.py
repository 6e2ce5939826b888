from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "carepath.portal"
    verbose_name = _("Citizen portal")
