"""The catalogue as a spreadsheet: fast, streaming, all-or-nothing CSV/XLSX import and export.

django-import-export saves row by row (about 8 queries a row) and its formula escaping drops the
`=`; this engine keeps the same columns as ArticleResource but reads and writes in batches with
every lookup cached once, streams both ways, escapes formulas losslessly and never evaluates a cell.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Agency, Article, Country, Source, Topic

COLUMNS = (
    "slug", "headline", "headline_en", "language", "status", "source", "url", "published_on",
    "updated_on", "event_start", "event_end", "countries", "topics", "agencies", "summary",
    "summary_en", "body",
)  # fmt: skip
REQUIRED_COLUMNS = ("slug",)
TEXT_COLUMNS = ("headline", "headline_en", "summary", "summary_en", "body")
DATE_COLUMNS = ("published_on", "updated_on", "event_start", "event_end")
LIST_COLUMNS = ("countries", "topics", "agencies")
SCALARS = (
    "headline", "headline_en", "language", "status", "source_id", "url", *DATE_COLUMNS,
    "summary", "summary_en", "body",
)  # fmt: skip
LIST_SEPARATOR = "|"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 1000
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_url = URLValidator()


class SpreadsheetError(ValueError):
    """The file as a whole cannot be imported; the message names the file and says why."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class RowOutcome:
    row: int
    slug: str
    status: str  # new / updated / unchanged / error
    changed: tuple[str, ...] = ()


@dataclass
class ImportReport:
    file: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)
    applied: bool = False

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + len({e.row for e in self.errors})


_ESCAPED = (*FORMULA_START, "'")


def escape_formula(value: str) -> str:
    """Make a cell that a spreadsheet would read as a formula into plain text (reversibly).

    A leading apostrophe marks text in Excel and LibreOffice; a value that already starts with
    one gets another, so unescape_formula can always tell the two apart.
    """
    return "'" + value if value.startswith(_ESCAPED) else value


def unescape_formula(value: str) -> str:
    """Undo escape_formula on import so an export → import round trip is lossless."""
    return value[1:] if value.startswith("'") and value[1:].startswith(_ESCAPED) else value


# --- reading -------------------------------------------------------------------------------


def _format_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise SpreadsheetError(
            f"{name}: use a .csv or .xlsx file (got “{suffix or 'no extension'}”)"
        )
    return suffix[1:]


def open_table(handle, *, name: str, max_bytes: int | None = None):
    """Return (header, rows) where rows yields (row number, {column: cell}) lazily.

    Refuses, naming the file: a size over the limit, content that is not what the extension says,
    text that is not UTF-8, missing required or unknown columns, formula cells.
    """
    fmt = _format_of(name)
    limit = max_bytes if max_bytes is not None else settings.NEWSROOM_MAX_SPREADSHEET_BYTES
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    if size > limit:
        raise SpreadsheetError(f"{name}: {size:,} bytes is over the {limit:,}-byte limit")
    if size == 0:
        raise SpreadsheetError(f"{name}: the file is empty")
    head = handle.read(4096)
    handle.seek(0)
    is_zip = head.startswith(b"PK\x03\x04")
    if fmt == "xlsx":
        if not is_zip:
            raise SpreadsheetError(f"{name}: this is not an XLSX workbook (it is not a zip file)")
        header, rows = _xlsx_rows(handle, name)
    else:
        if is_zip or b"\x00" in head:
            raise SpreadsheetError(f"{name}: this is a binary file, not CSV text")
        header, rows = _csv_rows(handle, name)
    _check_header(header, name)
    return header, rows


def _check_header(header: list[str], name: str) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    repeated = sorted({c for c in header if header.count(c) > 1})
    problems = []
    if missing:
        problems.append("missing required column(s): " + ", ".join(missing))
    if unknown:
        problems.append(
            "unknown column(s): "
            + ", ".join(f"“{c}”" for c in unknown)
            + " (expected: "
            + ", ".join(COLUMNS)
            + ")"
        )
    if repeated:
        problems.append("repeated column(s): " + ", ".join(repeated))
    if problems:
        raise SpreadsheetError(f"{name}: " + "; ".join(problems))


