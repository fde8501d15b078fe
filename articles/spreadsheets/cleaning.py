"""Each row's cells made into the article's values: lookups of outlets and tags (with the
closest known spelling offered for an unknown one), dates, slugs, choices, the publication rules."""

from __future__ import annotations

import datetime
import difflib
import re
from collections import defaultdict
from collections.abc import Iterable

from django.utils import translation

from ..models import Agency, Article, Country, Source, Topic
from .columns import DATE_COLUMNS, LIST_COLUMNS, LIST_SEPARATOR, unescape_formula


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


def cell_text(value) -> str:
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
    text = cell_text(value)
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
    slug = cell_text(cell).strip()
    if not slug:
        raise ValueError("a slug is required")
    if not _SLUG.fullmatch(slug):
        raise ValueError(f"“{slug}” may hold only letters, digits, hyphens and underscores")
    if len(slug) > 120:
        raise ValueError("longer than 120 characters")
    return slug


def _clean_headline(cell, lookups):
    text = cell_text(cell)
    if len(text) > 500:
        raise ValueError(f"{len(text)} characters; at most 500")
    return text


def _clean_text(cell, lookups):
    return cell_text(cell)


def _choice(allowed: frozenset, default: str):
    def clean(cell, lookups):
        value = cell_text(cell).strip() or default
        if value not in allowed:
            raise ValueError(f"“{value}” is not one of " + ", ".join(sorted(allowed)))
        return value

    return clean


def _clean_source(cell, lookups):
    name = cell_text(cell).strip()
    return lookups.source(name) if name else None


# Django's URLValidator costs a third of a row's cleaning; spreadsheet cells get this strict but
# cheap check (scheme, a dotted host or localhost, no spaces); the admin form validates fully.
_URL = re.compile(
    r"(?:https?|ftp)://(?:[^\s/?#@]+@)?(?:localhost|\[[0-9a-f:.]+\]|[^\s/?#:@.]+(?:\.[^\s/?#:@.]+)+)"
    r"(?::\d{1,5})?(?:[/?#]\S*)?",
    re.IGNORECASE,
)


def _clean_url(cell, lookups):
    url = cell_text(cell).strip()
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


def editorial_errors(final: dict, topics) -> list[tuple[str, str]]:
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


def rule_errors(final: dict) -> list[tuple[str, str]]:
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
