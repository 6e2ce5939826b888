from django import forms
from django.utils.translation import gettext_lazy as _

from carepath.core.forms import Form


class DeviceForm(Form):
    name = forms.CharField(
        label=_("Name of this device"),
        max_length=60,
        help_text=_("So you can tell your devices apart, e.g. Work phone or Team tablet."),
    )
