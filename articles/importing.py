"""Import raw article files (paths, folders, zips, uploads) as drafts.

The service behind `import_seeds` and the admin upload; every file is reported as created,
updated, unchanged or error.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from . import history, search, services
from .ingest import ParsedArticle, Vocabulary, parse_article
from .ingest.decode import DecodeError
from .models import Agency, Article, Country, Source, Topic
from .vocabulary import load_vocabulary

CREATED, UPDATED, UNCHANGED, ERROR = "created", "updated", "unchanged", "error"
# Fields a re-import may refresh, unless an editor has changed them since (Article.edited_fields).
REFRESHED_FIELDS = (
    "headline", "language", "body", "source", "published_on", "updated_on", "event_start",
    "event_end",
)  # fmt: skip
TAG_FIELDS = {"topics": Topic, "countries": Country, "agencies": Agency}
BATCH_SIZE = 200


@dataclass
class RawFile:
    """One input file: its bytes, or why it could not be read."""

    name: str
    data: bytes | None = None
    error: str | None = None


@dataclass
class FileReport:
    file: str
    status: str
    error: str | None = None
    parsed: ParsedArticle | None = None
    article_id: int | None = None
    published: bool = False
    not_published_because: list[str] | None = None

    def as_json(self) -> dict:
        p = self.parsed
        date = lambda value: value.isoformat() if value else None  # noqa: E731
        return {
            "file": self.file,
            "status": self.status,
            "error": self.error,
            "language": p.language if p else None,
            "headline": p.headline if p else None,
            "published_on": date(p.published_on) if p else None,
            "updated_on": date(p.updated_on) if p else None,
            "event_start": date(p.event_start) if p else None,
            "event_end": date(p.event_end) if p else None,
            "outlet": p.outlet.as_dict()
            if p
            else {"name": None, "domain": None, "source_slug": None},
            "topics": [s.key for s in p.topics] if p else [],
            "countries": [s.key for s in p.countries] if p else [],
            "agencies": [s.key for s in p.agencies] if p else [],
            "flags": [f.as_dict() for f in p.flags] if p else [],
            "body": p.body if p else None,
        }


# --- reading files -------------------------------------------------------------------------


def _limit() -> int:
    return settings.NEWSROOM_MAX_IMPORT_FILE_BYTES


def _too_big(size: int) -> str:
    return f"the file is {size:,} bytes, over the {_limit():,}-byte limit"


def collect_files(paths: Iterable[str | os.PathLike]) -> Iterator[RawFile]:
    """Yield the files named: plain files, .txt files inside folders, members of .zip files."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*.txt")):
                if not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield _read_path(child)
        elif path.suffix.lower() == ".zip" and path.is_file():
            with path.open("rb") as handle:
                yield from read_zip(str(path), handle)
        else:
            yield _read_path(path)


def _read_path(path: Path) -> RawFile:
    try:
        size = path.stat().st_size
        if size > _limit():
            return RawFile(str(path), error=_too_big(size))
        return RawFile(str(path), data=path.read_bytes())
    except FileNotFoundError:
        return RawFile(str(path), error="no such file")
    except OSError as error:
        return RawFile(str(path), error=f"cannot be read ({error.strerror})")


