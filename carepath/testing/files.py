"""Small files for upload tests: bytes that are what their name claims, and uploads made of them."""

from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n%test consent\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
GIF = b"GIF89a" + b"\x00" * 32
WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 32
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 32
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 32


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    """A file as the browser sends it."""
    return SimpleUploadedFile(name, content, content_type=content_type)


def scan(
    name: str = "scan of Maria Silva.pdf", content: bytes = PDF, content_type: str = "application/pdf"
) -> SimpleUploadedFile:
    """A scanned paper, a PDF unless told otherwise."""
    return upload(name, content, content_type)
