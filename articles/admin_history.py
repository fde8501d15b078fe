"""An article's history as an editor reads it: what each entry changed, old → new, in words.

simple_history stores a full copy of the article per save. Here each copy is compared with the
one before it over the fields an editor cares about; bookkeeping (who edited, which fields were
edited by hand) is shown elsewhere or not at all, and a copy that changes none of them (a save
with no edit) is no entry. Flags read as their messages, with how each one was settled."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import ARTICLE_HISTORY, Article, Source

# What an entry compares, in the order the change form shows it.
TRACKED = (
    "status", "published_at", "headline", "slug", "language", "summary", "body", "headline_en",
    "summary_en", "source", "url", "topics", "countries", "agencies", "published_on",
    "updated_on", "event_start", "event_end", "flags",
)  # fmt: skip
TAGS = {"topics": "topic", "countries": "country", "agencies": "agency"}
LONG_TEXT = 160  # longer texts are shown around their first difference
CONTEXT = 60


@dataclass
class Change:
    label: str
    old: str
    new: str
    notes: list[str] = field(default_factory=list)
    old_empty: bool = False


@dataclass
class Entry:
    record: object  # a HistoricalArticle
    changes: list[Change]
    first: bool


def history_records(article: Article):
    """Return the article's history, oldest first, with what the comparison reads."""
    return article.history.order_by("history_date", "history_id").select_related("history_user")


def readable_history(article: Article, records) -> list[Entry]:
    """Return the entries that change something, oldest first (the first is the creation)."""
    records = list(records)
    sources = dict(
        Source.objects.filter(pk__in={r.source_id for r in records if r.source_id}).values_list(
            "pk", "name"
        )
    )
    tags = _tags_by_record(records)
    resolutions = _resolutions(article)
    entries: list[Entry] = []
    before: dict | None = None
    for record in records:
        values = _values(record, tags)
        if before is None:
            changes = [
                _change(name, None, values[name], sources, record, resolutions)
                for name in TRACKED
                if not _empty(values[name]) and name not in ("status", "slug")
            ]
            entries.append(Entry(record, changes, first=True))
        else:
            changes = [
                _change(name, before[name], values[name], sources, record, resolutions)
                for name in TRACKED
                if _comparable(before[name]) != _comparable(values[name])
            ]
            if changes:
                entries.append(Entry(record, changes, first=False))
        before = values
    return entries


def _tags_by_record(records) -> dict[str, dict[int, list[str]]]:
    """The names of the topics, countries and agencies each record holds: three queries for
    the names, three for the records' tag rows (historical tags cannot be prefetched)."""
    ids = [r.history_id for r in records]
    tags: dict[str, dict[int, list[str]]] = {}
    for name, target in TAGS.items():
        model_field = Article._meta.get_field(name)
        rows = list(
            ARTICLE_HISTORY.m2m_models[model_field]
            .objects.filter(history_id__in=ids)
            .values_list("history_id", f"{target}_id")
        )
        names = {
            obj.pk: str(obj)
            for obj in model_field.related_model.objects.filter(pk__in={key for _, key in rows})
        }
        tags[name] = {}
        for history_id, key in rows:
            tags[name].setdefault(history_id, []).append(names.get(key, str(key)))
    return tags


def _values(record, tags: dict[str, dict[int, list[str]]]) -> dict:
    values = {name: getattr(record, name) for name in TRACKED if name not in TAGS}
    values["source"] = record.source_id
    for name in TAGS:
        values[name] = sorted(tags[name].get(record.history_id, []))
    return values


def _empty(value) -> bool:
    return value in (None, "", [], "und")


def _comparable(value):
    if _empty(value):
        return None
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    if isinstance(value, list) and value and isinstance(value[0], dict):  # flags
        return sorted((f.get("code", ""), f.get("message", "")) for f in value)
    return value


def _label(name: str) -> str:
    return str(Article._meta.get_field(name).verbose_name).capitalize()


def _words(name: str, value, sources: dict) -> str:
    if _empty(value) and name != "language":
        return _("none") if name in (*TAGS, "flags", "source") else _("empty")
    model_field = Article._meta.get_field(name)
    if name == "source":
        return sources.get(value, _("a deleted source"))
    if name in TAGS:
        return ", ".join(value)
    if name == "flags":  # in words in the change's notes
        return ngettext("%(n)d open flag", "%(n)d open flags", len(value)) % {"n": len(value)}
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def _excerpts(old: str, new: str) -> tuple[str, str]:
    """The two texts around where they first differ, when either is long."""
    if max(len(old), len(new)) <= LONG_TEXT:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    begin = max(0, start - CONTEXT)

    def cut(text: str) -> str:
        piece = text[begin : begin + 2 * CONTEXT]
        return ("…" if begin else "") + piece + ("…" if begin + 2 * CONTEXT < len(text) else "")

    return cut(old), cut(new)


def _change(name, old, new, sources, record, resolutions) -> Change:
    old_words = _words(name, old, sources) if old is not None or name == "flags" else _("empty")
    new_words = _words(name, new, sources)
    if name in ("body", "summary", "summary_en") and not _empty(old) and not _empty(new):
        old_words, new_words = _excerpts(old.replace("\r\n", "\n"), new.replace("\r\n", "\n"))
    elif name in ("body", "summary", "summary_en") and len(new_words) > LONG_TEXT:
        new_words = new_words[:LONG_TEXT] + "…"
    change = Change(_label(name), old_words, new_words, old_empty=_empty(old))
    if name == "flags":
        change.notes = _flag_notes(old or [], new or [], record, resolutions)
    return change


def _flag_notes(old: list, new: list, record, resolutions) -> list[str]:
    old_codes = {f.get("code") for f in old}
    new_codes = {f.get("code") for f in new}
    notes = []
    for flag in old:
        if flag.get("code") not in new_codes:
            how = _resolution_words(flag.get("code"), record.history_date, resolutions)
            notes.append(
                _("settled: “%(flag)s” — %(how)s") % {"flag": flag.get("message"), "how": how}
                if how
                else _("settled: “%(flag)s”") % {"flag": flag.get("message")}
            )
    for flag in new:
        if flag.get("code") not in old_codes:
            notes.append(_("raised: “%(flag)s”") % {"flag": flag.get("message")})
    return notes


def _resolutions(article: Article) -> list[tuple[datetime.datetime, str, str]]:
    found = []
    for batch in (article.import_details or {}).get("resolved_flags", []):
        try:
            at = datetime.datetime.fromisoformat(batch["at"])
        except (KeyError, TypeError, ValueError):
            continue
        for flag in batch.get("flags", []):
            found.append((at, flag.get("code"), flag.get("resolution", "")))
    return found


def _resolution_words(code, when: datetime.datetime, resolutions) -> str:
    """How the flag was settled: the latest record of it made by the time of this entry."""
    slack = datetime.timedelta(seconds=1)
    matches = [(at, text) for at, c, text in resolutions if c == code and at <= when + slack]
    if not matches:
        return ""
    text = max(matches)[1]
    if text.startswith("dismissed: "):
        return _("dismissed: %(reason)s") % {"reason": text.removeprefix("dismissed: ")}
    if text.endswith(" filled in"):
        name = text.removesuffix(" filled in")
        try:
            return _("%(field)s was filled in") % {"field": _label(name)}
        except FieldDoesNotExist:  # a field since renamed: say it as it was recorded
            return text
    return text