def read_zip(name: str, handle) -> Iterator[RawFile]:
    """Yield the .txt members of a zip, refusing unsafe paths and zip bombs member by member."""
    try:
        archive = zipfile.ZipFile(handle)
        members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError) as error:
        yield RawFile(name, error=f"not a readable zip archive ({error})")
        return
    if len(members) > settings.NEWSROOM_MAX_ZIP_MEMBERS:
        yield RawFile(name, error=f"the archive holds {len(members):,} files, over the limit")
        return
    total = 0
    for member in members:
        label = f"{name}:{member.filename}"
        pure = PurePosixPath(member.filename.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts or member.filename.startswith(("/", "\\")):
            yield RawFile(label, error="unsafe path in the archive (absolute or with ..); skipped")
            continue
        if pure.name.startswith(".") or "__MACOSX" in pure.parts or pure.suffix.lower() != ".txt":
            continue
        if member.file_size > _limit():
            yield RawFile(label, error=_too_big(member.file_size))
            continue
        if member.compress_size and member.file_size / member.compress_size > 200:
            yield RawFile(label, error="compression ratio is suspicious (a zip bomb?); skipped")
            continue
        total += member.file_size
        if total > settings.NEWSROOM_MAX_ZIP_TOTAL_BYTES:
            yield RawFile(label, error="the archive unpacks to more than the limit; stopped here")
            return
        try:
            with archive.open(member) as stream:
                data = stream.read(_limit() + 1)  # never trust the declared size alone
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
            yield RawFile(label, error=f"cannot be unpacked ({error})")
            continue
        if len(data) > _limit():
            yield RawFile(label, error=_too_big(len(data)))
            continue
        yield RawFile(label, data=data)


# --- writing articles ----------------------------------------------------------------------


def make_slug(parsed: ParsedArticle) -> str:
    """Readable where the headline has Latin words, always unique through the content key."""
    headline = parsed.headline.replace("Đ", "D").replace("đ", "d")
    base = slugify(headline)[:80].strip("-")
    suffix = hashlib.sha1(parsed.natural_key.encode()).hexdigest()[:8]
    return f"{base}-{suffix}" if len(base) >= 8 else f"{parsed.language}-{suffix}"


def _values(parsed: ParsedArticle, sources: dict[str, Source]) -> dict:
    return {
        "headline": parsed.headline[:500],
        "language": parsed.language,
        "body": parsed.body,
        "source": sources.get(parsed.outlet.source_slug or ""),
        "published_on": parsed.published_on,
        "updated_on": parsed.updated_on,
        "event_start": parsed.event_start,
        "event_end": parsed.event_end,
    }


def _details(parsed: ParsedArticle) -> dict:
    return {
        "encoding": parsed.encoding,
        "outlet": {**parsed.outlet.as_dict(), "evidence": parsed.outlet.evidence},
        "evidence": {
            kind: {s.key: list(s.evidence) for s in getattr(parsed, kind)}
            for kind in Article.TAG_RELATIONS
        },
        "removed": [{"reason": r.reason, "text": r.text} for r in parsed.removed],
    }


def _tags(parsed: ParsedArticle) -> dict[str, list[str]]:
    return {
        "topics": [s.key for s in parsed.topics],
        "countries": [s.key for s in parsed.countries],
        "agencies": [s.key for s in parsed.agencies],
    }


class _RawFileImport:
    def __init__(self, *, publish: bool, by, vocabulary: Vocabulary):
        self.publish = publish
        self.by = by
        self.vocabulary = vocabulary
        self.sources = {s.slug: s for s in Source.objects.all()}
        self.ids = {
            "topics": dict(Topic.objects.values_list("slug", "pk")),
            "countries": {code: code for code in Country.objects.values_list("pk", flat=True)},
            "agencies": dict(Agency.objects.values_list("acronym", "pk")),
        }

    def parse(self, raw: RawFile) -> FileReport:
        if raw.error:
            return FileReport(raw.name, ERROR, error=raw.error)
        try:
            parsed = parse_article(raw.data, vocabulary=self.vocabulary)
        except DecodeError as error:
            return FileReport(raw.name, ERROR, error=str(error))
        if not (parsed.body or parsed.headline):
            return FileReport(raw.name, ERROR, error="no text left after removing site chrome")
        return FileReport(raw.name, CREATED, parsed=parsed)

    def write_batch(self, reports: list[FileReport]) -> None:
        pending = [r for r in reports if r.parsed is not None]
        if not pending:
            return
        try:
            with transaction.atomic():
                self._write(pending)
        except IntegrityError:
            # Find the file that broke the batch: write one by one, each all-or-nothing.
            for report in pending:
                try:
                    with transaction.atomic():
                        self._write([report])
                except IntegrityError as error:
                    report.status, report.error = ERROR, f"could not be saved ({error})"
                    report.article_id = None

    def _write(self, reports: list[FileReport]) -> None:
        keys = {r.parsed.natural_key for r in reports}
        existing = {
            a.import_ref: a
            for a in Article.objects.filter(import_ref__in=keys).prefetch_related(*TAG_FIELDS)
        }
        new: list[tuple[FileReport, Article]] = []
        seen: set[str] = set()
        for report in reports:
            parsed = report.parsed
            if parsed.natural_key in seen:
                report.status = UNCHANGED  # the same article twice in one run
                continue
            seen.add(parsed.natural_key)
            article = existing.get(parsed.natural_key)
            if article is None:
                new.append((report, self._new_article(parsed)))
            else:
                report.article_id = article.pk
                report.status = self._update(article, parsed)

        created = Article.objects.bulk_create([a for _, a in new])
        through_rows: dict[str, list] = {name: [] for name in TAG_FIELDS}
        for (report, _), article in zip(new, created, strict=True):
            report.status, report.article_id = CREATED, article.pk
            for name, keys in _tags(report.parsed).items():
                through = getattr(Article, name).through
                column = f"{TAG_FIELDS[name]._meta.model_name}_id"
                through_rows[name] += [
                    through(article_id=article.pk, **{column: self.ids[name][key]})
                    for key in keys
                    if key in self.ids[name]
                ]
        for name, rows in through_rows.items():
            getattr(Article, name).through.objects.bulk_create(rows)
        # Their first history entry ("raw import", with their tags), so an article's history
        # starts with the import, as an editor's later changes follow it.
        history.record_versions(
            created=[a.pk for a in created], by=self.by, now=timezone.now(), reason="raw import"
        )
        # Bulk-created rows send no signals; updated ones were saved and are indexed on commit.
        search.index_articles(r.article_id for r in reports if r.status == CREATED and r.article_id)

        if self.publish:
            ready = [
                r.article_id
                for r in reports
                if r.status in (CREATED, UPDATED) and not r.parsed.flags and r.article_id
            ]
            if ready:
                result = services.publish_articles(
                    articles=Article.objects.filter(pk__in=ready), by=self.by
                )
                for report in reports:
                    if report.article_id in ready:
                        report.published = report.article_id not in result.refused_ids
                        report.not_published_because = result.reasons_by_id.get(report.article_id)

    def _new_article(self, parsed: ParsedArticle) -> Article:
        return Article(
            slug=make_slug(parsed),
            import_ref=parsed.natural_key,
            raw_text=parsed.text,
            flags=[f.as_dict() for f in parsed.flags],
            import_details=_details(parsed),
            created_by=self.by,
            updated_by=self.by,
            **_values(parsed, self.sources),
        )

    def _update(self, article: Article, parsed: ParsedArticle) -> str:
        if article.raw_text == parsed.text:
            return UNCHANGED
        if article.status not in (Article.Status.DRAFT, Article.Status.IN_REVIEW):
            return UNCHANGED  # published text changes only through an editor
        edited = set(article.edited_fields)
        for name, value in _values(parsed, self.sources).items():
            if name not in edited:
                setattr(article, name, value)
        article.raw_text = parsed.text
        article.flags = [f.as_dict() for f in parsed.flags]
        article.import_details = _details(parsed)
        article.updated_by = self.by
        article.save()
        for name, keys in _tags(parsed).items():
            if name not in edited:
                getattr(article, name).set([self.ids[name][k] for k in keys if k in self.ids[name]])
        return UPDATED


def import_raw_articles(
    *,
    files: Iterable[RawFile],
    publish: bool = False,
    dry_run: bool = False,
    by=None,
    progress: Callable[[FileReport], None] | None = None,
) -> list[FileReport]:
    """Import raw files as draft articles; with dry_run nothing is written, the report is the same.

    Each file is all-or-nothing: a bad file is reported and the others still import.
    """
    if publish and by is not None and not by.has_perm(services.PUBLISH_PERMISSION):
        publish = False
    importer = _RawFileImport(publish=publish, by=by, vocabulary=load_vocabulary())
    reports: list[FileReport] = []
    with transaction.atomic():
        batch: list[FileReport] = []
        for raw in files:
            report = importer.parse(raw)
            batch.append(report)
            if len(batch) >= BATCH_SIZE:
                importer.write_batch(batch)
                _done(batch, reports, progress)
                batch = []
        importer.write_batch(batch)
        _done(batch, reports, progress)
        if dry_run:
            transaction.set_rollback(True)
    return reports


def _done(batch, reports, progress) -> None:
    reports.extend(batch)
    if progress:
        for report in batch:
            progress(report)
