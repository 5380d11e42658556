"""Credence settings, read from the environment.

Business settings (objectives, calendars, targets) are not here: they live
in the database and leads edit them in the product.
"""

from pathlib import Path

from credence.env import (
    env_bool,
    env_database,
    env_int,
    env_list,
    env_str,
    env_time_zone,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("CREDENCE_DEBUG", False)
SECRET_KEY = env_str("CREDENCE_SECRET_KEY", "")
if not SECRET_KEY:
    # A random key per process would sign out every worker on restart and
    # break sessions across web processes, so an unset key falls back to a
    # fixed development key that must never reach production.
    SECRET_KEY = "credence-development-key-not-for-production"
ALLOWED_HOSTS = env_list("CREDENCE_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CREDENCE_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "credence.workers",
    "credence.slo",
    "credence.tickets",
    "credence.portal",
    "credence.desk",
    "credence.metrics",
    "credence.review",
    "credence.imports",
    "credence.demo",
    "credence.notify",
    "credence.publish",
    "credence.directory",
    "credence.knowledge",
    "credence.catalog",
    "credence.assistant",
    "credence.selfservice",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "credence.portal.middleware.HtmxSignInMiddleware",
    "credence.errors.DomainErrorMiddleware",
]

ROOT_URLCONF = "credence.urls"
CSRF_FAILURE_VIEW = "credence.portal.csrf.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "credence" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "credence.workers.context.roles",
            ],
        },
    },
]

WSGI_APPLICATION = "credence.wsgi.application"

DATABASES = {
    "default": env_database(
        "DATABASE_URL",
        f"sqlite:///{BASE_DIR / 'credence.sqlite3'}",
        conn_max_age=env_int("CREDENCE_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the background worker writes;
    # IMMEDIATE transactions take the write lock up front, so two writers
    # queue on busy_timeout instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
        ),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "workers.Worker"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
USE_I18N = True
USE_TZ = True
# The installation's own zone: its default business calendar and how
# instants are shown. Each worker may choose their own zone for display.
TIME_ZONE = env_time_zone("CREDENCE_TIME_ZONE", "UTC")

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "credence" / "static"]
# Static files are served by the web process itself (WhiteNoise), so one
# command runs everything; without a collected folder it serves from the
# apps directly.
WHITENOISE_USE_FINDERS = True

REDIS_URL = env_str("REDIS_URL", "")

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
    }
}
if REDIS_URL:
    # Background work moves to Redis-backed workers, any number of them:
    # `credence rqworker default --job-class django_tasks_rq.Job`.
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }

EMAIL_BACKEND = env_str(
    "CREDENCE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("CREDENCE_EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = env_int("CREDENCE_EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("CREDENCE_FROM_EMAIL", "credence@localhost")

# The public address of this installation, for links in mail.
CREDENCE_BASE_URL = env_str("CREDENCE_BASE_URL", "http://127.0.0.1:8000")

# The assistant's language model: the base URL of an OpenAI-compatible API
# and the model's name. Unset, the assistant answers extractively from the
# articles alone. The key comes from the environment or from a file.
CREDENCE_LLM_URL = env_str("CREDENCE_LLM_URL", "")
CREDENCE_LLM_MODEL = env_str("CREDENCE_LLM_MODEL", "")
CREDENCE_LLM_API_KEY = env_str("CREDENCE_LLM_API_KEY", "")
CREDENCE_LLM_API_KEY_FILE = env_str("CREDENCE_LLM_API_KEY_FILE", "")
CREDENCE_LLM_TIMEOUT = env_int("CREDENCE_LLM_TIMEOUT", 20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "credence": {
            "handlers": ["console"],
            "level": env_str("CREDENCE_LOG_LEVEL", "INFO"),
        }
    },
}
