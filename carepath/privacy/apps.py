from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "carepath.privacy"
    verbose_name = _("Privacy: subject access and retention")
