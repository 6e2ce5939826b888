from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "carepath.reports"
    verbose_name = _("Reports: outcomes for managers and quality staff")
