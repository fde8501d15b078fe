"""Suggest topics, countries and agencies from the vocabularies, with the words that matched.

Thai has no spaces between words, so a Thai term counts only where it starts and ends on a word
boundary of the segmented text (ลาว in สปป.ลาว, not inside another word). Segmentation uses nlpo3
(newmm in Rust) with PyThaiNLP's dictionary plus the vocabulary's own Thai terms.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from bisect import bisect_right
from collections import defaultdict
from pathlib import Path

import nlpo3
from pythainlp.corpus import thai_words

from .types import Suggestion

_THAI = re.compile(r"[\u0e00-\u0e7f]")
# Latin-script words (with Vietnamese letters); Thai runs are matched separately.
_WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
_MAX_EVIDENCE = 5
# A name that stands for an agency only where its country is in the story ("~Interior Ministry"
# for Cambodia's): written with this mark in the vocabulary.
CONTEXT_MARK = "~"
_NONE: list = []


def dictionary_segmenter(words, label: str):
    """Return an nlpo3 (newmm) segmenter over this word list; one dictionary file per content."""
    words = sorted(set(words))
    digest = hashlib.sha1("\n".join(words).encode()).hexdigest()[:16]
    name = f"newsroom-{label}-{digest}"
    path = Path(tempfile.gettempdir()) / f"{name}.txt"
    if not path.exists():
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text("\n".join(words), encoding="utf-8")
        temporary.replace(path)
    nlpo3.load_dict(str(path), name)  # loading a name twice is a no-op

    def segment(text: str) -> list[str]:
        # Not safe=True: nlpo3 1.4's safe mode cuts text into ~120-character windows and puts
        # the pieces back out of order (the words no longer join to the text). The plain mode
        # is linear here: 20,000 characters of ambiguous Thai take ~15 ms.
        return nlpo3.segment(text, name, safe=False)

    return segment


def segmenter_for(extra_words: frozenset[str]):
    """Return a function that splits Thai text into words, knowing the vocabulary's terms."""
    return dictionary_segmenter(
        set(thai_words()) | {w for w in extra_words if " " not in w}, "words"
    )


def _singulars(word: str) -> tuple[str, ...]:
    """The singular forms an English plural may stand for: "patrols" for "patrol"."""
    if len(word) < 4 or not word.endswith("s"):
        return ()
    return (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],)


def _same_words(found: list[str], term: tuple[str, ...], *, plural: bool) -> bool:
    """The words match the term; a lower-case term's last word may also be in the plural."""
    if tuple(found) == term:
        return True
    if not plural or tuple(found[:-1]) != term[:-1]:
        return False
    return term[-1] in _singulars(found[-1])


# Phrases that hold a term but are not about it, matched (longest first) so the term inside them
# is not: "tội phạm xuyên biên giới" and "jenayah rentas sempadan" are transnational crime, not
# the management of a border.
SHIELDS = {
    "topics": (
        "xuyên biên giới", "tội phạm xuyên biên giới", "cross-border crime", "cross-border crimes",
        "cross-border criminal", "cross-border organised crime", "cross-border organized crime",
        "cross-border scam", "cross-border scams", "cross-border fraud", "cross-border syndicate",
        "cross-border syndicates", "cross-border network", "cross-border networks",
        "cross-border trafficking", "cross-border drug trafficking", "cross-border criminals",
        "rentas sempadan", "jenayah rentas sempadan", "kejahatan lintas batas",
        "kejahatan lintas negara", "lintas batas negara", "อาชญากรรมข้ามพรมแดน",
        "แก๊งอาชญากรรมข้ามพรมแดน",
    ),
}  # fmt: skip
_SHIELD = "\x00shield"


# Two countries' forces under one noun: "Chinese and Laotian police" is Chinese police and
# Laotian police, "Malaysian and Indonesian navies" each one's navy; "polis Malaysia dan
# Thailand", "cảnh sát Việt Nam và Lào" the same.
_SHARED_AFTER = re.compile(
    r"\b([A-Z][a-z]{2,}) and ([A-Z][a-z]{2,}) (police|security forces|border guards|navies|"
    r"coast guards)\b"
)
_ONE = {"navies": "navy", "coast guards": "coast guard"}  # each country's one
_SHARED_BEFORE = re.compile(
    r"\b((?i:polis|polisi|kepolisian|cảnh sát|công an)) ([A-ZĐ]\w{2,}(?: [A-ZĐ]\w+)?) "
    r"(?:dan|và) ([A-ZĐ]\w{2,}(?: [A-ZĐ]\w+)?)"
)


def shared_nouns(text: str) -> list[str]:
    """Each force that a shared noun names, spelled out: "Chinese police", "Laotian police"."""
    names = []
    for first, second, noun in _SHARED_AFTER.findall(text):
        noun = _ONE.get(noun, noun)
        names += [f"{first} {noun}", f"{second} {noun}"]
    for noun, first, second in _SHARED_BEFORE.findall(text):
        names += [f"{noun} {first}", f"{noun} {second}"]
    return names