def _csv_rows(handle, name: str):
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise SpreadsheetError(f"{name}: the file has no header row") from None
    except UnicodeDecodeError:
        raise SpreadsheetError(f"{name}: the header is not UTF-8 text; save as CSV UTF-8") from None

    def rows() -> Iterator[tuple[int, dict]]:
        number = 1
        try:
            for number, values in enumerate(reader, start=2):
                if not any(values):
                    continue
                if len(values) > len(header):
                    yield (
                        number,
                        {"__error__": f"{len(values)} cells, the header has {len(header)}"},
                    )
                    continue
                yield number, dict(zip(header, values, strict=False))
        except UnicodeDecodeError:
            raise SpreadsheetError(
                f"{name}: text after row {number} is not UTF-8; save the file as CSV UTF-8"
            ) from None
        except csv.Error as error:
            raise SpreadsheetError(f"{name}: row {number + 1} is not valid CSV ({error})") from None
        finally:
            text.detach()  # leave the caller's file open

    return header, rows()


def _xlsx_rows(handle, name: str):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(handle, read_only=True, data_only=False)
        sheet = book.worksheets[0]
        cells = sheet.iter_rows()
        header = [str(c.value).strip() if c.value is not None else "" for c in next(cells)]
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, IndexError, StopIteration):
        raise SpreadsheetError(f"{name}: this is not a readable XLSX workbook") from None
    while header and header[-1] == "":
        header.pop()

    def rows() -> Iterator[tuple[int, dict]]:
        for number, row in enumerate(cells, start=2):
            values = {}
            formula = None
            for column, cell in zip(header, row, strict=False):
                if cell.data_type == "f":
                    formula = column
                values[column] = cell.value
            if not any(v not in (None, "") for v in values.values()):
                continue
            if formula:
                yield (
                    number,
                    {
                        "__error__": f"column “{formula}” holds a formula; "
                        "formulas are not accepted, type the value"
                    },
                )
                continue
            yield number, values

    return header, rows()


# --- cleaning ------------------------------------------------------------------------------


class Lookups:
    """Every vocabulary read once per import."""

    def __init__(self):
        self.sources = {
            name.casefold(): pk for pk, name in Source.objects.values_list("pk", "name")
        }
        self.source_names = list(Source.objects.values_list("name", flat=True))
        self.ids = {
            "topics": dict(Topic.objects.values_list("slug", "pk")),
            "countries": {c: c for c in Country.objects.values_list("code", flat=True)},
            "agencies": {a.upper(): pk for a, pk in Agency.objects.values_list("acronym", "pk")},
        }

    def source(self, name: str) -> int:
        pk = self.sources.get(name.casefold())
        if pk is None:
            close = difflib.get_close_matches(name, self.source_names, n=3, cutoff=0.5)
            hint = ("; closest: " + ", ".join(f"“{c}”" for c in close)) if close else ""
            raise ValueError(f"unknown source “{name}”{hint}")
        return pk


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unescape_formula(str(value))


