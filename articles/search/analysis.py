"""The analyser: text → words and forms, the same for documents and queries (see the package)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice

# Between fields and streams: ๆ (the Thai repetition mark) is a token to both databases, and
# one no query can produce (the analyser turns it into a space).
SENTINEL = "ๆ"
MAX_TOKEN_CHARS = 60  # longer runs are noise (hashes, base64), not words
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙ๆฯ_", "0123456789   ")
THAI_RUN = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+")
_TRANSLATED = re.compile("[๐-๙ๆฯ_]")
_LATIN_WORD = re.compile(r"[\w\u0300-\u036f]+")  # in text outside Thai runs, "_" made a space


@lru_cache(maxsize=500_000)
def fold(word: str) -> str:
    """Drop diacritics from a non-Thai word (túy → tuy, Đà → Da); Thai is left alone."""
    word = word.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def _lower_char(char: str) -> str:
    """Lower-case one character to one character (İ stays), so positions keep matching."""
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _fold_char(char: str) -> str:
    """Fold one character to one character, so positions in folded text match the original."""
    lowered = _lower_char(char)
    if "\u0e00" <= lowered <= "\u0e7f":
        return lowered
    folded = fold(lowered)
    return folded if len(folded) == 1 else lowered


class _CharTable(dict):
    """A str.translate table filled on first sight of each character: snippets lower-case and
    fold whole bodies, character by character, twenty articles a page."""

    def __init__(self, convert: Callable[[str], str]):
        super().__init__()
        self.convert = convert

    def __missing__(self, code: int) -> str:
        self[code] = converted = self.convert(chr(code))
        return converted


LOWER_TABLE = _CharTable(_lower_char)
FOLD_TABLE = _CharTable(_fold_char)


@cache
def segmenters() -> tuple[Callable[[str], list[str]], Callable[[str], list[str]]]:
    from pythainlp.corpus import thai_syllables, thai_words

    from ..ingest.tagging import dictionary_segmenter

    return dictionary_segmenter(thai_words(), "words"), dictionary_segmenter(
        thai_syllables(), "syllables"
    )


@lru_cache(maxsize=200_000)
def _syllables(word: str) -> tuple[str, ...]:
    return tuple(segmenters()[1](word)) or (word,)


@dataclass(frozen=True)
class Token:
    word: str  # the words stream
    forms: tuple[str, ...]  # the forms stream: syllables, or the folded word
    thai: bool

    @property
    def plain(self) -> bool:
        """True for a non-Thai word without diacritics (it matches the folded forms)."""
        return not self.thai and self.forms == (self.word,)


def _runs(text: str) -> Iterator[tuple[bool, list[str]]]:
    """The one scan behind documents and queries: (is Thai, words) per run of text, in order —
    Thai runs segmented into words, other text into lower-cased words."""
    text = unicodedata.normalize("NFC", text)
    if _TRANSLATED.search(text):
        text = text.translate(_THAI_DIGITS)
    cursor = 0
    for match in THAI_RUN.finditer(text):
        if match.start() > cursor:
            yield False, _latin_words(text[cursor : match.start()])
        run = match.group()
        yield True, _thai_words(run) if len(run) <= CACHED_RUN else _thai_words.__wrapped__(run)
        cursor = match.end()
    if cursor < len(text):
        yield False, _latin_words(text[cursor:])


# Runs up to this long are kept once segmented: names and set phrases recur across a catalogue;
# longer runs (whole Thai sentences) seldom do, and caching them held a worker at 620 MB by
# 100,000 articles.
CACHED_RUN = 40


@lru_cache(maxsize=100_000)
def _thai_words(run: str) -> tuple[str, ...]:
    """A short Thai run's words, segmented once per process (callers only read the tuple)."""
    return tuple(w for w in segmenters()[0](run) if len(w) <= MAX_TOKEN_CHARS)


def _latin_words(text: str) -> list[str]:
    found = _LATIN_WORD.findall(text.lower())
    if found and max(map(len, found)) > MAX_TOKEN_CHARS:
        found = [w for w in found if len(w) <= MAX_TOKEN_CHARS]
    return found


