"""An import applied whole or not at all, in batches with every lookup cached once; a dry run
reports exactly what would change."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .. import counts, history, search
from ..models import Article, StatusChange
from .cleaning import PUBLISHED, Lookups, cell_text, clean_row, editorial_errors, rule_errors
from .columns import (
    COLUMNS,
    DATE_COLUMNS,
    LIST_COLUMNS,
    LIST_SEPARATOR,
    NEW_ROW_COLUMNS,
    SCALARS,
    TEXT_COLUMNS,
)
from .reading import open_table
from .report import Cell, ImportReport, RowError, RowOutcome, SpreadsheetError

CHUNK = 2000  # rows a batch
INDEX_CHUNK = 1000  # search documents analysed at a time


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _as_text(cell) -> str:
    """A cell as the text an export would have written, to compare before cleaning."""
    if cell is None:
        return ""
    if isinstance(cell, datetime.datetime):
        return cell.date().isoformat()
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return cell_text(cell)


class _SpreadsheetImport:
    def __init__(self, report: ImportReport, *, by, preview_rows: int, on_row, can_publish: bool):
        self.report = report
        self.by = by if by is not None and by.pk else None
        self.preview_rows = preview_rows
        self.on_row = on_row
        self.kept = {"new": 0, "updated": 0}
        self.can_publish = can_publish
        self.lookups = Lookups()
        self.touched: list[int] = []  # articles created or changed, for the search index
        self.logged_all = False  # "anything may have changed" logged for the facet index
        self.seen_slugs: dict[str, int] = {}
        self.seen_urls: dict[str, int] = {}
        self.throughs = {name: getattr(Article, name).through for name in LIST_COLUMNS}
        self.through_fk = {
            "topics": "topic_id", "countries": "country_id", "agencies": "agency_id",
        }  # fmt: skip

    def error(self, row: int, column: str, message: str, slug: str = "") -> None:
        self.report.errors.append(RowError(row, column, message))

    def _rendered(self, before: dict, tags: dict[str, dict[int, set]]) -> dict[str, str]:
        """The stored article as export text, column by column."""
        names = self.lookups.names
        text = {
            column: ("" if before[column] is None else before[column].isoformat())
            if column in DATE_COLUMNS
            else before[column]
            for column in (*TEXT_COLUMNS, "language", "status", "url", *DATE_COLUMNS)
        }
        text["source"] = names["source"].get(before["source_id"], "")
        for column in LIST_COLUMNS:
            keys = tags[column].get(before["id"], ())
            text[column] = LIST_SEPARATOR.join(sorted(names[column][k] for k in keys))
        return text

    def lookup(self, chunk: list[tuple[int, dict]]) -> _Lookup:
        """Read what the chunk's rows refer to: stored articles, their tags, taken URLs."""
        slugs = [cell_text(raw.get("slug")).strip() for _, raw in chunk if "__error__" not in raw]
        existing = {
            row["slug"]: row
            for row in Article.objects.filter(slug__any_of=slugs).values(
                "id", "slug", "published_at", "flags", "version", *SCALARS
            )
        }
        # Only a URL that is new to its article can collide with another article's.
        urls = set()
        for _, raw in chunk:
            url = cell_text(raw.get("url")).strip()
            before = existing.get(cell_text(raw.get("slug")).strip())
            if url and (before is None or before["url"] != url):
                urls.add(url)
        taken = (
            dict(
                Article.objects.filter(url__any_of=urls).exclude(url="").values_list("url", "slug")
            )
            if urls
            else {}
        )
        tags = self._current_tags([row["id"] for row in existing.values()])
        return _Lookup(chunk, existing, tags, taken)

    def classify(self, looked: _Lookup) -> _Batch:
        """Clean and compare every row of a chunk; no database access (it may run during a COPY)."""
        existing, current_tags = looked.existing, looked.tags
        cleaned = []
        for number, raw in looked.chunk:
            if "__error__" in raw:
                self.error(number, "", raw["__error__"])
                continue
            slug = cell_text(raw.get("slug")).strip()
            before = existing.get(slug)
            if before is not None:
                # Only cells whose text differs from the stored article need cleaning.
                stored = self._rendered(before, current_tags)
                raw = {
                    k: v
                    for k, v in raw.items()
                    if k == "slug" or (v != stored.get(k) and _as_text(v) != stored.get(k))
                }
            values, tags, errors = clean_row(raw, self.lookups)
            for column, message in errors:
                self.error(number, column, message, slug)
            if slug:
                if slug in self.seen_slugs:
                    self.error(
                        number, "slug", f"“{slug}” is also on row {self.seen_slugs[slug]}", slug
                    )
                    continue
                self.seen_slugs[slug] = number
            url = values.get("url")
            if url:
                if url in self.seen_urls:
                    self.error(number, "url", f"the same URL is on row {self.seen_urls[url]}", slug)
                    continue
                self.seen_urls[url] = number
            if not errors:
                cleaned.append((number, values, tags))

        batch = _Batch(current_tags=current_tags)
        for number, values, tags in cleaned:
            slug = values["slug"]
            before = existing.get(slug)
            owner = looked.taken_urls.get(values.get("url"))
            if owner and owner != slug:
                self.error(number, "url", f"already used by the article “{owner}”", slug)
                continue
            final = {**(before or {}), **values}
            problems = rule_errors(final)
            was_published = bool(before) and before["status"] == PUBLISHED
            becomes_published = final.get("status") == PUBLISHED
            problem = Article.move_problem(
                before["status"] if before else None,
                final.get("status") or str(Article.Status.DRAFT),
                may_publish=self.can_publish,
            )
            if problem:
                problems.append(("status", problem))
            if becomes_published and not was_published:
                current = current_tags["topics"].get(before["id"], set()) if before else set()
                problems += editorial_errors(final, tags.get("topics", current))
            if final.get("status") == "scheduled" and (
                not before or before["status"] != "scheduled"
            ):
                problems.append(("status", "schedule articles in the admin, with a time"))
            for column, message in problems:
                self.error(number, column, message, slug)
            if problems:
                continue
            if before is None:
                batch.new.append((values, tags))
                if self._keeps("new"):
                    self._keep_new(number, values, tags)
                continue
            fields = tuple(k for k, v in values.items() if k != "slug" and before.get(k) != v)
            tag_fields = tuple(
                name for name, ids in tags.items()
                if set(ids) != current_tags[name].get(before["id"], set())
            )  # fmt: skip
            if fields or tag_fields:
                batch.changed.append((before, values, tags, fields, tag_fields))
                if self._keeps("updated"):
                    old_tags = {name: current_tags[name].get(before["id"], ()) for name in tags}
                    self._keep_updated(number, before, values, tags, old_tags, fields + tag_fields)
            else:
                self.report.unchanged += 1
        self.report.created += len(batch.new)
        self.report.updated += len(batch.changed)
        return batch

    def run(
        self, rows: Iterator, *, write: bool, progress, indexing: search.Indexing | None
    ) -> None:
        """Look up, classify and write chunk by chunk, overlapping the database with Python.

        On PostgreSQL every COPY stays open while Python works: the next chunk is read while a
        chunk's articles stream in, and classified while its tag links stream in. A written
        chunk's search documents are analysed by `indexing`'s worker while the next chunk is
        written. Everything stays in the caller's transaction.
        """
        chunks = _chunks(rows, CHUNK)
        chunk = next(chunks, None)
        pending: _Batch | None = None
        while chunk is not None or pending is not None:
            writing = pending is not None and write and not self.report.errors
            following = None
            if writing:
                written = len(self.touched) + len(pending.new) + len(pending.changed)
                if written > counts.changes.LOGGED_ARTICLES and not self.logged_all:
                    # One "anything" row for the facet index, instead of the triggers'
                    # row per article and tag link.
                    counts.log_everything()
                    self.logged_all = True
                now = timezone.now()
                ids = _allocate_ids(len(pending.new))
                columns, records = _article_records(
                    [values for values, _ in pending.new], ids=ids, by=self.by, now=now
                )
                with _copying(Article._meta.db_table, columns, records):
                    following = next(chunks, None) if chunk is not None else None
                if ids is None:  # no sequence to draw from: read back what was inserted
                    slugs = [values["slug"] for values, _ in pending.new]
                    by_slug = dict(
                        Article.objects.filter(slug__any_of=slugs).values_list("slug", "id")
                    )
                    ids = [by_slug[slug] for slug in slugs]
            elif chunk is not None:
                following = next(chunks, None)
            looked = self.lookup(chunk) if chunk is not None else None
            batch = None
            if writing:
                links = self._links(pending, ids)
                for name in ("countries", "agencies"):
                    with _copying(*links[name]):
                        pass
                with _copying(*links["topics"]):
                    batch = self.classify(looked) if looked is not None else None
                self._apply_changes(pending, now=now)
                history.record_versions(
                    created=ids,
                    changed=[before["id"] for before, *_ in pending.changed],
                    by=self.by,
                    now=now,
                    reason="spreadsheet import",
                )
                chunk_touched = [*ids, *(before["id"] for before, *_ in pending.changed)]
                self.touched += chunk_touched
                if indexing is not None:
                    for start in range(0, len(chunk_touched), INDEX_CHUNK):
                        indexing.add(chunk_touched[start : start + INDEX_CHUNK])
            elif looked is not None:
                batch = self.classify(looked)
            if progress and chunk is not None:
                progress(len(chunk))
            pending, chunk = batch, following

    def _links(self, batch: _Batch, ids: list[int]) -> dict[str, tuple]:
        """The tag rows to insert for a batch: (table, columns, rows) per tag kind."""
        rows: dict[str, list] = defaultdict(list)
        for article_id, (_values, tags) in zip(ids, batch.new, strict=True):
            for name, keys in tags.items():
                rows[name] += [(article_id, key) for key in keys]
        for before, _values, tags, _fields, tag_fields in batch.changed:
            for name in tag_fields:
                old = batch.current_tags[name].get(before["id"], set())
                rows[name] += [(before["id"], key) for key in set(tags[name]) - old]
        return {
            name: (through._meta.db_table, ("article_id", self.through_fk[name]), rows[name])
            for name, through in self.throughs.items()
        }

    def _apply_changes(self, batch: _Batch, *, now) -> None:
        """Update changed articles' fields and remove the tag links they no longer have."""
        if not batch.changed:
            return
        # The version goes up too, so an editor's open form cannot overwrite what was imported.
        objects, fields = [], {"updated_at", "updated_by_id", "version"}
        # Only what changes is sent: the history copies each whole row in the database.
        for before, values, _tags, changed_fields, _ in batch.changed:
            article = Article(id=before["id"])
            for name in changed_fields:
                setattr(article, name, values[name])
                fields.add(name)
            status = values.get("status", before["status"])
            if status == PUBLISHED and before["published_at"] is None:
                article.published_at = now
                fields.add("published_at")
            article.updated_at = now
            article.updated_by_id = self.by.pk if self.by else None
            article.version = before["version"] + 1  # the row is ours until commit
            objects.append(article)
        # Every move of state is recorded, as the admin's actions record theirs.
        StatusChange.objects.bulk_create(
            StatusChange(
                article_id=before["id"],
                from_status=before["status"],
                to_status=values["status"],
                by=self.by,
                note="spreadsheet import",
            )
            for before, values, _tags, changed_fields, _ in batch.changed
            if "status" in changed_fields
        )
        Article.objects.bulk_update(objects, sorted(fields), batch_size=500)

        for name, through in self.throughs.items():
            stale = set()
            for before, _values, tags, _fields, tag_fields in batch.changed:
                if name in tag_fields:
                    old = batch.current_tags[name].get(before["id"], set())
                    stale |= {(before["id"], key) for key in old - set(tags[name])}
            if stale:
                fk = self.through_fk[name]
                ids = {article_id for article_id, _ in stale}
                doomed = [
                    pk
                    for pk, article_id, key in through.objects.filter(
                        article_id__any_of=ids
                    ).values_list("pk", "article_id", fk)
                    if (article_id, key) in stale
                ]
                through.objects.filter(pk__any_of=doomed).delete()

    def _keeps(self, status: str) -> bool:
        """Whether the preview still shows rows of this kind (the rest are only counted)."""
        if self.on_row is not None:
            return True
        if self.kept[status] >= self.preview_rows:
            return False
        self.kept[status] += 1
        return True

    def _shown(self, column: str, value):
        """A cleaned value as a person reads it (see Cell)."""
        names = self.lookups.names
        if column in LIST_COLUMNS:
            labels = names[column] if column == "agencies" else self.lookups.labels(column)
            return tuple(sorted(labels[key] for key in value)) or None
        if column == "source":
            return names["source"].get(value)
        if column == "language" and value:
            return str(Article.Language(value).label)
        if column == "status" and value:
            return str(Article.Status(value).label)
        return value if value not in ("", None) else None

    def _keep_updated(self, number, before, values, tags, old_tags, changed) -> None:
        cells = []
        for column in COLUMNS:
            field = "source_id" if column == "source" else column
            if field not in changed:
                continue
            if column in LIST_COLUMNS:
                old, new = old_tags[column], tags[column]
            else:
                old, new = before[field], values[field]
            cells.append(Cell(column, self._shown(column, old), self._shown(column, new)))
        headline = values.get("headline") or before["headline"] or before["headline_en"]
        self._emit(RowOutcome(number, before["slug"], "updated", headline, tuple(cells)))

    def _keep_new(self, number, values, tags) -> None:
        cells = []
        for column in NEW_ROW_COLUMNS:
            field = "source_id" if column == "source" else column
            value = tags.get(column) if column in LIST_COLUMNS else values.get(field)
            shown = self._shown(column, value) if value is not None else None
            if shown is not None:
                cells.append(Cell(column, None, shown))
        self._emit(
            RowOutcome(number, values["slug"], "new", values.get("headline", ""), tuple(cells))
        )

    def _emit(self, outcome: RowOutcome) -> None:
        if self.on_row is not None:
            self.on_row(outcome)
        else:
            self.report.rows.append(outcome)

    def _current_tags(self, ids: list[int]) -> dict[str, dict[int, set]]:
        current: dict[str, dict[int, set]] = {name: defaultdict(set) for name in LIST_COLUMNS}
        if not ids:
            return current
        for name, through in self.throughs.items():
            for article_id, key in through.objects.filter(article_id__any_of=ids).values_list(
                "article_id", self.through_fk[name]
            ):
                current[name][article_id].add(key)
        return current


