"""The catalogue state: the generation that keys every cached count, read once a request (and,
on PostgreSQL, held between announcements of a change), and the caches keyed by it."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from threading import local
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connections, router
from django.db.backends.signals import connection_created
from django.utils import timezone

from ..models import Article, CatalogueChange, CatalogueState

T = TypeVar("T")


# Inside a request the generation is read once (a listing asks for it for its vocabulary, its
# counts and its total); outside one, every call reads it afresh.
_request = local()


def _request_started(**kwargs) -> None:
    _request.generations = {}


def _request_finished(**kwargs) -> None:
    _request.generations = None


request_started.connect(_request_started, dispatch_uid="aggregates.request_started")
request_finished.connect(_request_finished, dispatch_uid="aggregates.request_finished")


def generation(using: str | None = None) -> str | None:
    """The current catalogue generation as a cache-key part (None: no state row to trust)."""
    return _state(using)[0]


def vocabulary_version(using: str | None = None) -> int | None:
    """Raised whenever the vocabulary changes (None: no state row to trust)."""
    return _state(using)[1]


def generation_number(using: str | None = None) -> int | None:
    """The counter part of the generation (what `CatalogueChange.generation` is stamped with)."""
    return _state(using)[2]


def _state(using: str | None) -> tuple:
    using = using or router.db_for_read(Article)
    memo = getattr(_request, "generations", None)
    if memo is None:
        return _read_state(using)
    if using not in memo:
        memo[using] = _read_state(using)
    return memo[using]


def _read_state(using: str) -> tuple:
    connection = connections[using]
    now = timezone.now()
    held = getattr(connection, "catalogue_held", None)
    if held is not None and _still_holds(connection, held[1], now):
        return held[0]
    connection.catalogue_held = None
    if getattr(connection, "catalogue_listening", False):
        _announced(connection)  # what they announce, the query below reads
    quote = connection.ops.quote_name
    article = quote(Article._meta.db_table)
    log = quote(CatalogueChange._meta.db_table)
    sql = (
        f"SELECT s.generation, s.vocabulary,"
        # Changes committed and not stamped yet (a write that raised no generation: SQL in
        # psql): the key moves with them, at once.
        f" (SELECT MAX(c.id) FROM {log} c WHERE c.generation IS NULL),"
        f" (SELECT MAX(a.published_at) FROM {article} a"
        f" WHERE {Article.public_sql('a', due='by')}),"
        f" (SELECT MIN(a.published_at) FROM {article} a"
        f" WHERE {Article.public_sql('a', due='after')})"
        f" FROM {quote(CatalogueState._meta.db_table)} s WHERE s.id = 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [now, now])
        row = cursor.fetchone()
    if row is None:
        return None, None, None
    number, vocabulary, unstamped, newest, due = row
    tail = f"+{unstamped}" if unstamped else ""
    if isinstance(newest, str):  # SQLite returns MAX() of a datetime column as text
        state = f"{number}{tail}.{newest.replace(' ', 'T')}", vocabulary, number
    else:
        state = f"{number}{tail}.{newest.isoformat() if newest else '-'}", vocabulary, number
    if getattr(connection, "catalogue_listening", False) and not connection.in_atomic_block:
        connection.catalogue_held = (state, due)
    return state


# --- Knowing the generation without asking ------------------------------------------------
#
# On a persistent PostgreSQL connection (DB_CONN_MAX_AGE > 0) to the primary, each process
# LISTENs on CHANNEL and `bump()` NOTIFYs it in the transaction that raises the generation, so
# PostgreSQL delivers the notice when the new generation is committed. Until a notice arrives,
# or the next scheduled article's time comes, the state read last still holds: a cached page
# costs no database round trip (reading pending notices is a look at the socket). Anything
# else (SQLite, a replica, which relays no notices, a connection per request, a transaction
# in progress) reads the state each request.

CHANNEL = "newsroom_catalogue"


def _announced(connection) -> bool:
    """Were new generations announced since we last looked? (All pending notices are read.)"""
    try:
        return bool(list(connection.connection.notifies(timeout=0)))
    except Exception:  # a broken connection: read again (and fail there, as usual)
        return True


def _still_holds(connection, due, now) -> bool:
    if connection.in_atomic_block or connection.connection is None:
        return False
    return not _announced(connection) and (due is None or now < due)


def listen(sender, connection, **kwargs) -> None:
    """connection_created: listen for new generations where that can work (see above)."""
    connection.catalogue_held = None
    connection.catalogue_listening = False
    if (
        connection.vendor != "postgresql"
        or connection.alias != "default"  # a replica cannot LISTEN, nor is NOTIFY relayed
        or connection.settings_dict.get("CONN_MAX_AGE") == 0
        or not getattr(settings, "NEWSROOM_LISTEN_FOR_CHANGES", True)
    ):
        return
    with connection.cursor() as cursor:
        cursor.execute(f"LISTEN {CHANNEL}")
    connection.catalogue_listening = True


connection_created.connect(listen, dispatch_uid="aggregates.listen")


def cached(kind: str, params: object, compute: Callable[[], T], using: str | None = None) -> T:
    """`compute()`, or what it returned for the same `kind` and `params` in this generation."""
    current = generation(using)
    if current is None:
        return compute()
    digest = hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()
    key = f"newsroom:{kind}:{current}:{digest[:40]}"
    value = cache.get(key)
    if value is not None:
        return value
    # One request computes a missing value; the others asking for it meanwhile wait for it
    # (up to COMPUTE_WAIT seconds) instead of all computing it at once — after a publication
    # every reader of the home page would otherwise run its counts together.
    lock = f"{key}:computing"
    if not cache.add(lock, 1, COMPUTE_WAIT):
        deadline = time.monotonic() + COMPUTE_WAIT
        while time.monotonic() < deadline:
            time.sleep(0.05)
            value = cache.get(key)
            if value is not None:
                return value
            if cache.get(lock) is None:  # it failed (a 404, an error): try ourselves
                break
    try:
        value = compute()
        cache.set(key, value, settings.NEWSROOM_COUNTS_CACHE_SECONDS)
    finally:
        cache.delete(lock)
    return value


COMPUTE_WAIT = 15  # seconds a request waits for another's computation before doing its own


_process: dict[str, tuple[str, object]] = {}


def cached_here(kind: str, compute: Callable[[], T], using: str | None = None) -> T:
    """`compute()` of the vocabulary, kept in this process until the vocabulary changes: for
    values every request needs and that are slow to unpickle (its model instances)."""
    current = vocabulary_version(using)
    if current is None:
        return compute()
    held = _process.get(kind)
    if held is not None and held[0] == current:
        return held[1]
    value = compute()
    _process[kind] = (current, value)
    return value


def forget_here() -> None:
    """Drop what `cached_here`, the facet index and the search's recent bound hold (tests,
    whose rolled-back writes reuse generations)."""
    from .. import search
    from . import facet_index

    _process.clear()
    facet_index.forget()
    search.reading.recent_bounds.clear()
