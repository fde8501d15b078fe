"""Alphabetical order as readers of each language expect it (ICU's CLDR collations).

Python's own sort compares code points: Đ after every other Latin letter, accented Vietnamese
vowels far from their base letter, Thai words by their leading vowel (เ, แ, โ) instead of their
first consonant. ICU knows each language's order: Vietnamese ă, â after a and đ after d with
tones as lesser differences; Thai by consonant, prevowels skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import icu
from django.utils import translation


@cache
def _collator(language: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(language))


def sort_key(language: str | None = None) -> Callable[[str], bytes]:
    """A key function that sorts strings alphabetically for `language` (default: the active one)."""
    language = (language or translation.get_language() or "en").split("-")[0]
    return _collator(language).getSortKey


def alphabetical(items, key: Callable = str, language: str | None = None) -> list:
    """The items in the reader's alphabetical order of key(item)."""
    collate = sort_key(language)
    return sorted(items, key=lambda item: collate(key(item)))
