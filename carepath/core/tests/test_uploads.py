import pytest
from django.forms import ValidationError

from carepath.core import uploads
from carepath.testing.files import GIF, JPEG, MP4, PNG, WEBM, WEBP, upload


@pytest.mark.parametrize(
    ("kind", "name", "content"),
    [
        ("image", "photo.jpg", JPEG),
        ("image", "photo.JPEG", JPEG),
        ("image", "photo.png", PNG),
        ("image", "photo.gif", GIF),
        ("image", "photo.webp", WEBP),
        ("video", "clip.mp4", MP4),
        ("video", "clip.webm", WEBM),
    ],
)
def test_allowed_files_pass(kind, name, content):
    uploads.check(kind, upload(name, content))


@pytest.mark.parametrize(
    ("kind", "name", "content", "message"),
    [
        ("image", "photo.bmp", PNG, "must be one of: GIF, JPEG, JPG, PNG, WEBP"),
        ("image", "clip.mp4", MP4, "must be one of"),
        ("video", "photo.png", PNG, "must be one of: MP4, WEBM"),
        ("image", "photo.png", b"<script>alert(1)</script>", "not a real PNG file"),
        ("image", "photo.jpg", PNG, "not a real JPG file"),
        ("video", "clip.webm", MP4, "not a real WEBM file"),
    ],
)
def test_wrong_files_are_refused_with_a_clear_message(kind, name, content, message):
    with pytest.raises(ValidationError, match=message):
        uploads.check(kind, upload(name, content))


def test_files_over_20_mb_are_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_BYTES", 10)
    with pytest.raises(ValidationError, match="20 MB or smaller"):
        uploads.check("image", upload("photo.png", PNG))


def test_served_content_type_follows_the_checked_extension():
    assert uploads.content_type("steps/2026/abc.webm") == "video/webm"
    assert uploads.content_type("steps/2026/abc.JPG") == "image/jpeg"
    assert uploads.content_type("steps/2026/abc.html") == "application/octet-stream"
