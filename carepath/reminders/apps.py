from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "carepath.reminders"
    verbose_name = _("Reminders and calendars")
