"""Send public reads to a read replica; writes, the admin, and readers who just wrote, to the
primary. Active when DATABASE_REPLICA_URL is set (settings/base.py); see docs/operations.md.

A replica lags the primary by a moment, so the primary serves every read of a request that
may depend on a write: any request in the admin, any request that is not GET/HEAD, and a
reader's requests for a few seconds after one of theirs wrote (a cookie, `PrimaryAfterWrite`).
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_pinned: ContextVar[bool] = ContextVar("newsroom_pinned_to_primary", default=False)
PIN_COOKIE = "primary"
PIN_SECONDS = 10


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            return instance._state.db  # related objects come from where their parent did
        if _pinned.get() or REPLICA not in settings.DATABASES:
            return "default"
        return REPLICA

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two copies

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica follows the primary's schema


class PrimaryAfterWrite:
    """Middleware: pin a request to the primary when it writes, is in the admin, or comes
    within PIN_SECONDS of a write by the same browser."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        writes = request.method not in ("GET", "HEAD", "OPTIONS")
        pinned = writes or request.path.startswith("/admin/") or PIN_COOKIE in request.COOKIES
        token = _pinned.set(pinned)
        try:
            response = self.get_response(request)
        finally:
            _pinned.reset(token)
        if writes:
            response.set_cookie(PIN_COOKIE, "1", max_age=PIN_SECONDS, httponly=True,
                                samesite="Lax", secure=request.is_secure())  # fmt: skip
        return response
