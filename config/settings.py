"""Settings for Thi đua CCHC, read from environment variables (see README and .env.example).

Development defaults are used only with DEBUG on; with DEBUG off (the default) the
app refuses to start on the development secret key or an empty ALLOWED_HOSTS, and
every security setting is on unless its own variable turns it off.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-only-secret-key-do-not-use-in-production"  # noqa: S105

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])

if not DEBUG:
    if SECRET_KEY == DEV_SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "rules",
    "core.security.apps.AxesConfig",  # django-axes, named in Vietnamese
    "core",
    "units",
    "criteria",
    "documents",
    "emulation",
    "awards",
]

MIDDLEWARE = [
    "core.proxy.ProxyClientAddressMiddleware",  # REMOTE_ADDR = the client's, behind TRUSTED_PROXIES (DEPLOY.md)
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.security.middleware.IdleSessionMiddleware",
    "core.security.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked sign-in into the login page saying so
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "core.context_processors.portal",
                "units.context_processors.people",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# A kept connection is checked before a request reuses it, so the first request after PostgreSQL restarts succeeds.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "core.security.lockout.LockoutBackend",  # first: refuses a locked user name at its address
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "login"

# Locked doors (core/security). django-axes: a user name is locked at one client address (a whole office shares
# one address: a colleague's typos never lock another) after AXES_FAILURE_LIMIT failed sign-ins in a row, for
# AXES_COOLOFF_MINUTES; an admin lifts it in Quản trị → Khóa đăng nhập.
AXES_FAILURE_LIMIT = min(max(env.int("AXES_FAILURE_LIMIT", default=5), 3), 20)
AXES_COOLOFF_TIME = timedelta(minutes=min(max(env.int("AXES_COOLOFF_MINUTES", default=15), 1), 24 * 60))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.security.lockout.lockout_response"
AXES_USERNAME_CALLABLE = "core.security.lockout.client_username"
AXES_ENABLE_ADMIN = False  # core/security/admin.py shows the locks in Vietnamese
AXES_DISABLE_ACCESS_LOG = True  # only failures are kept
AXES_VERBOSE = False
# A signed-in session ends after SESSION_IDLE_MINUTES without a request (core.security.middleware).
SESSION_IDLE_SECONDS = 60 * min(max(env.int("SESSION_IDLE_MINUTES", default=30), 5), 8 * 60)

# Vietnamese UI; dates as dd/mm/yyyy (config/formats/vi/formats.py).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# The project's own catalogue completes Django's Vietnamese one (admin, widgets, forms); see locale/.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="thidua@localhost")
# Password resets (core.security.reset): an admin issues one-time links, valid PASSWORD_RESET_DAYS; where e-mail is
# configured (an SMTP host in EMAIL_URL), "Quên mật khẩu" also sends the link by e-mail.
PASSWORD_RESET_TIMEOUT = 86_400 * min(max(env.int("PASSWORD_RESET_DAYS", default=3), 1), 14)
PASSWORD_RESET_BY_EMAIL = env.bool("PASSWORD_RESET_BY_EMAIL", default=bool(EMAIL_CONFIG.get("EMAIL_HOST")))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: without REDIS_URL, tasks run in-process (eager) so a fresh machine needs no broker.
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# PDFs render on their own queue, so a batch of certificates never holds up a score recompute; its worker
# (`make worker-documents`) takes one task at a time and is recycled after a number of renders (README).
CELERY_TASK_ROUTES = {"documents.tasks.*": {"queue": "documents"}}
CELERY_BEAT_SCHEDULE: dict = {
    # Daily, in CELERY_TIMEZONE: remind units three days before a deadline; list late units the day after.
    "remind-reports-due-soon": {"task": "emulation.tasks.remind_due_soon", "schedule": crontab(hour=7, minute=0)},
    "list-late-report-units": {"task": "emulation.tasks.report_late_units", "schedule": crontab(hour=7, minute=5)},
    # Nightly: recompute every stored score of the active campaigns.
    "recompute-scores-nightly": {
        "task": "emulation.tasks.recompute_all_scores",
        "schedule": crontab(hour=1, minute=30),
    },
    # Every minute: send what could not reach the broker when it was asked for (core.queue).
    "send-pending-tasks": {"task": "core.tasks.pending_tasks_send", "schedule": 60.0},
}
# A request never waits on the broker: publishing fails in seconds, without retries, and the
# outbox (core.queue) keeps the work for the sweep above.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5, "max_retries": 0}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
CELERY_REDIS_SOCKET_TIMEOUT = 5
CELERY_RESULT_BACKEND_ALWAYS_RETRY = False
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"timeout": 2.0, "max_retries": 0}}

# Security: on whenever DEBUG is off, each relaxed only by its own variable.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_REFERRER_POLICY = env.str("SECURE_REFERRER_POLICY", default="same-origin")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The reverse proxies (addresses or networks, "unix" for a Unix socket) whose X-Real-IP is the client's (core.proxy).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint reports each step of every render at INFO; its warnings (a missing glyph, a refused URL) stay.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}, "axes": {"level": "WARNING"}},  # axes: locks only
}

# The portal's own settings.
PORTAL_NAME = "Thi đua CCHC"
# Official documents (documents/): the Liberation Serif files (Debian's fonts-liberation2), the only font embedded.
DOCUMENT_FONT_DIR = env.path("DOCUMENT_FONT_DIR", default="/usr/share/fonts/truetype/liberation2")
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")  # links in e-mails and QR codes
# The public verification pages /xac-minh/ (documents.verification): requests a minute per client address, counted
# in the cache (CACHE_URL: with several processes use a shared one, e.g. redis://127.0.0.1:6379/1).
VERIFICATION_RATE_PER_MINUTE = env.int("VERIFICATION_RATE_PER_MINUTE", default=30)
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Signing official documents (documents.signing, docs/SIGNING.md): a PKCS#12 file and its password; unset, unsigned.
DOCUMENT_SIGNING_P12 = env.str("DOCUMENT_SIGNING_P12", default="")
DOCUMENT_SIGNING_PASSWORD = env.str("DOCUMENT_SIGNING_PASSWORD", default="")
DEMO_PASSWORD = "thidua2026"  # noqa: S105 - only used by seed_demo, which refuses with DEBUG off
