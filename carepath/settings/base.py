"""Settings for the embedded mode (SQLite). Everything is read from the environment.

PostgreSQL is selected with DATABASE_URL; production.py hardens this for deployment.
"""

import datetime
import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from carepath.settings.oidc import oidc_settings

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
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
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
    "carepath.meetings",
    "carepath.audit",
    "carepath.access",
    "carepath.dashboard",
    "carepath.portal",
    "carepath.learning",
    "carepath.practices",
    "carepath.pilots",
    "carepath.reminders",
    "carepath.reports",
    "carepath.privacy",
    "carepath.api",
    "carepath.fhir",
    "carepath.directory",
    "carepath.imports",
    "carepath.support",
    "carepath.offline",
    "carepath.demo",
]

MIDDLEWARE = [
    # First, so that every query of the request knows whether it must read from the primary
    # (inert without a read replica; see carepath/core/db_routers.py).
    "carepath.core.db_pinning.PinToPrimaryMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "carepath.accounts.idle_sessions.IdleSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "carepath.core.middleware.LoginRequiredMiddleware",
    "carepath.portal.middleware.PortalSeparationMiddleware",
    "carepath.core.middleware.TwoFactorRequiredMiddleware",
    "carepath.offline.middleware.WipeOnLogoutMiddleware",
    # django-axes turns a refused login into the lockout page; it must come last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "carepath.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # `{% url %}` with ids joins the view's fixed parts instead of resolving (issue 6).
            "builtins": ["carepath.core.url_templates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
    # The few partials that repeat most on a page (decision 0019), in <app>/jinja2/.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {"environment": "carepath.core.jinja.environment"},
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
# A read replica of the PostgreSQL primary: reads go there, writes and the reads that must see them
# go to the primary (carepath/core/db_routers.py, docs/scaling.md). Without it there is no router.
DATABASE_ROUTERS: list[str] = []
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CAREPATH_DB_CONN_MAX_AGE", "60")),
    )
    DATABASE_ROUTERS = ["carepath.core.db_routers.ReplicaRouter"]
# Server-side prepared statements (PostgreSQL only): a statement run this many times on a
# connection is prepared, so PostgreSQL plans it once per connection instead of on every request
# (a fifth of the case page at a million citizens, docs/performance.md). On by default; "off" for a
# connection pooler that cannot keep them (PgBouncer in transaction mode before 1.21: docs/scaling.md).
_prepare_threshold = os.environ.get("CAREPATH_DB_PREPARE_THRESHOLD", "2").strip().lower()
if _prepare_threshold != "off":
    if not _prepare_threshold.isdigit():
        raise ImproperlyConfigured("CAREPATH_DB_PREPARE_THRESHOLD is a whole number of runs, or off.")
    for database in DATABASES.values():
        if database["ENGINE"].endswith("postgresql"):
            # Beside what DATABASE_URL's query string set (sslmode, for instance).
            database.setdefault("OPTIONS", {}).update(
                {"server_side_binding": True, "prepare_threshold": int(_prepare_threshold)}
            )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "login"

# Argon2 for new and changed passwords; PBKDF2 stays so older hashes still verify (and are
# rehashed with Argon2 at the next successful login).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

# django-axes first: it refuses a locked-out user name + address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The languages of the seeds' countries. Each is shown to the user in its own name (the switcher).
LANGUAGES = [
    ("en", _("English")),
    ("da", _("Danish")),
    ("lt", _("Lithuanian")),
    ("pt", _("Portuguese")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("bg", _("Bulgarian")),
]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
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
# Idle timeout: a request pushes the session's end forward (at most once per
# CAREPATH_SESSION_REFRESH_SECONDS, see carepath/accounts/idle_sessions.py), so it ends after this
# much inactivity (the database refuses an expired session at once), and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("CAREPATH_SESSION_IDLE_SECONDS", "1800"))
CAREPATH_SESSION_REFRESH_SECONDS = int(os.environ.get("CAREPATH_SESSION_REFRESH_SECONDS", "60"))

# A practice in the library shows its outcome figures only when at least this many cases apply it,
# so that nobody can be recognised behind a figure (carepath/practices/outcomes.py).
CAREPATH_PRACTICE_MIN_CASES = int(os.environ.get("CAREPATH_PRACTICE_MIN_CASES", "5"))

# `carepath remind` reminds of deadlines and steps due within this many days (and of overdue ones);
# its e-mails link to pages under this address (carepath/reminders/).
CAREPATH_REMINDER_LEAD_DAYS = int(os.environ.get("CAREPATH_REMINDER_LEAD_DAYS", "2"))
# Home visits offline (issue 11, docs/offline.md): how many cases a device may take along, and how
# long the key of its encrypted copy lives before the copy can no longer be opened.
CAREPATH_OFFLINE_MAX_CASES = int(os.environ.get("CAREPATH_OFFLINE_MAX_CASES", "20"))
CAREPATH_OFFLINE_KEY_HOURS = int(os.environ.get("CAREPATH_OFFLINE_KEY_HOURS", "72"))
CAREPATH_SITE_URL = os.environ.get("CAREPATH_SITE_URL", "http://localhost:8000")

# The secret the institutions of a support network share to encode names locally (hex, at least 16
# bytes; docs/privacy-linkage.md); a matcher must never hold it. Empty: records are kept, not encoded.
# The default, hex of "insecure-development-only", is public and protects nothing: for the embedded
# mode and the demo only. production.py has no default and refuses this value.
DEVELOPMENT_LINKAGE_SECRET = "696e7365637572652d646576656c6f706d656e742d6f6e6c79"  # noqa: S105
CAREPATH_LINKAGE_SECRET = os.environ.get("CAREPATH_LINKAGE_SECRET", DEVELOPMENT_LINKAGE_SECRET)

SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Login throttling (django-axes): failures count per user name + address together, so one
# person mistyping cannot lock out a whole office behind the same proxy.
AXES_FAILURE_LIMIT = int(os.environ.get("CAREPATH_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("CAREPATH_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "carepath.accounts.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # successful logins are not kept: data minimisation
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "user_agent"]  # masked in log lines
# Behind a reverse proxy REMOTE_ADDR is the proxy's: name how many proxies add X-Forwarded-For.
CAREPATH_PROXY_COUNT = int(os.environ.get("CAREPATH_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "carepath.accounts.throttling.client_address"

# Two-step login (django-otp, TOTP). Wrong codes are throttled: 1, 2, 4, 8 ... seconds.
OTP_TOTP_ISSUER = os.environ.get("CAREPATH_TOTP_ISSUER", "Carepath")
OTP_TOTP_THROTTLE_FACTOR = 1

# National eID through OpenID Connect: on only when the CAREPATH_OIDC_* variables are set.
CAREPATH_OIDC: dict[str, Any] = {"name": "", "subject_claim": "sub", "acr_values": []}
_oidc = oidc_settings(os.environ)
globals().update(_oidc)
CAREPATH_OIDC_ENABLED = bool(_oidc)
if CAREPATH_OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("carepath.accounts.oidc.EidBackend")

# Security headers. The Content-Security-Policy allows no inline script or style: every
# script and style sheet is a file under /static/ (see docs/decisions/0007-authentication-and-headers.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Mail carries one-time password links. The embedded mode prints mail to the console; a deployment
# sets an SMTP server (production.py sends by SMTP unless told otherwise).
EMAIL_BACKEND = os.environ.get("CAREPATH_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("CAREPATH_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("CAREPATH_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("CAREPATH_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("CAREPATH_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("CAREPATH_EMAIL_TLS", "1") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("CAREPATH_EMAIL_FROM", "carepath@localhost")

DEFAULT_EXCEPTION_REPORTER_FILTER = "carepath.core.reporting.NoPersonalDataFilter"

# Logs carry ids and actions only, never names or free text: see docs/ARCHITECTURE.md.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CAREPATH_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
