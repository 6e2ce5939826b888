from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from carepath.core.forms import Form
from carepath.core.uploads import extension

MAX_BYTES = 20 * 1024 * 1024
ZIP = b"PK\x03\x04"  # an XLSX file is a zip archive


class CaseloadFileForm(Form):
    """The file to check or import; its rows are checked by the import itself (validation.py)."""

    file = forms.FileField(
        label=_("Caseload file"),
        help_text=_("A CSV or XLSX file of 20 MB or less, with one row per goal and the columns listed above."),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={
            "required": _("Choose the file to check or import."),
            "empty": _("The chosen file is empty."),
        },
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        suffix = extension(upload.name or "")
        if suffix not in (".csv", ".xlsx"):
            raise forms.ValidationError(_("The file must be a CSV or XLSX file."))
        if (upload.size or 0) > MAX_BYTES:
            raise forms.ValidationError(_("The file must be 20 MB or smaller."))
        upload.seek(0)
        head = upload.read(4)
        upload.seek(0)
        if (suffix == ".xlsx") != (head == ZIP):
            raise forms.ValidationError(_("The file is not what its name says. Choose a CSV or XLSX file."))
        return upload