class TermMatcher:
    """Match many vocabulary terms at once; one instance per vocabulary."""

    def __init__(
        self,
        vocabularies: dict[str, dict[str, tuple[str, ...]]],
        owners: dict[str, str] | None = None,
    ):
        # The country of each national agency: a Thai agency name followed by another
        # country's ("กระทรวงยุติธรรมออสเตรเลีย", Australia's justice ministry) is not that agency.
        self._owners = owners or {}
        # Thai terms by their text: a term must start and end on word boundaries, so each run
        # of words between two boundaries is looked up (longest first) instead of trying
        # every term that shares its first letters.
        self._thai: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # The lengths of the terms that start with each two letters: most boundaries start no
        # term at all and are passed over at once.
        self._thai_lengths: dict[str, set[int]] = defaultdict(set)
        # Latin-script terms as word sequences, indexed by their first word. Names and acronyms
        # (UNODC, Hoa Kỳ) are matched as written; lower-case terms in any case.
        self._latin: dict[str, list[tuple[tuple[str, ...], bool, str, str]]] = defaultdict(list)
        thai_terms = set()
        # Per (kind, key): the names that count only beside their country (CONTEXT_MARK).
        self._in_context: dict[tuple[str, str], set[str]] = defaultdict(set)
        vocabularies = {
            kind: {**entries, **({_SHIELD: SHIELDS[kind]} if kind in SHIELDS else {})}
            for kind, entries in vocabularies.items()
        }
        for kind, entries in vocabularies.items():
            for key, terms in entries.items():
                for term in terms:
                    term = term.strip()
                    if term.startswith(CONTEXT_MARK):
                        term = term[len(CONTEXT_MARK) :].strip()
                        self._in_context[(kind, key)].add(term.casefold())
                    if len(term) < 2:
                        continue
                    if _THAI.search(term):
                        self._thai[term].append((kind, key))
                        self._thai_lengths[term[:2]].add(len(term))
                        thai_terms.add(term)
                        continue
                    words = tuple(_WORD.findall(term))
                    if not words:
                        continue
                    exact = term != term.lower()
                    if not exact:
                        words = tuple(w.lower() for w in words)
                    self._latin[words[0].lower()].append((words, exact, kind, key))
        for candidates in self._latin.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self.segment = segmenter_for(frozenset(thai_terms))

    def match(self, text: str) -> dict[str, list[Suggestion]]:
        """Return suggestions per kind (topics, countries, agencies), most-evidenced first."""
        hits: dict[tuple[str, str], list[str]] = defaultdict(list)
        text += "".join(f"\n{name}" for name in shared_nouns(text))
        self._match_latin(text, hits)
        if _THAI.search(text):
            self._match_thai(text, hits)
        result: dict[str, list[Suggestion]] = {"topics": [], "countries": [], "agencies": []}
        for (kind, key), words in hits.items():
            if key == _SHIELD:
                continue
            evidence = tuple(dict.fromkeys(words))[:_MAX_EVIDENCE]
            result[kind].append(Suggestion(key=key, evidence=evidence, count=len(words)))
        for suggestions in result.values():
            suggestions.sort(key=lambda s: (-s.count, s.key))
        return result

    def in_context_only(self, kind: str, suggestion: Suggestion) -> bool:
        """True when every word that suggested this was a name that needs its country."""
        names = self._in_context.get((kind, suggestion.key))
        return bool(names) and all(word.casefold() in names for word in suggestion.evidence)

    def _match_latin(self, text: str, hits) -> None:
        spans = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
        words = [w for w, _, _ in spans]
        lowered = [w.lower() for w in words]
        claimed_until: dict[str, int] = defaultdict(int)  # per kind: end of the last match
        for i, word in enumerate(lowered):
            for term_words, exact, kind, key in self._candidates(word):
                n = len(term_words)
                if i < claimed_until[kind]:
                    continue
                found = (words if exact else lowered)[i : i + n]
                if len(found) == n and _same_words(found, term_words, plural=not exact):
                    hits[(kind, key)].append(text[spans[i][1] : spans[i + n - 1][2]])
                    claimed_until[kind] = i + n

    def _candidates(self, word: str) -> list:
        found = self._latin.get(word, _NONE)
        if word[-1:] != "s":
            return found
        plural = [  # "cybercrimes" is the one-word term "cybercrime"
            candidate
            for stem in _singulars(word)
            for candidate in self._latin.get(stem, _NONE)
            if len(candidate[0]) == 1
        ]
        return [*found, *plural] if plural else found

    def _match_thai(self, text: str, hits) -> None:
        boundaries = [0]
        for token in self.segment(text):
            boundaries.append(boundaries[-1] + len(token))
        claimed_until: dict[str, int] = defaultdict(int)
        terms, lengths_by_prefix = self._thai, self._thai_lengths
        found_at: list[tuple[str, str, int, int]] = []  # (kind, key, start, end)
        for i, start in enumerate(boundaries):
            lengths = lengths_by_prefix.get(text[start : start + 2])
            if not lengths:
                continue
            k = bisect_right(boundaries, start + max(lengths), lo=i + 1)
            for end in reversed(boundaries[i + 1 : k]):  # longest first
                if end - start not in lengths:
                    continue
                found = terms.get(text[start:end])
                if not found:
                    continue
                for kind, key in found:
                    if start >= claimed_until[kind]:
                        found_at.append((kind, key, start, end))
                        claimed_until[kind] = end
        countries_at = {start: key for kind, key, start, _ in found_at if kind == "countries"}
        for kind, key, start, end in found_at:
            if kind == "agencies" and key in self._owners:
                after = end + len(text[end:]) - len(text[end:].lstrip(" "))
                if countries_at.get(after, self._owners[key]) != self._owners[key]:
                    continue  # another country's body of that name
            hits[(kind, key)].append(text[start:end])