def tokens(text: str) -> Iterator[Token]:
    """Analyse text into tokens, in reading order (queries: each token with its own forms)."""
    for thai, words in _runs(text):
        for word in words:
            if thai:
                yield Token(word, _syllables(word), True)
            else:
                yield Token(word, (fold(word),), False)


def streams(text: str) -> tuple[list[str], list[str]]:
    """Return the words and the forms of a text (documents: Thai forms include syllable pairs)."""
    words: list[str] = []
    forms: list[str] = []
    for thai, run_words in _runs(text):
        words += run_words
        if not thai:
            forms += map(fold, run_words)
        elif len(run_words) <= CACHED_WORDS:
            forms += _syllable_forms(run_words)
        else:
            forms += _syllable_forms.__wrapped__(run_words)
    return words, forms


CACHED_WORDS = 6  # the words of a run up to CACHED_RUN characters, about


@lru_cache(maxsize=100_000)
def _syllable_forms(run_words: tuple[str, ...]) -> tuple[str, ...]:
    """A Thai run's syllables, each followed by itself joined to the next: คอม, คอมพิว, พิว, …
    A word is then found inside any compound by its syllable pairs, with no positions needed."""
    syllables = [s for w in run_words for s in _syllables(w)]
    forms = []
    for i, syllable in enumerate(syllables[:-1]):
        forms += (syllable, syllable + syllables[i + 1])
    if syllables:
        forms.append(syllables[-1])
    return tuple(forms)


def analyse_fields(texts: Iterable[str]) -> list[str]:
    """Tokens for several fields: each field's words then, where they differ, its forms (an
    English field's forms are its words); sentinels between."""
    out: list[str] = []
    for text in texts:
        if not text:
            continue
        words, forms = _short_streams(text) if len(text) < 160 else streams(text)
        if not words:
            continue
        if out:
            out.append(SENTINEL)
        out.extend(words)
        if forms != words:
            out.append(SENTINEL)
            out.extend(forms)
    return out


@lru_cache(maxsize=20_000)
def _short_streams(text: str) -> tuple[list[str], list[str]]:
    """Outlet and tag names recur in every article that carries them: analyse them once.
    (Callers only read the lists.)"""
    return streams(text)


def to_tsvector_literal(text: str) -> str:
    """The tsvector PostgreSQL makes of analysed text with to_tsvector('simple', text), written
    as a literal: bulk loaders send this and spare the server its parser."""
    return tsvector_literal(text.split())


def tsvector_literal(tokens: list[str]) -> str:
    """to_tsvector_literal of analysed tokens (the bulk path: no text to join and split)."""
    positions: defaultdict[str, list[str]] = defaultdict(list)
    labels = islice(_position_labels(len(tokens)), 1, None)  # (the cache may hold more)
    for token, label in zip(tokens, labels, strict=False):
        positions[token].append(label)
    quoted = _quoted  # PostgreSQL keeps a lexeme's first 256 positions
    return " ".join(
        [f"{quoted(token)}:{','.join(found[:256])}" for token, found in positions.items()]
    )


_LABELS: list[str] = []


def _position_labels(count: int) -> list[str]:
    """ "0", "1", … as strings; positions past 16383 are written as 16383, as PostgreSQL does."""
    while len(_LABELS) <= count:
        _LABELS.append(str(min(len(_LABELS), 16383)))
    return _LABELS


@lru_cache(maxsize=200_000)
def _quoted(token: str) -> str:
    return quote_lexeme(token)


def quote_lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def document_values(head: list[str], body: list[str], vendor: str) -> tuple[str, str]:
    """The stored (head, document) texts: analysed tokens, space-separated. PostgreSQL turns
    them into tsvectors on the way in (SearchTextField), its `document` repeating the head."""
    head_tokens, document_tokens = document_token_lists(head, body, vendor)
    return " ".join(head_tokens), " ".join(document_tokens)


def document_token_lists(
    head: list[str], body: list[str], vendor: str
) -> tuple[list[str], list[str]]:
    """document_values as token lists (what the bulk writer makes PostgreSQL's literals of)."""
    head_tokens = analyse_fields(head)
    body_tokens = analyse_fields(body)
    if vendor == "postgresql" and head_tokens:
        return head_tokens, [*head_tokens, SENTINEL, *body_tokens]
    return head_tokens, body_tokens