@dataclass
class _Lookup:
    chunk: list
    existing: dict
    tags: dict
    taken_urls: dict


@dataclass
class _Batch:
    current_tags: dict
    new: list = field(default_factory=list)
    changed: list = field(default_factory=list)


def _allocate_ids(count: int) -> list[int] | None:
    """Draw ids for new articles from PostgreSQL's sequence (None elsewhere), so that their tag
    links are known before the articles are written."""
    if not count or connection.vendor != "postgresql":
        return None
    table = Article._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, count],
        )
        return [row[0] for row in cursor.fetchall()]


@contextmanager
def _copying(table: str, columns: tuple[str, ...], rows: list[tuple]):
    """Insert many rows; on PostgreSQL as a COPY that stays open (rows sent by a writer thread)
    while the body of the with-block runs, elsewhere with executemany before it."""
    if not rows:
        yield
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    if connection.vendor != "postgresql":
        marks = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)
        yield
        return
    from psycopg.copy import QueuedLibpqWriter

    with connection.cursor() as cursor:
        raw = cursor.cursor
        statement = f"COPY {quote(table)} ({names}) FROM STDIN"
        with raw.copy(statement, writer=QueuedLibpqWriter(raw)) as copy:
            for row in rows:
                copy.write_row(row)
            yield


