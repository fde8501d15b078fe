"""Counts readers see — listing totals and facet counts, the cooperation overview — cached, and
exact.

At a million articles these counts are GROUP BYs over millions of tag rows (seconds), so each
result is cached under the *catalogue generation*, a key that changes whenever what readers can
see may have changed. It has two parts, read together in one small query per request:

- `CatalogueState.generation`, raised *after the commit* of every write that can change the
  public catalogue (article saves and deletes, tag changes, renamed or deleted vocabulary,
  imports). After, not before: a reader who still sees the old number may cache new data under
  it (harmless, the number is already stale), but nobody can cache old data under the new one.
- the publication time of the newest visible article, which moves with no write at all when a
  scheduled article comes due.

What changed is logged by the database itself: triggers on the article and tag tables write
`CatalogueChange` rows in the writing transaction (migrations/_database.py), so no write
path can forget.
Writes made through the ORM raise the generation through `articles.signals`, bulk writers
(imports) call `changed()`; a write made behind Django's back (SQL in psql) raises none, but its
logged rows, committed and not yet stamped, are part of the key (and announced to listening
processes), so cached counts move with it at once.

The cache is Django's: per process by default, shared between app servers with Redis
(`REDIS_URL`, docs/operations.md).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from threading import local
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connections, router, transaction
from django.db.backends.signals import connection_created
from django.db.models import F
from django.utils import timezone

from .models import Article, CatalogueChange, CatalogueState

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
    from . import facets, search

    _process.clear()
    facets.forget()
    search.reading.recent_bounds.clear()


# Past this many articles one change says "anything may have changed" (a rebuild is cheaper).
LOGGED_ARTICLES = 5_000
# Changes are kept this many generations; a facet index older than that is rebuilt.
KEPT_GENERATIONS = 1_000


def changed(
    using: str = "default", vocabulary: bool = False, articles: Iterable[int] | None = None
) -> None:
    """Note that the public catalogue may have changed: the generation rises once this
    transaction commits (at once outside one), however many writes it holds; with
    `vocabulary`, the vocabulary version too.

    The articles concerned are logged by the database's triggers as they are written
    (migrations/_database.py), whoever writes them; `articles` only says how many: None (any
    article may have changed, or a vocabulary change) or more than LOGGED_ARTICLES logs "anything"
    once instead, which the facet index reads as "rebuild"."""
    conn = connections[using]
    if vocabulary:
        conn.vocabulary_pending = True
    if not hasattr(conn, "catalogue_bump"):
        conn.catalogue_pending = False
        conn.catalogue_bump = lambda: bump(using)
    waiting = conn.catalogue_pending and any(
        entry[1] is conn.catalogue_bump for entry in conn.run_on_commit
    )  # (a rolled-back transaction took its callback with it)
    if not waiting:
        conn.catalogue_logged_all = False
    many = articles is not None and len(set(articles)) > LOGGED_ARTICLES
    if (vocabulary or articles is None or many) and not conn.catalogue_logged_all:
        log_everything(using)
    if not waiting:
        conn.catalogue_pending = True
        transaction.on_commit(conn.catalogue_bump, using=using)


def log_everything(using: str = "default") -> None:
    """Log "anything may have changed" in this transaction, and have the triggers stop logging
    article by article for the rest of it (a bulk import: one row, not one per tag)."""
    conn = connections[using]
    CatalogueChange.objects.using(using).create(article_id=None)
    if conn.vendor == "postgresql":  # SQLite's triggers see the row itself
        with conn.cursor() as cursor:
            cursor.execute("SELECT set_config('newsroom.catalogue_logged', 'all', true)")
    conn.catalogue_logged_all = conn.in_atomic_block


def bump(using: str = "default") -> None:
    """Raise the generation now (in its own short transaction: no lock is held for long) and
    stamp the changes committed so far with it.

    Raising takes the state row's lock, so generations commit in order: once a reader sees
    generation N, every change stamped N or lower is visible to it too."""
    conn = connections[using]
    conn.catalogue_pending = False
    raised = {"generation": F("generation") + 1}
    if getattr(conn, "vocabulary_pending", False):
        conn.vocabulary_pending = False
        raised["vocabulary"] = F("vocabulary") + 1
    states = CatalogueState.objects.using(using)
    changes = CatalogueChange.objects.using(using)
    with transaction.atomic(using=using):
        if not states.filter(pk=1).update(**raised):
            states.get_or_create(pk=1, defaults={"generation": 1, "vocabulary": 1})
        number = states.values_list("generation", flat=True).get(pk=1)
        changes.filter(generation=None).update(generation=number)
        changes.filter(generation__lt=number - KEPT_GENERATIONS).delete()
        if conn.vendor == "postgresql":  # delivered to every listener once this commits
            with conn.cursor() as cursor:
                cursor.execute(f"NOTIFY {CHANNEL}")
                # What is written from here on is logged again (as after a commit; it matters
                # only where the caller's transaction goes on, as in tests).
                cursor.execute("SELECT set_config('newsroom.catalogue_logged', '', true)")
        conn.catalogue_logged_all = False
