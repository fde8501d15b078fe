"""Settings shared by every environment; what differs per machine comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_countries",
    "django_filters",
    "simple_history",
    "import_export",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "articles.middleware.DatabaseUnavailableMiddleware",
    "newsroom.routers.PrimaryAfterWrite",  # decides primary or replica before anything reads
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # counts failures and refuses locked-out logins
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", 0.25))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", 0))

# A strict Content-Security-Policy on every page, the admin included: nothing inline, nothing
# from another host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The project's own overrides of other apps' templates (the admin's frame).
        "DIRS": [BASE_DIR / "newsroom" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

# SQLite file by default so that a first `make run` needs nothing else; PostgreSQL via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"].get("ENGINE") == "django.db.backends.postgresql":
    # Search bitmaps of a common word stay exact (not lossy, which re-reads every document).
    # The search GIN indexes' pending lists stay short (every search reads them whole); bulk
    # index runs raise the limit for their own transactions (articles.search.index).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c work_mem={os.environ.get('DB_WORK_MEM', '32MB')} -c gin_pending_list_limit=256kB"
    )
# Processes that analyse documents beside the one writing them, in big search-index runs
# (imports, reindex); unset: one fewer than the machine's cores; 0: analyse in the writer.
SEARCH_INDEX_WORKERS = (
    int(os.environ["SEARCH_INDEX_WORKERS"]) if os.environ.get("SEARCH_INDEX_WORKERS") else None
)
# Read replicas: public reads go to DATABASE_REPLICA_URL when it is set (newsroom/routers.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    DATABASE_ROUTERS = ["newsroom.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The public listing index covers extra columns on PostgreSQL (INCLUDE); SQLite, which cannot,
# builds it on its key columns alone — as intended, so Django's warning about it is silenced.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# One cache per process by default; REDIS_URL shares one between app servers (Django's own
# Redis backend). Cached counts stay exact either way (articles/counts/).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
NEWSROOM_COUNTS_CACHE_SECONDS = int(os.environ.get("NEWSROOM_COUNTS_CACHE_SECONDS", 3600))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("th", _("Thai")),
    ("vi", _("Vietnamese")),
]
LOCALE_PATHS = [BASE_DIR / "articles" / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Bangkok")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Development and tests serve static files straight from the apps; production collects them
# into STATIC_ROOT (prod.py) and WhiteNoise serves the hashed, compressed copies.
WHITENOISE_USE_FINDERS = True

# Uploads waiting between an import's preview and its confirmation (articles/staging.py): a
# folder every app server sees (STAGING_DIR, shared storage) or, in STORAGES, an object store.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "staging": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("STAGING_DIR", str(BASE_DIR / "var" / "staged-uploads"))
        },
    },
}
NEWSROOM_STAGED_UPLOAD_HOURS = int(os.environ.get("NEWSROOM_STAGED_UPLOAD_HOURS", "6"))

# Raw article uploads (files, folders, zips) larger than this are refused with a clear message.
NEWSROOM_MAX_IMPORT_FILE_BYTES = int(
    os.environ.get("NEWSROOM_MAX_IMPORT_FILE_BYTES", 2 * 1024 * 1024)
)
# A zip may hold at most this many files and unpack to at most this many bytes (zip bombs).
NEWSROOM_MAX_ZIP_MEMBERS = int(os.environ.get("NEWSROOM_MAX_ZIP_MEMBERS", 5000))
NEWSROOM_MAX_ZIP_TOTAL_BYTES = int(
    os.environ.get("NEWSROOM_MAX_ZIP_TOTAL_BYTES", 200 * 1024 * 1024)
)
# Catalogue spreadsheets (CSV/XLSX) larger than this are refused; the CLI can raise it per run.
NEWSROOM_MAX_SPREADSHEET_BYTES = int(
    os.environ.get("NEWSROOM_MAX_SPREADSHEET_BYTES", 50 * 1024 * 1024)
)
# Where readers report an error in an article.
NEWSROOM_CORRECTIONS_EMAIL = os.environ.get("NEWSROOM_CORRECTIONS_EMAIL", "desk@example.org")

# Whether `createlocaladmin` may run: only the dev settings switch it on.
NEWSROOM_LOCAL_ADMIN = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
