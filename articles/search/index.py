"""Writing search documents: in bulk (`index_articles`, worker processes when there are many) and
after each committed save (`schedule`)."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.db import connections, transaction
from django.db.models import (
    F,
    QuerySet,
    Value,
)

from ..models import Article, SearchDocument
from .analysis import document_token_lists, document_values, segmenters, tsvector_literal

GIN_INDEXES = ("search_recent_document_gin", "search_recent_head_gin")  # PostgreSQL


def index_articles(
    ids: Iterable[int] | None = None,
    *,
    batch_size: int = 1000,
    progress: Callable[[int], None] | None = None,
    using: str = "default",
    workers: int | None = None,
) -> int:
    """(Re)write the search documents of these articles (all when None); return how many.

    Documents of articles that no longer exist go with them (foreign key cascade).
    """
    if ids is not None:
        ids = sorted(set(ids))
        chunks = [ids[i : i + batch_size] for i in range(0, len(ids), batch_size)]
        total = len(ids)
    else:
        queryset = Article.objects.using(using).order_by("pk")
        chunks, total = _id_chunks(queryset, batch_size), queryset.count()
    with Indexing(total=total, progress=progress, using=using, workers=workers) as indexing:
        for chunk in chunks:
            indexing.add(chunk)
        return indexing.finish()


PARALLEL_FROM = 4000  # articles; fewer are analysed in the calling process


class Indexing:
    """Search documents written while the caller goes on writing articles.

    `add(ids)` once those articles' rows are written (also inside the caller's transaction,
    which then sees them: a catalogue import's documents commit with its rows): their texts are
    read here as plain values (no model instances), analysed — in a worker process once there
    are many, so both cores work while the caller writes its next rows — and written here, on
    the caller's connection, as they come back, a few chunks behind at most so that memory
    stays flat; `finish()` writes the rest. PostgreSQL's tsvectors are made here, not by its
    parser. Leaving without `finish()` (an import that failed) stops the worker and writes
    nothing more. When the total is not known beforehand, the worker starts once the articles
    added reach PARALLEL_FROM.
    """

    def __init__(
        self,
        *,
        total: int | None = None,
        progress: Callable[[int], None] | None = None,
        using: str = "default",
        workers: int | None = None,
    ):
        self.using, self.progress, self.added = using, progress, 0
        self.vendor = connections[using].vendor
        self.reader = _DocumentReader(using)
        self.workers = _worker_count(workers, total)
        self.parallel_from = 0 if total is not None or workers is not None else PARALLEL_FROM
        self.bulk = _BulkWrites(self.vendor, using, many=(total or 0) >= PARALLEL_FROM)
        self.pool = None
        self.pending: deque = deque()

    def __enter__(self) -> Indexing:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def add(self, ids: list[int]) -> None:
        if not ids:
            return
        self.added += len(ids)
        self.bulk.many = self.bulk.many or self.added >= PARALLEL_FROM
        texts = self.reader.read(ids, self.vendor)
        if self.pool is None and self.workers and self.added >= self.parallel_from:
            segmenters()  # loaded before the fork: the workers share the dictionaries
            self.pool = multiprocessing.get_context("fork").Pool(self.workers)
        if self.pool is None:
            self.bulk.write(_analysed_chunk(texts), self.progress)
            return
        self.pending.append(self.pool.apply_async(_analysed_chunk, (texts,)))
        if len(self.pending) > self.workers:
            self.bulk.write(self.pending.popleft().get(), self.progress)

    def finish(self) -> int:
        while self.pending:
            self.bulk.write(self.pending.popleft().get(), self.progress)
        return self.bulk.finish()


def _worker_count(workers: int | None, total: int | None) -> int:
    """Analysing processes beside this one, which reads and writes: 0 analyses here too."""
    if workers is not None:
        return max(0, workers)
    if total is not None and total < PARALLEL_FROM:
        return 0
    configured = getattr(settings, "SEARCH_INDEX_WORKERS", None)
    return max(0, configured if configured is not None else (os.cpu_count() or 1) - 1)


class _DocumentReader:
    """The texts of a chunk of articles, read as plain rows: the articles with their outlet's
    name in one query, the names of all their tags in another."""

    FIELDS = ("pk", "headline", "headline_en", "summary", "summary_en", "body", "status",
              "published_at", "date",
              "source__name", "source__name_th", "source__name_vi")  # fmt: skip

    def __init__(self, using: str):
        self.using = using

    def _tag_names(self, chunk: list[int]) -> dict[int, list[str]]:
        parts = []
        for order, relation in enumerate(Article.TAG_RELATIONS):
            field = Article._meta.get_field(relation)
            article, tag = field.m2m_field_name(), field.m2m_reverse_field_name()
            has_acronym = any(f.name == "acronym" for f in field.related_model._meta.fields)
            parts.append(
                field.remote_field.through.objects.using(self.using)
                .filter(**{f"{article}__any_of": chunk})
                .annotate(
                    a=F(f"{article}_id"),
                    o=Value(order),
                    ac=F(f"{tag}__acronym") if has_acronym else Value(""),
                    en=F(f"{tag}__name_en"),
                    th=F(f"{tag}__name_th"),
                    vi=F(f"{tag}__name_vi"),
                )
                .values_list("a", "o", "ac", "en", "th", "vi")
            )
        names: dict[int, list[str]] = {pk: [] for pk in chunk}
        for article_id, _, *parts_of_name in sorted(parts[0].union(*parts[1:], all=True)):
            names[article_id].append(" ".join(p for p in parts_of_name if p))
        return names

    def read(self, chunk: list[int], vendor: str) -> tuple[str, list[tuple]]:
        tags = self._tag_names(chunk)
        rows = Article.objects.using(self.using).filter(pk__any_of=chunk).values_list(*self.FIELDS)
        inputs = []
        for row in rows.order_by("pk").iterator(chunk_size=len(chunk) or 1):
            pk, headline, headline_en, summary, summary_en, body, status, at, date = row[:9]
            # Everything else a reader might search for: summaries, the outlet's names (its
            # usual one, its Thai and Vietnamese ones), the tags' names, the body.
            outlet = " ".join(dict.fromkeys(name for name in row[9:] if name))
            rest = [summary, summary_en, outlet, *tags[pk], body]
            visible = Article.visible_from(status, at)
            inputs.append((pk, [headline, headline_en], rest, visible, date))
        return vendor, inputs


def _analysed_chunk(chunk: tuple[str, list[tuple]]) -> list[tuple]:
    """(article id, head, document, visible_from, date) rows ready to write (a worker's job)."""
    vendor, inputs = chunk
    documents = []
    for pk, head, body, visible, date in inputs:
        if vendor == "postgresql":
            head_tokens, document_tokens = document_token_lists(head, body, vendor)
            head_text, document = tsvector_literal(head_tokens), tsvector_literal(document_tokens)
        else:
            head_text, document = document_values(head, body, vendor)
        documents.append((pk, head_text, document, visible, date))
    return documents


class _BulkWrites:
    """Upserts of analysed documents, an unchanged one left alone (SQLite's index would read it
    twice). On PostgreSQL a big run lets the GIN indexes' pending lists grow to 16 MB before
    they are merged (twice as fast as merging every few hundred kB, as readers' sessions do) and
    merges what is left at the end, so searches do not keep reading a long list."""

    def __init__(self, vendor: str, using: str, *, many: bool):
        self.vendor, self.using, self.many, self.written = vendor, using, many, 0
        table = SearchDocument._meta.db_table
        cast = "::tsvector" if vendor == "postgresql" else ""
        differs = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
        changed = " OR ".join(
            f"{table}.{column} {differs} excluded.{column}"
            for column in ("head", "document", "visible_from", "date")
        )
        self.sql = (
            f"INSERT INTO {table} (article_id, head, document, visible_from, date) "
            f"VALUES (%s, %s{cast}, %s{cast}, %s, %s) "
            "ON CONFLICT (article_id) DO UPDATE SET head = excluded.head, "
            "document = excluded.document, visible_from = excluded.visible_from, "
            f"date = excluded.date WHERE {changed}"
        )

    def write(self, documents: list[tuple], progress: Callable[[int], None] | None) -> None:
        if documents:
            with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
                if self.many and self.vendor == "postgresql":
                    cursor.execute("SET LOCAL gin_pending_list_limit = '16MB'")
                cursor.executemany(self.sql, documents)
            self.written += len(documents)
        if progress:
            progress(len(documents))

    def finish(self) -> int:
        if self.many and self.vendor == "postgresql":
            with connections[self.using].cursor() as cursor:
                for index in GIN_INDEXES:
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        return self.written


def _id_chunks(queryset: QuerySet, size: int) -> Iterator[list[int]]:
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last).values_list("pk", flat=True)[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1]


# On save: collect the ids touched in a transaction, index them once when it commits. The set
# lives on the (thread-local) connection; ids left by a rolled-back transaction are harmlessly
# re-indexed at the next commit.


def schedule(ids: Iterable[int], using: str = "default") -> None:
    ids = {i for i in ids if i is not None}
    if not ids:
        return
    conn = connections[using]
    if not hasattr(conn, "search_pending"):
        conn.search_pending = set()
        conn.search_flush = lambda: _flush(using)
    waiting = bool(conn.search_pending) and any(
        entry[1] is conn.search_flush for entry in conn.run_on_commit
    )
    if waiting:
        conn.search_pending.update(ids)
    else:
        # A rolled-back transaction took its callback with it: its ids are not ours to index.
        conn.search_pending = ids
        transaction.on_commit(conn.search_flush, using=using)  # (at once outside a transaction)


def _flush(using: str) -> None:
    conn = connections[using]
    ids, conn.search_pending = conn.search_pending, set()
    if ids:
        index_articles(ids, using=using)
