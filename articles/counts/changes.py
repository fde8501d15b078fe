"""Saying that the public catalogue changed: the generation raised after the commit, the
database's change log stamped with it (its rows are written by triggers, migrations/_database.py),
"anything may have changed" logged once for a bulk write."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connections, transaction
from django.db.models import F

from ..models import CatalogueChange, CatalogueState
from .state import CHANNEL

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