def _article_records(
    rows: list[dict], *, ids: list[int] | None, by, now
) -> tuple[tuple[str, ...], list[tuple]]:
    ops = connection.ops
    stamp = ops.adapt_datetimefield_value(now)
    user = by.pk if by else None
    defaults = {
        "headline": "", "headline_en": "", "language": str(Article.Language.OTHER),
        "status": str(Article.Status.DRAFT), "source_id": None, "url": "", "published_on": None,
        "updated_on": None, "event_start": None, "event_end": None, "summary": "",
        "summary_en": "", "body": "",
    }  # fmt: skip
    columns = (
        "slug", *defaults, "published_at", "created_at", "updated_at", "created_by_id",
        "updated_by_id", "raw_text", "import_ref", "flags", "edited_fields", "import_details",
        "version",
    )  # fmt: skip
    if ids is not None:
        columns = ("id", *columns)
    records = []
    for index, values in enumerate(rows):
        merged = {**defaults, **values}
        published_at = stamp if merged["status"] == PUBLISHED else None
        records.append(
            (
                merged["slug"],
                *(
                    ops.adapt_datefield_value(merged[c]) if c in DATE_COLUMNS else merged[c]
                    for c in defaults
                ),
                published_at, stamp, stamp, user, user, "", "", "[]", "[]", "{}", 1,
            )
        )  # fmt: skip
        if ids is not None:
            records[-1] = (ids[index], *records[-1])
    return columns, records


