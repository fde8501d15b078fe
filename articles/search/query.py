"""The query language: websearch-style text → `Query`, and its PostgreSQL tsquery and SQLite FTS5
forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .analysis import quote_lexeme, tokens

MAX_QUERY_CHARS = 500  # longer input is cut, never refused
MAX_CLAUSES = 16
MAX_PHRASE_TOKENS = 32


PHRASE, ALL = "phrase", "all"  # tokens adjacent and in order, or merely all present


@dataclass(frozen=True)
class Term:
    """One thing to look for: any of its alternatives, each a run of adjacent tokens."""

    alternatives: tuple[tuple[str, tuple[str, ...]], ...]  # (PHRASE or ALL, tokens)
    needles: tuple[tuple[str, bool], ...]  # (text to highlight, match folded)


@dataclass(frozen=True)
class Clause:
    terms: tuple[Term, ...]  # OR-ed
    negated: bool = False


@dataclass(frozen=True)
class Query:
    clauses: tuple[Clause, ...]

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)


_QUERY_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def _term(text: str, quoted: bool) -> Term | None:
    found = list(tokens(text))[:MAX_PHRASE_TOKENS]
    if not found:
        return None
    words = tuple(t.word for t in found)
    if any(t.thai for t in found):
        # Thai: the words, or the syllable pairs that spell them (inside compounds too).
        syllables = [s for t in found if t.thai for s in t.forms]
        pairs = tuple(dict.fromkeys(a + b for a, b in pairwise(syllables)))
        latin = tuple(t.forms[0] if t.plain else t.word for t in found if not t.thai)
        spelled = (pairs or tuple(syllables)) + latin
        # Several words typed together must stay together: their syllable pairs say so
        # without positions (a phrase would make PostgreSQL re-read every candidate).
        if quoted:
            alternatives = ((PHRASE, words), (ALL, spelled))
        elif len(words) == 1 and words != spelled:
            alternatives = ((ALL, words), (ALL, spelled))
        else:
            alternatives = ((ALL, spelled),)
    elif all(t.plain for t in found):
        alternatives = ((PHRASE, tuple(t.forms[0] for t in found)),)
    else:
        alternatives = ((PHRASE, words),)
    # What to highlight: Thai as typed (no spaces), other words one by one.
    needles: list[tuple[str, bool]] = []
    if any(t.thai for t in found):
        needles.append(("".join(t.word for t in found if t.thai), False))
    for t in found:
        if not t.thai:
            needles.append((t.forms[0] if t.plain else t.word, t.plain))
    return Term(alternatives=alternatives, needles=tuple(needles))


def parse(text: str | None) -> Query | None:
    """Parse websearch-style input; None when there is nothing to look for. Never raises."""
    text = (text or "")[:MAX_QUERY_CHARS]
    clauses: list[Clause] = []
    join_next = False
    for match in _QUERY_PART.finditer(text):
        negated, quoted, bare = match.group(1) == "-", match.group(2), match.group(3)
        if bare == "OR":
            join_next = bool(clauses) and not clauses[-1].negated
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = True, bare[1:]
        term = _term(quoted if bare is None else bare, quoted=bare is None)
        if term is None:
            continue
        if join_next and not negated:
            if term not in clauses[-1].terms:
                clauses[-1] = Clause((*clauses[-1].terms, term))
        elif Clause((term,), negated) not in clauses:  # (a word typed twice asks nothing more)
            clauses.append(Clause((term,), negated))
        join_next = False
        if len(clauses) >= MAX_CLAUSES:
            break
    query = Query(tuple(clauses))
    return query if query.positive else None


def _pg_term(term: Term) -> str:
    alternatives = [
        (" <-> " if kind == PHRASE else " & ").join(quote_lexeme(t) for t in tokens)
        for kind, tokens in term.alternatives
    ]
    return "(" + " | ".join(f"({a})" for a in alternatives) + ")"


def _pg_clause(clause: Clause) -> str:
    expr = "(" + " | ".join(_pg_term(t) for t in clause.terms) + ")"
    return f"!{expr}" if clause.negated else expr


def to_tsquery(query: Query, *, positive_only: bool = False) -> str:
    clauses = query.positive if positive_only else query.clauses
    return " & ".join(_pg_clause(c) for c in clauses)


def _fts_term(term: Term) -> str:
    alternatives = [
        '"' + " ".join(tokens) + '"'
        if kind == PHRASE
        else "(" + " AND ".join(f'"{t}"' for t in tokens) + ")"
        for kind, tokens in term.alternatives
    ]
    return "(" + " OR ".join(alternatives) + ")"


def _fts_clause(clause: Clause) -> str:
    return "(" + " OR ".join(_fts_term(t) for t in clause.terms) + ")"


def to_fts5(query: Query, *, column: str | None = None, positive_only: bool = False) -> str:
    expr = "(" + " AND ".join(_fts_clause(c) for c in query.positive) + ")"
    if not positive_only:
        for clause in query.clauses:
            if clause.negated:
                expr += f" NOT {_fts_clause(clause)}"
    return f"{column} : ({expr})" if column else expr
