"""Settings for the embedded mode (SQLite). Everything is read from the environment.

PostgreSQL is selected with DATABASE_URL; production.py hardens this for deployment.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("CAREPATH_DATA_DIR", BASE_DIR.parent / "var"))

# The embedded mode is for a laptop; production.py refuses to start without a real key.
SECRET_KEY = os.environ.get("CAREPATH_SECRET_KEY", "insecure-embedded-mode-only")
DEBUG = os.environ.get("CAREPATH_DEBUG", "1") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("CAREPATH_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "carepath.core",
    "carepath.accounts",
    "carepath.organisations",
    "carepath.people",
    "carepath.cases",
    "carepath.consents",
    "carepath.assessments",
    "carepath.goals",
    "carepath.agreements",
    "carepath.referrals",
    "carepath.plans",
    "carepath.notes",
    "carepath.evaluations",
    "carepath.audit",
    "carepath.access",
    "carepath.dashboard",
    "carepath.portal",
    "carepath.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "carepath.core.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "carepath.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "carepath.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'carepath.sqlite3'}"),
        conn_max_age=int(os.environ.get("CAREPATH_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Many readers, one writer: WAL keeps pages fast while someone saves.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["carepath.formats"]
TIME_ZONE = os.environ.get("CAREPATH_TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]  # built by `npm run build` (see Makefile)
# Embedded mode serves static files straight from the apps (WhiteNoise finders);
# production.py collects them into STATIC_ROOT.
STATIC_ROOT: Path | None = None
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "media/"
# Uploads (scanned consents, pictures for steps) are personal data: served only through
# access-checked views, never from MEDIA_URL directly.
MEDIA_ROOT = Path(os.environ.get("CAREPATH_MEDIA_ROOT", DATA_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("CAREPATH_SESSION_SECONDS", str(8 * 3600)))
X_FRAME_OPTIONS = "DENY"

DEFAULT_EXCEPTION_REPORTER_FILTER = "carepath.core.reporting.NoPersonalDataFilter"

# Logs carry ids and actions only, never names or free text: see docs/ARCHITECTURE.md.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CAREPATH_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
