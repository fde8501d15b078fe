"""The language heuristic the importer used until py3langid (kept only to compare against)."""

from __future__ import annotations

import re
import unicodedata

_SCRIPTS = {
    "th": re.compile(r"[\u0e01-\u0e5b]"),
    "lo": re.compile(r"[\u0e81-\u0edf]"),
    "km": re.compile(r"[\u1780-\u17ff]"),
    "my": re.compile(r"[\u1000-\u109f]"),
}
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Letters only Vietnamese uses among Latin-script languages of the region (after NFC).
_VIETNAMESE = set(
    "ăâđêôơưĂÂĐÊÔƠƯ"
    "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
)
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "at",
        "from",
        "are",
        "were",
        "has",
        "have",
        "be",
        "it",
        "this",
        "said",
        "police",
    ]
)
_WORD = re.compile(r"[A-Za-z]+")


def detect_language(text: str) -> str:
    """Return th, vi, en, lo, km, my, or und when the text does not say."""
    text = unicodedata.normalize("NFC", text)
    counts = {code: len(pattern.findall(text)) for code, pattern in _SCRIPTS.items()}
    latin = len(_LATIN.findall(text))
    script, script_count = max(counts.items(), key=lambda item: item[1])
    if script_count and script_count >= latin:
        return script
    if not latin:
        return "und"
    if sum(1 for c in text if c in _VIETNAMESE) / latin >= 0.03:
        return "vi"
    words = [w.lower() for w in _WORD.findall(text)]
    if words and sum(1 for w in words if w in _ENGLISH_WORDS) / len(words) >= 0.08:
        return "en"
    return "und"
