"""What an uploaded file may be: checked by name, size and the file's own first bytes.

Uploads (consent scans, pictures and videos for steps) are personal data. The browser's declared
content type is not trusted; the first bytes say what the file really is, so a renamed script is
refused and what is served later has the type it claims. Stored names are random: the name a
person gave the file may contain their name.
"""

import uuid
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.forms import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 20 * 1024 * 1024

FORMATS: dict[str, dict[str, str]] = {
    "scan": {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"},
    "image": {
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".png": "image/png",
        ".webp": "image/webp",
        ".gif": "image/gif",
    },
    "video": {".mp4": "video/mp4", ".webm": "video/webm"},
}
CONTENT_TYPES = {ext: ctype for formats in FORMATS.values() for ext, ctype in formats.items()}


def sniff(head: bytes) -> str | None:
    """The content type the first bytes of a file show, or None when not an allowed format."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        return "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    return None


def extension(name: str) -> str:
    return PurePath(name).suffix.lower()


def content_type(name: str) -> str:
    """The type to serve a stored file with; its extension was checked on upload."""
    return CONTENT_TYPES.get(extension(name), "application/octet-stream")


def anonymous_name(upload_name: str) -> str:
    """A random file name keeping only the (checked) extension."""
    return f"{uuid.uuid4().hex}{extension(upload_name)}"


def check(kind: str, upload: UploadedFile) -> None:
    """Raise a ValidationError the user understands when `upload` is not an allowed `kind` of file."""
    allowed = FORMATS[kind]
    names = ", ".join(sorted({ext.lstrip(".").upper() for ext in allowed}))
    expected = allowed.get(extension(upload.name or ""))
    if expected is None:
        raise ValidationError(_("The file must be one of: %(names)s.") % {"names": names})
    if (upload.size or 0) > MAX_BYTES:
        raise ValidationError(_("The file must be 20 MB or smaller."))
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if sniff(head) != expected:
        raise ValidationError(
            _("The file is not a real %(kind)s file. Choose a file of type: %(names)s.")
            % {"kind": extension(upload.name or "").lstrip(".").upper(), "names": names}
        )