def import_articles(
    handle,
    *,
    name: str,
    dry_run: bool = False,
    by=None,
    preview_rows: int = 0,
    on_row: Callable[[RowOutcome], None] | None = None,
    max_bytes: int | None = None,
    progress: Callable[[int], None] | None = None,
    index_progress: Callable[[int], None] | None = None,
    index: bool = True,
) -> ImportReport:
    """Import a CSV or XLSX catalogue file: everything, or — with any error — nothing.

    Raises SpreadsheetError for a file that cannot be read at all; row problems are collected in
    the report (every one of them, with row number and column) and nothing is written.
    The search documents of the rows it creates or changes are written as it goes, in the same
    transaction (`report.indexed`): every article is searchable when the import commits, and
    nothing of a failed one is. With index=False the caller indexes `report.touched` itself
    after the commit (the benchmark times the previous path so).
    preview_rows: how many new and how many updated rows the report keeps, each with its cells
    as a person reads them (the preview); every other row is only counted.
    on_row: called with every new and updated row instead (nothing kept), for a full listing.
    Every article created or changed gets a version in its history ("spreadsheet import", by
    `by`), with its tags, so that its history shows what the import changed.
    """
    if by is not None and not by.has_perm("articles.import_catalogue"):
        raise PermissionError("You may not import the catalogue.")
    can_publish = by is None or by.has_perm("articles.publish_article")
    report = ImportReport(file=name)
    _header, rows = open_table(handle, name=name, max_bytes=max_bytes)
    importer = _SpreadsheetImport(
        report, by=by, preview_rows=preview_rows, on_row=on_row, can_publish=can_publish
    )
    try:
        with transaction.atomic(), search.Indexing(progress=index_progress) as indexing:
            writing = index and not dry_run
            importer.run(
                rows, write=not dry_run, progress=progress, indexing=indexing if writing else None
            )
            if dry_run or report.errors:
                transaction.set_rollback(True)
            else:
                report.indexed = indexing.finish() if writing else 0
                report.applied = True
    except IntegrityError as error:
        report.applied = False
        raise SpreadsheetError(f"{name}: the database refused the import ({error})") from None
    report.touched = importer.touched if report.applied else []
    if report.applied:
        # Bulk writes send no signals: counts are recomputed from here on.
        counts.changed(articles=report.touched)
    return report
