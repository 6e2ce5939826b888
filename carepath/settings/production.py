"""Production settings: PostgreSQL, HTTPS, secrets from the environment only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("CAREPATH_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set CAREPATH_SECRET_KEY to a random string of 50 characters or more.")

# No development default: without the variable, support records are kept but not encoded or matched.
CAREPATH_LINKAGE_SECRET = os.environ.get("CAREPATH_LINKAGE_SECRET", "")
if CAREPATH_LINKAGE_SECRET.strip().lower() == DEVELOPMENT_LINKAGE_SECRET:  # noqa: F405
    raise ImproperlyConfigured("CAREPATH_LINKAGE_SECRET is the public development value: set the network's own.")

# Mail (one-time password links) goes to the SMTP server set by CAREPATH_EMAIL_*, never the console.
EMAIL_BACKEND = os.environ.get("CAREPATH_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

STATIC_ROOT = DATA_DIR / "static"  # noqa: F405
WHITENOISE_USE_FINDERS = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("CAREPATH_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("CAREPATH_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
