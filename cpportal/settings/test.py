"""pytest: real PostgreSQL and Redis (make test), fast hashing, mail kept in memory."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cpportal")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")

from .base import *  # noqa: E402, F403
from .base import BASE_DIR, LOGGING, env  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-private"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run eagerly unless a test starts a real worker; the broker is still the real
# Redis, so the health check and the worker tests talk to it.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
ACCOUNT_RATE_LIMITS = False
# A cache key prefix of its own per test process: rate limits, lockouts and used
# one-time codes never leak between runs or between parallel workers.
CACHES["default"]["KEY_PREFIX"] = f"test-{os.getpid()}"  # noqa: F405
# pytest collects log records itself; a console handler would hold a stream that
# pytest's capture has since closed.
LOGGING["handlers"]["console"] = {"class": "logging.NullHandler"}
# Off: rolled-back test data would linger in cached pages (tests/bench turns it on).
PUBLIC_PAGE_CACHE_SECONDS = 0
# Off for the same reason: a test's writes are never committed, so they never move the
# generation (tests/core/test_private_page_cache.py turns it on, with real commits).
PRIVATE_PAGE_CACHE_SECONDS = 0
