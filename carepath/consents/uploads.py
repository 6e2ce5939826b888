"""Checks on an uploaded scan: a consent is personal data, so only small, known file types are kept."""

import uuid

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_SCAN_BYTES = 20 * 1024 * 1024

# The first bytes of each allowed kind of file: the browser's content type and the name can lie.
SIGNATURES: dict[str, tuple[bytes, str]] = {
    "pdf": (b"%PDF-", "application/pdf"),
    "jpg": (b"\xff\xd8\xff", "image/jpeg"),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
}
EXTENSIONS = {"pdf": "pdf", "jpg": "jpg", "jpeg": "jpg", "png": "png"}
CONTENT_TYPES = {kind: content_type for kind, (_magic, content_type) in SIGNATURES.items()}


def kind_of(name: str) -> str | None:
    """The kind of file ("pdf", "jpg", "png") its name says, or None."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return EXTENSIONS.get(extension)


def validate_scan(upload: UploadedFile) -> str:
    """Raise a clear ValidationError unless `upload` is a PDF, JPEG or PNG of at most 20 MB; return its kind."""
    if upload.size is not None and upload.size > MAX_SCAN_BYTES:
        raise forms.ValidationError(
            _("The file is %(size)s. Choose a file of 20 MB or less."), params={"size": filesizeformat(upload.size)}
        )
    kind = kind_of(upload.name or "")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if kind is None or not head.startswith(SIGNATURES[kind][0]):
        raise forms.ValidationError(_("The scan must be a PDF, JPEG or PNG file."))
    return kind


def anonymous_name(kind: str) -> str:
    """A random file name: the uploader's name for the file may contain the person's name."""
    return f"{uuid.uuid4().hex}.{kind}"
