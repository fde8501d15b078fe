"""The passage of an article that shows why it matched, with the match highlighted."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import Article
from .analysis import FOLD_TABLE, LOWER_TABLE, segmenters
from .query import Query

_THAI_LETTER = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]")
_WORD_CHAR = re.compile(r"[^\W_]|[\u0300-\u036f]")
MAX_WORD_BACKTRACK = 40  # a "word" longer than this (a URL, a hash) may be cut inside


@lru_cache(maxsize=10_000)
def _thai_word_ends(run: str) -> tuple[int, ...]:
    """The offsets inside a Thai run at which its words end (nlpo3: they join to the run)."""
    ends, offset = [], 0
    for word in segmenters()[0](run):
        offset += len(word)
        ends.append(offset)
    return tuple(ends)


def word_boundary(text: str, index: int) -> int:
    """The last place at or before `index` where `text` may be cut without cutting a word:
    Thai, written without spaces, at the end of a word its segmenter finds; other scripts
    at a space or punctuation. A word longer than MAX_WORD_BACKTRACK is cut where it is."""
    if index <= 0 or index >= len(text):
        return max(0, min(index, len(text)))
    before, after = text[index - 1], text[index]
    if _THAI_LETTER.match(before) and _THAI_LETTER.match(after):
        start, end = index, index
        while start > 0 and _THAI_LETTER.match(text[start - 1]):
            start -= 1
        while end < len(text) and _THAI_LETTER.match(text[end]):
            end += 1
        ends = [e for e in _thai_word_ends(text[start:end]) if start + e <= index]
        cut = start + ends[-1] if ends else start
        return cut if index - cut <= MAX_WORD_BACKTRACK else index
    if _WORD_CHAR.match(before) and _WORD_CHAR.match(after):
        cut = index
        while cut > 0 and _WORD_CHAR.match(text[cut - 1]) and index - cut <= MAX_WORD_BACKTRACK:
            cut -= 1
        return cut if index - cut <= MAX_WORD_BACKTRACK else index
    return index


def clip(text: str, length: int) -> str:
    """The text cut to at most `length` characters on a word boundary, "…" marking a cut."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    cut = word_boundary(text, length - 1) or length - 1
    return text[:cut].rstrip() + "…"


def snippet(text: str, query: Query | None, length: int = 240) -> SafeString:
    """A passage of `text` around the query's terms, escaped, the terms in <mark>; it starts
    and ends on word boundaries (Thai ones too)."""
    text = unicodedata.normalize("NFC", " ".join((text or "").split()))
    if not text:
        return mark_safe("")
    spans = _find(text, query) if query else []
    if not spans:
        return mark_safe(escape(clip(text, length + 1)))
    # The window that holds the most matches, starting a little before its first one.
    best_start, best_count = spans[0][0], 0
    for start, _ in spans:
        count = sum(1 for s, e in spans if start <= s and e <= start + length)
        if count > best_count:
            best_start, best_count = start, count
    begin = word_boundary(text, max(0, best_start - length // 4))
    end = min(len(text), begin + length)
    # Never end inside a match: a highlight that does not fit is left out whole.
    inside = [start for start, stop in spans if start < end < stop]
    cut = word_boundary(text, inside[0] if inside else end)
    end = cut if cut > begin else end
    out = ["…" if begin else ""]
    cursor = begin
    for start, stop in spans:
        if start < cursor or stop > end:
            continue
        out += [escape(text[cursor:start]), "<mark>", escape(text[start:stop]), "</mark>"]
        cursor = stop
    out += [escape(text[cursor:end].rstrip()), "…" if end < len(text) else ""]
    return mark_safe("".join(out))


def _find(text: str, query: Query) -> list[tuple[int, int]]:
    haystacks = {}
    spans: list[tuple[int, int]] = []
    for clause in query.positive:
        for term in clause.terms:
            for needle, use_folded in term.needles:
                if use_folded not in haystacks:
                    haystacks[use_folded] = text.translate(
                        FOLD_TABLE if use_folded else LOWER_TABLE
                    )
                haystack = haystacks[use_folded]
                if "\u0e00" <= needle[:1] <= "\u0e7f":
                    pattern = re.escape(needle)
                else:
                    pattern = rf"(?<![^\W_]){re.escape(needle)}(?![^\W_])"
                spans += [(m.start(), m.end()) for m in re.finditer(pattern, haystack)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, stop in spans:
        # Overlapping or only a space apart (ma túy): one highlight.
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
        else:
            merged.append((start, stop))
    return merged


@dataclass(frozen=True)
class Snippet:
    html: SafeString
    lang: str


def snippet_for(article: Article, query: Query, length: int = 240) -> Snippet | None:
    """The passage of the article that best shows why it matched (None when only tags did)."""
    for text, lang in (
        (article.summary_en, "en"),
        (article.summary, article.language),
        (article.body, article.language),
    ):
        if text and _find(unicodedata.normalize("NFC", " ".join(text.split())), query):
            return Snippet(snippet(text, query, length), lang)
    return None
