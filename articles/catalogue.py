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
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation

from . import aggregates, history, search
from .models import Agency, Article, Country, Source, StatusChange, Topic

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
# What the preview shows of a new row (the headline heads it).
NEW_ROW_COLUMNS = (
    "headline_en", "language", "status", "source", "published_on", "event_start", "countries",
    "topics", "agencies",
)  # fmt: skip
LIST_SEPARATOR = "|"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 2000
XLSX_UNPACKED_FACTOR = 10  # XML compresses ~5-10x; a bomb compresses a thousandfold
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


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
class Cell:
    """One column of a previewed row, as a person reads it: text, a date, a tuple of tag names
    (topics and countries by name, agencies by acronym), a source's name, or None for empty."""

    column: str
    old: object = None
    new: object = None


@dataclass
class RowOutcome:
    """A row that creates or changes an article, as the preview shows it."""

    row: int
    slug: str
    status: str  # new / updated
    headline: str = ""
    cells: tuple[Cell, ...] = ()  # updated: every changed column, old → new; new: key fields

    @property
    def changed(self) -> tuple[str, ...]:
        return tuple(cell.column for cell in self.cells) if self.status == "updated" else ()


@dataclass
class ImportReport:
    file: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)  # the first preview_rows of each kind
    applied: bool = False
    indexed: int = 0  # search documents written after the import
    touched: list[int] = field(default_factory=list)  # articles created or changed

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + len({e.row for e in self.errors})

    @property
    def updated_rows(self) -> list[RowOutcome]:
        return [row for row in self.rows if row.status == "updated"]

    @property
    def new_rows(self) -> list[RowOutcome]:
        return [row for row in self.rows if row.status == "new"]

    @property
    def updated_not_shown(self) -> int:
        return self.updated - len(self.updated_rows)

    @property
    def new_not_shown(self) -> int:
        return self.created - len(self.new_rows)


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
    reader = csv.reader(text, strict=True)  # an unclosed quote (a cut file) is an error
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
                if len(values) != len(header):
                    problem = f"{len(values)} cells where the header has {len(header)}"
                    if len(values) < len(header):
                        problem += " (is the file cut short?)"
                    yield number, {"__error__": problem}
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
        # A workbook is a zip: refuse one that would unpack to far more than its size allows.
        unpacked = sum(member.file_size for member in zipfile.ZipFile(handle).infolist())
        handle.seek(0)
        if unpacked > XLSX_UNPACKED_FACTOR * settings.NEWSROOM_MAX_SPREADSHEET_BYTES:
            raise SpreadsheetError(
                f"{name}: the workbook unpacks to {unpacked:,} bytes; that is a zip bomb, "
                "or far too big to import at once"
            )
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


def closest(value: str, candidates: dict[str, set[str]], *, n: int = 3) -> list[str]:
    """Return up to n keys whose key, name or a word of either is closest to value.

    `candidates` maps every case-folded spelling a person might type (a slug, an acronym, a
    name in any language, a word of those) to the keys it belongs to. Scored with difflib's
    ratio; a key scores its best spelling; only keys within 0.15 of the best one are offered,
    so that a name typed exactly ("Thailand") is not drowned by look-alikes ("Taiwan").
    """
    value = value.casefold().strip()
    matcher = difflib.SequenceMatcher(b=value)
    scores: dict[str, float] = {}
    for spelling, keys in candidates.items():
        matcher.set_seq1(spelling)
        if matcher.real_quick_ratio() < CLOSE_ENOUGH or matcher.quick_ratio() < CLOSE_ENOUGH:
            continue
        score = matcher.ratio()
        if score >= CLOSE_ENOUGH:
            for key in keys:
                scores[key] = max(score, scores.get(key, 0.0))
    if not scores:
        return []
    best = max(scores.values())
    ranked = sorted(scores, key=lambda key: (-scores[key], key))
    return [key for key in ranked if scores[key] >= best - 0.15][:n]


CLOSE_ENOUGH = 0.6  # difflib's own default cutoff for get_close_matches