def _date(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(f"“{text}” is not a date; write it as YYYY-MM-DD")


def _list(value, column: str, lookups: Lookups) -> list:
    text = _text(value)
    items = list(dict.fromkeys(i.strip() for i in text.split(LIST_SEPARATOR) if i.strip()))
    table = lookups.ids[column]
    keys = [i.upper() if column in ("countries", "agencies") else i for i in items]
    unknown = [item for item, key in zip(items, keys, strict=True) if key not in table]
    if unknown:
        label = {"topics": "topic", "countries": "country code", "agencies": "agency"}[column]
        raise ValueError(f"unknown {label}(s): " + ", ".join(f"“{u}”" for u in unknown))
    return sorted(table[k] for k in keys)


def clean_row(raw: dict, lookups: Lookups) -> tuple[dict, dict, list[tuple[str, str]]]:
    """Return (scalar values, tag id lists, errors as (column, message)) for the columns present."""
    values: dict = {}
    tags: dict = {}
    errors: list[tuple[str, str]] = []
    for column, cell in raw.items():
        try:
            if column == "slug":
                slug = _text(cell).strip()
                if not slug:
                    raise ValueError("a slug is required")
                validate_slug(slug)
                if len(slug) > 120:
                    raise ValueError("longer than 120 characters")
                values["slug"] = slug
            elif column in TEXT_COLUMNS:
                text = _text(cell)
                if column.startswith("headline") and len(text) > 500:
                    raise ValueError(f"{len(text)} characters; at most 500")
                values[column] = text
            elif column == "language":
                language = _text(cell).strip() or Article.Language.OTHER
                if language not in Article.Language.values:
                    raise ValueError(
                        f"“{language}” is not one of " + ", ".join(Article.Language.values)
                    )
                values["language"] = language
            elif column == "status":
                status = _text(cell).strip() or Article.Status.DRAFT
                if status not in Article.Status.values:
                    raise ValueError(
                        f"“{status}” is not one of " + ", ".join(Article.Status.values)
                    )
                values["status"] = status
            elif column == "source":
                name = _text(cell).strip()
                values["source_id"] = lookups.source(name) if name else None
            elif column == "url":
                url = _text(cell).strip()
                if url:
                    _url(url)
                    if len(url) > 1000:
                        raise ValueError("longer than 1000 characters")
                values["url"] = url
            elif column in DATE_COLUMNS:
                values[column] = _date(cell)
            elif column in LIST_COLUMNS:
                tags[column] = _list(cell, column, lookups)
        except ValidationError as error:
            errors.append((column, " ".join(error.messages)))
        except ValueError as error:
            errors.append((column, str(error)))
    return values, tags, errors


def _rule_errors(final: dict) -> list[tuple[str, str]]:
    errors = []
    start, end = final.get("event_start"), final.get("event_end")
    if start and end and end < start:
        errors.append(("event_end", f"the event ends ({end}) before it starts ({start})"))
    if final.get("status") == Article.Status.PUBLISHED:
        if not (final.get("headline") or "").strip():
            errors.append(("headline", "a published article needs a headline"))
        if not (final.get("published_on") or final.get("event_start")):
            errors.append(("published_on", "a published article needs published_on or event_start"))
    return errors


# --- importing -----------------------------------------------------------------------------


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Importer:
    def __init__(self, report: ImportReport, *, by, keep_rows: bool, can_publish: bool):
        self.report = report
        self.by = by
        self.keep_rows = keep_rows
        self.can_publish = can_publish
        self.lookups = Lookups()
        self.seen_slugs: dict[str, int] = {}
        self.seen_urls: dict[str, int] = {}
        self.throughs = {name: getattr(Article, name).through for name in LIST_COLUMNS}
        self.through_fk = {
            "topics": "topic_id", "countries": "country_id", "agencies": "agency_id",
        }  # fmt: skip

    def error(self, row: int, column: str, message: str, slug: str = "") -> None:
        self.report.errors.append(RowError(row, column, message))
        if self.keep_rows and not any(o.row == row for o in self.report.rows[-3:]):
            self.report.rows.append(RowOutcome(row, slug, "error"))

    def chunk(self, chunk: list[tuple[int, dict]], *, write: bool) -> None:
        cleaned = []
        for number, raw in chunk:
            if "__error__" in raw:
                self.error(number, "", raw["__error__"])
                continue
            values, tags, errors = clean_row(raw, self.lookups)
            slug = values.get("slug", "")
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

        slugs = [v["slug"] for _, v, _ in cleaned]
        existing = {
            row["slug"]: row
            for row in Article.objects.filter(slug__in=slugs).values(
                "id", "slug", "published_at", *SCALARS
            )
        }
        urls = [v["url"] for _, v, _ in cleaned if v.get("url")]
        taken_urls = (
            dict(Article.objects.filter(url__in=urls).values_list("url", "slug")) if urls else {}
        )
        current_tags = self._current_tags([row["id"] for row in existing.values()])

        new, changed = [], []
        for number, values, tags in cleaned:
            slug = values["slug"]
            before = existing.get(slug)
            owner = taken_urls.get(values.get("url"))
            if owner and owner != slug:
                self.error(number, "url", f"already used by the article “{owner}”", slug)
                continue
            final = {**(before or {}), **values}
            rule_errors = _rule_errors(final)
            was_published = before and before["status"] == Article.Status.PUBLISHED
            becomes_published = final.get("status") == Article.Status.PUBLISHED
            if bool(was_published) != bool(becomes_published) and not self.can_publish:
                rule_errors.append(("status", "you may not publish or unpublish articles"))
            for column, message in rule_errors:
                self.error(number, column, message, slug)
            if rule_errors:
                continue
            if before is None:
                new.append((number, values, tags))
                self._outcome(number, slug, "new")
                continue
            fields = tuple(k for k, v in values.items() if k != "slug" and before.get(k) != v)
            tag_fields = tuple(
                name for name, ids in tags.items()
                if set(ids) != current_tags[name].get(before["id"], set())
            )  # fmt: skip
            if fields or tag_fields:
                changed.append((before, values, tags, fields, tag_fields))
                self._outcome(number, slug, "updated", fields + tag_fields)
            else:
                self.report.unchanged += 1
                self._outcome(number, slug, "unchanged")
        self.report.created += len(new)
        self.report.updated += len(changed)
        if write and not self.report.errors:
            self._write(new, changed, current_tags)

    def _outcome(self, number, slug, status, changed=()) -> None:
        if self.keep_rows:
            self.report.rows.append(RowOutcome(number, slug, status, tuple(changed)))

    def _current_tags(self, ids: list[int]) -> dict[str, dict[int, set]]:
        current: dict[str, dict[int, set]] = {name: defaultdict(set) for name in LIST_COLUMNS}
        if not ids:
            return current
        for name, through in self.throughs.items():
            for article_id, key in through.objects.filter(article_id__in=ids).values_list(
                "article_id", self.through_fk[name]
            ):
                current[name][article_id].add(key)
        return current

    def _write(self, new, changed, current_tags) -> None:
        now = timezone.now()
        by = self.by if self.by is not None and self.by.pk else None
        articles = []
        for _, values, _ in new:
            article = Article(**values, created_by=by, updated_by=by)
            if article.status == Article.Status.PUBLISHED:
                article.published_at = now
            articles.append(article)
        created = Article.objects.bulk_create(articles)
        links = defaultdict(list)
        for article, (_, _, tags) in zip(created, new, strict=True):
            for name, ids in tags.items():
                links[name] += [(article.pk, key) for key in ids]

        if changed:
            objects, fields = [], {"updated_at", "updated_by_id"}
            for before, values, _tags, changed_fields, _ in changed:
                article = Article(
                    id=before["id"],
                    published_at=before["published_at"],
                    **{k: before[k] for k in SCALARS},
                )
                for name in changed_fields:
                    setattr(article, name, values[name])
                    fields.add(name)
                if article.status == Article.Status.PUBLISHED and article.published_at is None:
                    article.published_at = now
                    fields.add("published_at")
                article.updated_at, article.updated_by_id = now, by.pk if by else None
                objects.append(article)
            Article.objects.bulk_update(objects, sorted(fields), batch_size=500)

        stale = defaultdict(list)
        for before, _values, tags, _fields, tag_fields in changed:
            for name in tag_fields:
                old, wanted = current_tags[name].get(before["id"], set()), set(tags[name])
                links[name] += [(before["id"], key) for key in wanted - old]
                stale[name] += [(before["id"], key) for key in old - wanted]
        for name, through in self.throughs.items():
            fk = self.through_fk[name]
            if stale[name]:
                ids = {article_id for article_id, _ in stale[name]}
                pairs = set(stale[name])
                doomed = [
                    pk
                    for pk, article_id, key in through.objects.filter(
                        article_id__in=ids
                    ).values_list("pk", "article_id", fk)
                    if (article_id, key) in pairs
                ]
                through.objects.filter(pk__in=doomed).delete()
            if links[name]:
                through.objects.bulk_create(
                    [through(article_id=a, **{fk: k}) for a, k in links[name]], batch_size=5000
                )


def import_articles(
    handle,
    *,
    name: str,
    dry_run: bool = False,
    by=None,
    keep_rows: bool = False,
    max_bytes: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import a CSV or XLSX catalogue file: everything, or — with any error — nothing.

    Raises SpreadsheetError for a file that cannot be read at all; row problems are collected in
    the report (every one of them, with row number and column) and nothing is written.
    """
    if by is not None and not by.has_perm("articles.import_catalogue"):
        raise PermissionError("You may not import the catalogue.")
    can_publish = by is None or by.has_perm("articles.publish_article")
    report = ImportReport(file=name)
    _header, rows = open_table(handle, name=name, max_bytes=max_bytes)
    importer = _Importer(report, by=by, keep_rows=keep_rows, can_publish=can_publish)
    try:
        with transaction.atomic():
            for chunk in _chunks(rows, CHUNK):
                importer.chunk(chunk, write=not dry_run)
                if progress:
                    progress(len(chunk))
            if dry_run or report.errors:
                transaction.set_rollback(True)
            else:
                report.applied = True
    except IntegrityError as error:
        report.applied = False
        raise SpreadsheetError(f"{name}: the database refused the import ({error})") from None
    return report


# --- exporting -----------------------------------------------------------------------------


def export_rows(queryset, *, chunk: int = 2000) -> Iterator[list]:
    """Yield one list per article in COLUMNS order, reading in keyset-paginated chunks."""
    sources = dict(Source.objects.values_list("pk", "name"))
    topics = dict(Topic.objects.values_list("pk", "slug"))
    agencies = dict(Agency.objects.values_list("pk", "acronym"))
    names = {"topics": topics, "agencies": agencies, "countries": None}
    fks = {"topics": "topic_id", "countries": "country_id", "agencies": "agency_id"}
    fields = ("id", "slug", "source_id", *[s for s in SCALARS if s != "source_id"])
    base = queryset.order_by().values_list("pk", flat=True)
    last = 0
    while True:
        ids = list(base.filter(pk__gt=last).order_by("pk")[:chunk])
        if not ids:
            return
        last = ids[-1]
        rows = Article.objects.filter(pk__in=ids).order_by("pk").values(*fields)
        tags: dict[str, dict[int, list]] = {}
        for name, fk in fks.items():
            through = getattr(Article, name).through
            found = defaultdict(list)
            for article_id, key in through.objects.filter(article_id__in=ids).values_list(
                "article_id", fk
            ):
                found[article_id].append(key if names[name] is None else names[name][key])
            tags[name] = found
        for row in rows:
            yield [
                row["slug"], row["headline"], row["headline_en"], row["language"], row["status"],
                sources.get(row["source_id"], ""), row["url"], row["published_on"],
                row["updated_on"], row["event_start"], row["event_end"],
                LIST_SEPARATOR.join(sorted(tags["countries"].get(row["id"], []))),
                LIST_SEPARATOR.join(sorted(tags["topics"].get(row["id"], []))),
                LIST_SEPARATOR.join(sorted(tags["agencies"].get(row["id"], []))),
                row["summary"], row["summary_en"], row["body"],
            ]  # fmt: skip


def _cell(value):
    if isinstance(value, str):
        return escape_formula(value)
    return value


class _Echo:
    def write(self, value):
        return value


def csv_chunks(queryset) -> Iterator[str]:
    """Yield CSV text (UTF-8 BOM first, for Excel) for a streaming HTTP response."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(COLUMNS)
    for row in export_rows(queryset):
        yield writer.writerow(
            [v.isoformat() if isinstance(v, datetime.date) else _cell(v) for v in row]
        )


def write_csv(queryset, handle, *, progress: Callable[[int], None] | None = None) -> int:
    """Write the articles as CSV to a binary handle; return how many."""
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=False)
    count = 0
    for count, chunk in enumerate(csv_chunks(queryset)):
        text.write(chunk)
        if progress and count:
            progress(1)
    text.flush()
    text.detach()
    return count


def write_xlsx(queryset, handle, *, progress: Callable[[int], None] | None = None) -> int:
    """Write the articles as an XLSX workbook (openpyxl write-only, streamed); return how many."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("articles")
    sheet.append(list(COLUMNS))
    count = 0
    for row in export_rows(queryset):
        sheet.append([_ILLEGAL_XLSX.sub("", _cell(v)) if isinstance(v, str) else v for v in row])
        count += 1
        if progress:
            progress(1)
    book.save(handle)
    return count
