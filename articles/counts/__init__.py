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

Modules, each with one job: `state` (the generation, read once a request, held between
announcements on PostgreSQL; `cached` and `cached_here` keyed by it), `changes` (saying the
catalogue changed: `changed`, `log_everything`, `bump`), `facet_index` (the in-memory facet
index the listings count from, kept up to date from the change log). What the rest of the app
uses is imported here.
"""

from .changes import bump, changed, log_everything
from .facet_index import cooperation, listing_counts, warm_in_background
from .state import cached, cached_here, forget_here, generation, listen, vocabulary_version

__all__ = [
    "bump",
    "cached",
    "cached_here",
    "changed",
    "cooperation",
    "forget_here",
    "generation",
    "listen",
    "listing_counts",
    "log_everything",
    "vocabulary_version",
    "warm_in_background",
]
