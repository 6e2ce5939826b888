from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "carepath.learning"
    verbose_name = _("Learning: focus groups, after action reviews, appreciative inquiry")
