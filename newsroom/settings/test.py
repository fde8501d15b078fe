"""Settings for the test suite: fast hashing, an in-memory cache, no real mail."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# A second alias, for the read-replica router's tests (tests/test_scale.py); no router by default.
# Its test database is created only for the tests that ask for it.
DATABASES["replica"] = {  # noqa: F405
    **DATABASES["default"],  # noqa: F405
    "TEST": {
        "NAME": f"test_{DATABASES['default']['NAME']}_replica"  # noqa: F405
        if DATABASES["default"]["ENGINE"].endswith("postgresql")  # noqa: F405
        else None
    },
}
DATABASE_ROUTERS = []

# Staged uploads in a folder of this test process's own (each pytest-xdist worker has one).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staging": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": __import__("tempfile").mkdtemp(prefix="newsroom-staging-")},
    },
}