def _spellings(rows: Iterable[tuple]) -> dict[str, set[str]]:
    """{case-folded spelling: keys} from rows of (key, *names), with the words of each."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for key, *names in rows:
        for spelling in (key, *names):
            text = str(spelling or "").casefold()
            if not text:
                continue
            spellings[text].add(str(key))
            for word in re.split(r"[\s\-_/(),.]+", text):
                if len(word) >= 4:  # "drugs" finds drug-trafficking; "of", "and" find nothing
                    spellings[word].add(str(key))
    return dict(spellings)


class Lookups:
    """Every vocabulary read once per import, both ways (natural key ↔ primary key), with the
    names a reader knows them by (for previews and "did you mean" hints)."""

    def __init__(self):
        sources = list(Source.objects.values_list("pk", "name", "slug"))
        topics = list(Topic.objects.values_list("pk", "slug", "name_en", "name_th", "name_vi"))
        countries = list(Country.objects.values_list("code", "name_en", "name_th", "name_vi"))
        agencies = list(
            Agency.objects.values_list("pk", "acronym", "name_en", "name_th", "name_vi")
        )
        self.sources = {name.casefold(): pk for pk, name, _slug in sources}
        self.ids = {
            "topics": {slug: pk for pk, slug, *_ in topics},
            "countries": {code: code for code, *_ in countries},
            "agencies": {acronym.upper(): pk for pk, acronym, *_ in agencies},
        }
        # Primary key → the natural key a cell holds (export text).
        self.names = {
            "source": {pk: name for pk, name, _slug in sources},
            "topics": {pk: slug for pk, slug, *_ in topics},
            "countries": {code: code for code, *_ in countries},
            "agencies": {pk: acronym for pk, acronym, *_ in agencies},
        }
        self._records = {"topics": topics, "countries": countries, "agencies": agencies}
        self._spellings = {
            "source": _spellings([(name, slug) for _pk, name, slug in sources]),
            "topics": _spellings([row[1:] for row in topics]),
            "countries": _spellings(countries),
            "agencies": _spellings([row[1:] for row in agencies]),
        }
        self._labels: dict[str, dict] = {}

    def suggest(self, column: str, value: str) -> str:
        """The closest existing keys to an unknown value, as “; did you mean “a” (Name) or
        “b”?”, or "" when nothing is close."""
        keys = closest(value, self._spellings[column])
        if not keys:
            return ""
        labels = {} if column == "source" else self.labels(column)
        ids = self.ids.get(column, {})
        shown = []
        for key in keys:
            label = labels.get(ids.get(key))
            shown.append(f"“{key}” ({label})" if label and label != key else f"“{key}”")
        options = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]
        return f"; did you mean {options}?"

    def labels(self, column: str) -> dict:
        """Primary key → the name readers know a tag by, in the active language."""
        if column not in self._labels:
            language = (translation.get_language() or "en")[:2]
            index = {"th": 1, "vi": 2}.get(language, 0)
            labels = {}
            for pk, *rest in self._records[column]:
                names = rest[-3:]  # name_en, name_th, name_vi
                labels[pk] = names[index] or names[0]
            self._labels[column] = labels
        return self._labels[column]

    def source(self, name: str) -> int:
        pk = self.sources.get(name.casefold())
        if pk is None:
            raise ValueError(f"unknown source “{name}”{self.suggest('source', name)}")
        return pk


def clipped_pair(old: str, new: str, *, width: int) -> tuple[str, str]:
    """Old and new text on one line each, cut to about width characters around the place
    where they first differ (so that a changed last paragraph shows the change)."""
    old, new = " ".join(old.split()), " ".join(new.split())
    pairs = enumerate(zip(old, new, strict=False))
    same = next((i for i, (a, b) in pairs if a != b), min(len(old), len(new)))
    begin = max(0, same - width // 4) if max(len(old), len(new)) > width else 0

    def cut(text: str) -> str:
        if len(text) <= width and not begin:
            return text
        piece = text[begin : begin + width].strip()
        return ("…" if begin else "") + piece + ("…" if begin + width < len(text) else "")

    return cut(old), cut(new)


def shown_text(value, *, width: int = 0) -> str:
    """A previewed value (see Cell) on one line: dates as YYYY-MM-DD, tags comma-separated,
    long text clipped to width characters (0: whole)."""
    if value is None:
        return "(empty)"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(value)
    text = " ".join(str(value).split())
    if width:
        text = clipped_pair(text, text, width=width)[0]
    return f"“{text}”"


def shown_change(cell: Cell, *, width: int) -> str:
    """A changed cell as “old” → “new” on one line, long text cut where the two differ."""
    if isinstance(cell.old, str) and isinstance(cell.new, str):
        old, new = clipped_pair(cell.old, cell.new, width=width)
        return f"“{old}” → “{new}”"
    return f"{shown_text(cell.old, width=width)} → {shown_text(cell.new, width=width)}"


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


_UPPER_KEYS = frozenset({"countries", "agencies"})
_LIST_LABELS = {"topics": "topic", "countries": "country code", "agencies": "agency"}


def _list(value, column: str, lookups: Lookups) -> list:
    text = _text(value)
    if not text:
        return []
    if column in _UPPER_KEYS:
        text = text.upper()
    table = lookups.ids[column]
    ids, unknown = set(), []
    for item in text.split(LIST_SEPARATOR):
        item = item.strip()
        if item:
            key = table.get(item)
            if key is None:
                unknown.append(item)
            else:
                ids.add(key)
    if unknown:
        raise ValueError(
            "; ".join(
                f"unknown {_LIST_LABELS[column]} “{u}”{lookups.suggest(column, u)}" for u in unknown
            )
        )
    return sorted(ids)


_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
LANGUAGES = frozenset(str(v) for v in Article.Language.values)
STATUSES = frozenset(str(v) for v in Article.Status.values)
PUBLISHED = str(Article.Status.PUBLISHED)


def _clean_slug(cell, lookups):
    slug = _text(cell).strip()
    if not slug:
        raise ValueError("a slug is required")
    if not _SLUG.fullmatch(slug):
        raise ValueError(f"“{slug}” may hold only letters, digits, hyphens and underscores")
    if len(slug) > 120:
        raise ValueError("longer than 120 characters")
    return slug


def _clean_headline(cell, lookups):
    text = _text(cell)
    if len(text) > 500:
        raise ValueError(f"{len(text)} characters; at most 500")
    return text


def _clean_text(cell, lookups):
    return _text(cell)


def _choice(allowed: frozenset, default: str):
    def clean(cell, lookups):
        value = _text(cell).strip() or default
        if value not in allowed:
            raise ValueError(f"“{value}” is not one of " + ", ".join(sorted(allowed)))
        return value

    return clean


def _clean_source(cell, lookups):
    name = _text(cell).strip()
    return lookups.source(name) if name else None


# Django's URLValidator costs a third of a row's cleaning; spreadsheet cells get this strict but
# cheap check (scheme, a dotted host or localhost, no spaces); the admin form validates fully.
_URL = re.compile(
    r"(?:https?|ftp)://(?:[^\s/?#@]+@)?(?:localhost|\[[0-9a-f:.]+\]|[^\s/?#:@.]+(?:\.[^\s/?#:@.]+)+)"
    r"(?::\d{1,5})?(?:[/?#]\S*)?",
    re.IGNORECASE,
)


def _clean_url(cell, lookups):
    url = _text(cell).strip()
    if url:
        if len(url) > 1000:
            raise ValueError("longer than 1000 characters")
        if not _URL.fullmatch(url):
            raise ValueError(f"“{url[:80]}” is not a valid http(s) URL")
    return url


def _clean_date(cell, lookups):
    return _date(cell)


_CLEANERS = {
    "slug": ("slug", _clean_slug),
    "headline": ("headline", _clean_headline),
    "headline_en": ("headline_en", _clean_headline),
    "summary": ("summary", _clean_text),
    "summary_en": ("summary_en", _clean_text),
    "body": ("body", _clean_text),
    "language": ("language", _choice(LANGUAGES, str(Article.Language.OTHER))),
    "status": ("status", _choice(STATUSES, str(Article.Status.DRAFT))),
    "source": ("source_id", _clean_source),
    "url": ("url", _clean_url),
    **{column: (column, _clean_date) for column in DATE_COLUMNS},
}


def clean_row(raw: dict, lookups: Lookups) -> tuple[dict, dict, list[tuple[str, str]]]:
    """Return (scalar values, tag id lists, errors as (column, message)) for the columns present."""
    values: dict = {}
    tags: dict = {}
    errors: list[tuple[str, str]] = []
    for column, cell in raw.items():
        try:
            if column in LIST_COLUMNS:
                tags[column] = _list(cell, column, lookups)
            else:
                field, clean = _CLEANERS[column]
                values[field] = clean(cell, lookups)
        except ValueError as error:
            errors.append((column, str(error)))
    return values, tags, errors


def _editorial_errors(final: dict, topics) -> list[tuple[str, str]]:
    """The checks the publish action makes, for a row that publishes an article."""
    errors = []
    if not (final.get("headline_en") or "").strip():
        errors.append(("headline_en", "a published article needs an English headline"))
    if not final.get("source_id"):
        errors.append(("source", "a published article needs a source"))
    if not topics:
        errors.append(("topics", "a published article needs at least one topic"))
    if final.get("flags"):
        errors.append(("status", "the article has unresolved review flags; resolve them first"))
    return errors


def _rule_errors(final: dict) -> list[tuple[str, str]]:
    errors = []
    start, end = final.get("event_start"), final.get("event_end")
    if start and end and end < start:
        errors.append(("event_end", f"the event ends ({end}) before it starts ({start})"))
    if final.get("status") == PUBLISHED:
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


def _as_text(cell) -> str:
    """A cell as the text an export would have written, to compare before cleaning."""
    if cell is None:
        return ""
    if isinstance(cell, datetime.datetime):
        return cell.date().isoformat()
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return _text(cell)


class _Importer:
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
        slugs = [_text(raw.get("slug")).strip() for _, raw in chunk if "__error__" not in raw]
        existing = {
            row["slug"]: row
            for row in Article.objects.filter(slug__any_of=slugs).values(
                "id", "slug", "published_at", "flags", "version", *SCALARS
            )
        }
        # Only a URL that is new to its article can collide with another article's.
        urls = set()
        for _, raw in chunk:
            url = _text(raw.get("url")).strip()
            before = existing.get(_text(raw.get("slug")).strip())
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
            slug = _text(raw.get("slug")).strip()
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
            rule_errors = _rule_errors(final)
            was_published = bool(before) and before["status"] == PUBLISHED
            becomes_published = final.get("status") == PUBLISHED
            problem = Article.move_problem(
                before["status"] if before else None,
                final.get("status") or str(Article.Status.DRAFT),
                may_publish=self.can_publish,
            )
            if problem:
                rule_errors.append(("status", problem))
            if becomes_published and not was_published:
                current = current_tags["topics"].get(before["id"], set()) if before else set()
                rule_errors += _editorial_errors(final, tags.get("topics", current))
            if final.get("status") == "scheduled" and (
                not before or before["status"] != "scheduled"
            ):
                rule_errors.append(("status", "schedule articles in the admin, with a time"))
            for column, message in rule_errors:
                self.error(number, column, message, slug)
            if rule_errors:
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

    def run(self, rows: Iterator, *, write: bool, progress) -> None:
        """Look up, classify and write chunk by chunk, overlapping the database with Python.

        On PostgreSQL every COPY stays open while Python works: the next chunk is read while a
        chunk's articles stream in, and classified while its tag links stream in. Everything
        stays in the caller's transaction.
        """
        chunks = _chunks(rows, CHUNK)
        chunk = next(chunks, None)
        pending: _Batch | None = None
        while chunk is not None or pending is not None:
            writing = pending is not None and write and not self.report.errors
            following = None
            if writing:
                written = len(self.touched) + len(pending.new) + len(pending.changed)
                if written > aggregates.LOGGED_ARTICLES and not self.logged_all:
                    # One "anything" row for the facet index, instead of the triggers'
                    # row per article and tag link.
                    aggregates.log_everything()
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
                self.touched += ids
                self.touched += [before["id"] for before, *_ in pending.changed]
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
    Once the import has committed, the search documents of the rows it created or changed are
    written (`report.indexed`); an interrupted indexing is finished by `reindex --missing`.
    With index=False the caller indexes `report.touched` itself (the benchmark times both).
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
    importer = _Importer(
        report, by=by, preview_rows=preview_rows, on_row=on_row, can_publish=can_publish
    )
    try:
        with transaction.atomic():
            importer.run(rows, write=not dry_run, progress=progress)
            if dry_run or report.errors:
                transaction.set_rollback(True)
            else:
                report.applied = True
    except IntegrityError as error:
        report.applied = False
        raise SpreadsheetError(f"{name}: the database refused the import ({error})") from None
    report.touched = importer.touched if report.applied else []
    if index and report.touched:
        report.indexed = search.index_articles(report.touched, progress=index_progress)
    if report.applied:
        # Bulk writes send no signals: counts are recomputed from here on.
        aggregates.changed(articles=report.touched)
    return report


# --- exporting -----------------------------------------------------------------------------


def export_rows(queryset, *, chunk: int = 2000) -> Iterator[list]:
    """Yield one list per article in COLUMNS order, reading in keyset-paginated chunks."""
    sources = dict(Source.objects.values_list("pk", "name"))
    names = {
        "topics": dict(Topic.objects.values_list("pk", "slug")),
        "agencies": dict(Agency.objects.values_list("pk", "acronym")),
        "countries": None,
    }
    fks = {"countries": "country_id", "topics": "topic_id", "agencies": "agency_id"}
    fields = (
        "pk", "slug", "headline", "headline_en", "language", "status", "source_id", "url",
        *DATE_COLUMNS, "summary", "summary_en", "body",
    )  # fmt: skip
    base = queryset.order_by("pk").values_list(*fields)
    last = 0
    while True:
        rows = list(base.filter(pk__gt=last)[:chunk])
        if not rows:
            return
        last = rows[-1][0]
        ids = [row[0] for row in rows]
        tags: dict[str, dict[int, list]] = {}
        for name, fk in fks.items():
            through = getattr(Article, name).through
            found = defaultdict(list)
            lookup = names[name]
            for article_id, key in through.objects.filter(article_id__in=ids).values_list(
                "article_id", fk
            ):
                found[article_id].append(key if lookup is None else lookup[key])
            tags[name] = found
        for pk, slug, headline, headline_en, language, status, source_id, url, *rest in rows:
            published_on, updated_on, event_start, event_end, summary, summary_en, body = rest
            yield [
                slug, headline, headline_en, language, status, sources.get(source_id, ""), url,
                published_on, updated_on, event_start, event_end,
                LIST_SEPARATOR.join(sorted(tags["countries"].get(pk, ()))),
                LIST_SEPARATOR.join(sorted(tags["topics"].get(pk, ()))),
                LIST_SEPARATOR.join(sorted(tags["agencies"].get(pk, ()))),
                summary, summary_en, body,
            ]  # fmt: skip


def _cell(value):
    if isinstance(value, str):
        return escape_formula(value)
    return value


# Formula escaping in SQL, the same rule as escape_formula.
_SQL_ESCAPED = "('=', '+', '-', '@', chr(9), chr(13), chr(39))"


def _copy_select(queryset) -> tuple[str, tuple]:
    """One SELECT producing export rows (escaped, tags joined, dates ISO) for COPY on PostgreSQL.

    Tags are aggregated once per table for the exported ids (hash joins), not per row.
    """
    subquery, params = queryset.order_by().values("pk").query.sql_with_params()
    q = connection.ops.quote_name
    table = {m: q(m._meta.db_table) for m in (Article, Source, Topic, Agency)}
    through = {name: q(getattr(Article, name).through._meta.db_table) for name in LIST_COLUMNS}

    def esc(column: str) -> str:
        starts = f"left({column}, 1) IN {_SQL_ESCAPED}"
        return f"CASE WHEN {starts} THEN chr(39) || {column} ELSE {column} END"

    def day(column: str) -> str:
        return f"to_char(a.{column}, 'YYYY-MM-DD')"

    def grouped(name: str, value: str, join: str = "") -> str:
        return (
            f"{name} AS (SELECT x.article_id, string_agg({value}, '|' ORDER BY {value} "
            f'COLLATE "C") AS v FROM {through[name]} x {join} '
            "WHERE x.article_id IN (SELECT article_pk FROM ids) GROUP BY x.article_id)"
        )

    source_name = esc("coalesce(s.name, '')")
    select = (
        f"WITH ids (article_pk) AS MATERIALIZED ({subquery}), "
        f"{grouped('countries', 'x.country_id')}, "
        f"{grouped('topics', 't.slug', f'JOIN {table[Topic]} t ON t.id = x.topic_id')}, "
        f"{grouped('agencies', 'g.acronym', f'JOIN {table[Agency]} g ON g.id = x.agency_id')} "
        f"SELECT a.slug, {esc('a.headline')}, {esc('a.headline_en')}, a.language, a.status, "
        f"{source_name}, {esc('a.url')}, "
        f"{day('published_on')}, {day('updated_on')}, {day('event_start')}, {day('event_end')}, "
        "coalesce(countries.v, ''), coalesce(topics.v, ''), coalesce(agencies.v, ''), "
        f"{esc('a.summary')}, {esc('a.summary_en')}, {esc('a.body')} "
        f"FROM {table[Article]} a JOIN ids ON ids.article_pk = a.id "
        f"LEFT JOIN {table[Source]} s ON s.id = a.source_id "
        "LEFT JOIN countries ON countries.article_id = a.id "
        "LEFT JOIN topics ON topics.article_id = a.id "
        "LEFT JOIN agencies ON agencies.article_id = a.id "
        "ORDER BY a.id"
    )
    return select, params


def _server_side(queryset) -> bool:
    return connection.vendor == "postgresql" and queryset.db == "default"


def _header_bytes() -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow(COLUMNS)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def csv_chunks(queryset) -> Iterator[bytes]:
    """Yield the CSV file (UTF-8 with a BOM, for Excel) in pieces, for streaming responses.

    On PostgreSQL the server writes the CSV itself (COPY ... TO STDOUT), several times faster
    than formatting rows in Python.
    """
    yield _header_bytes()
    if _server_side(queryset):
        select, params = _copy_select(queryset)
        statement = f"COPY ({select}) TO STDOUT WITH (FORMAT csv)"
        with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
            for block in copy:
                yield bytes(block)
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for n, row in enumerate(export_rows(queryset), 1):
        writer.writerow([v.isoformat() if isinstance(v, datetime.date) else _cell(v) for v in row])
        if n % 500 == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def write_csv(queryset, handle, *, progress: Callable[[int], None] | None = None) -> int:
    """Write the articles as CSV to a binary handle; return how many."""
    count = queryset.count()
    for chunk in csv_chunks(queryset):
        handle.write(chunk)
    if progress:
        progress(count)
    return count


def _text_rows(queryset) -> Iterator:
    """Export rows as escaped strings (dates ISO), from COPY on PostgreSQL."""
    if _server_side(queryset):
        select, params = _copy_select(queryset)
        statement = f"COPY ({select}) TO STDOUT"
        with connection.cursor() as cursor, cursor.cursor.copy(statement, params) as copy:
            yield from copy.rows()
        return
    for row in export_rows(queryset):
        yield [_cell(v) for v in row]


def write_xlsx(queryset, handle, *, progress: Callable[[int], None] | None = None) -> int:
    """Write the articles as an XLSX workbook, streamed; return how many."""
    from .xlsx import SheetWriter

    dates = frozenset(COLUMNS.index(c) for c in DATE_COLUMNS)
    count = 0
    with SheetWriter(handle, sheet="articles", width=len(COLUMNS), date_columns=dates) as sheet:
        sheet.append(COLUMNS, style=2)
        for row in _text_rows(queryset):
            sheet.append(row)
            count += 1
            if progress and count % 1000 == 0:
                progress(1000)
    if progress:
        progress(count % 1000)
    return count
