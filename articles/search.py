"""Search: one analyser, one query language, the same answers on PostgreSQL and SQLite.

Text is analysed here, in Python, not by the database (PostgreSQL's parser keeps a Thai phrase
as one token; SQLite's tokenizers know no Thai words). The analyser turns text into two
streams of tokens, in reading order:

- *words*: Thai segmented into words (nlpo3, PyThaiNLP's newmm in Rust, with PyThaiNLP's
  dictionary); every other script NFC-normalised and lower-cased (ma túy → ma, túy);
- *forms*: Thai words split into syllables (PyThaiNLP's syllable dictionary), so a word the
  segmenter keeps inside a compound is still found (คอมพิวเตอร์ in อาชญากรรมคอมพิวเตอร์);
  other words with their diacritics folded (túy → tuy, đường → duong).

A query passes through the same analyser. A Thai term matches its words or its syllables in a
row; a Latin term typed without diacritics matches the folded forms (ma tuy finds ma túy), one
typed with them matches exactly. Websearch syntax: "a phrase", -excluded, either OR other; every
other term must be present. Results rank articles whose headline matches above the rest, newest
first within each rank — the same order on both databases.

Storage (`SearchDocument`): the analysed tokens, space-separated, the same text for both
databases. PostgreSQL turns it into tsvectors on the way in (`to_tsvector('simple', …)`: its
parser splits at our spaces and, under a UTF-8 LC_CTYPE, keeps Thai marks inside tokens), with a
GIN index over `document`; SQLite keeps it behind an FTS5 table whose tokenizer splits only at
the spaces too. A sentinel token separates the streams and fields so that no phrase runs from
one into the next.
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import re
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    DateField,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Article, SearchDocument

MAX_QUERY_CHARS = 500  # longer input is cut, never refused
MAX_CLAUSES = 16
MAX_PHRASE_TOKENS = 32
MAX_TOKEN_CHARS = 60  # longer runs are noise (hashes, base64), not words
# Between fields and streams: ๆ (the Thai repetition mark) is a token to both databases, and
# one no query can produce (the analyser turns it into a space).
SENTINEL = "ๆ"
FTS_TABLE = "articles_searchindex"
GIN_INDEXES = ("search_recent_document_gin", "search_recent_head_gin")  # PostgreSQL (0018)

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙ๆฯ_", "0123456789   ")
_THAI_RUN = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+")
_TRANSLATED = re.compile("[๐-๙ๆฯ_]")
_LATIN_WORD = re.compile(r"[\w\u0300-\u036f]+")  # in text outside Thai runs, "_" made a space


# --- Analysis ------------------------------------------------------------------------------


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


_LOWERED = _CharTable(_lower_char)
_FOLDED = _CharTable(_fold_char)


@cache
def _segmenters() -> tuple[Callable[[str], list[str]], Callable[[str], list[str]]]:
    from pythainlp.corpus import thai_syllables, thai_words

    from .ingest.tagging import dictionary_segmenter

    return dictionary_segmenter(thai_words(), "words"), dictionary_segmenter(
        thai_syllables(), "syllables"
    )


@lru_cache(maxsize=200_000)
def _syllables(word: str) -> tuple[str, ...]:
    return tuple(_segmenters()[1](word)) or (word,)


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
    for match in _THAI_RUN.finditer(text):
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
    return tuple(w for w in _segmenters()[0](run) if len(w) <= MAX_TOKEN_CHARS)


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
    tokens = text.split()
    labels = _position_labels(len(tokens))
    positions: dict[str, list[str]] = {}
    for position, token in enumerate(tokens, 1):
        positions.setdefault(token, []).append(labels[position])
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
    return _quote_lexeme(token)


# --- Documents -----------------------------------------------------------------------------


def _quote_lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def document_values(head: list[str], body: list[str], vendor: str) -> tuple[str, str]:
    """The stored (head, document) texts: analysed tokens, space-separated. PostgreSQL turns
    them into tsvectors on the way in (SearchTextField), its `document` repeating the head."""
    head_text = " ".join(analyse_fields(head))
    body_text = " ".join(analyse_fields(body))
    if vendor == "postgresql" and head_text:
        return head_text, f"{head_text} {SENTINEL} {body_text}"
    return head_text, body_text


def index_articles(
    ids: Iterable[int] | None = None,
    *,
    batch_size: int = 1000,
    progress: Callable[[int], None] | None = None,
    using: str = "default",
    workers: int | None = None,
) -> int:
    """(Re)write the search documents of these articles (all when None); return how many.

    Rows are read as plain values (no model instances), analysed — in worker processes when
    there are many, so both cores work — and written in batches, PostgreSQL's tsvectors made
    here, not by its parser. Documents of articles that no longer exist go with them (foreign
    key cascade).
    """  # fmt: skip
    if ids is not None:
        ids = sorted(set(ids))
        chunks = [ids[i : i + batch_size] for i in range(0, len(ids), batch_size)]
        total = len(ids)
    else:
        queryset = Article.objects.using(using).order_by("pk")
        chunks, total = _id_chunks(queryset, batch_size), queryset.count()
    vendor = connections[using].vendor
    reader = _DocumentReader(using)
    workers = _worker_count(workers, total)
    bulk = _BulkWrites(vendor, using, many=total >= PARALLEL_FROM)
    if not workers:
        for chunk in chunks:
            bulk.write(_analysed_chunk(reader.read(chunk, vendor)), progress)
        return bulk.finish()
    # Rows are read here (this thread holds the connection and its transaction), analysed by
    # the workers, written here as they come back; a few chunks ahead at most, so memory stays
    # flat however many articles there are.
    _segmenters()  # loaded before the fork: the workers share the dictionaries
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_analysed_chunk, (reader.read(chunk, vendor),)))
            if len(pending) > workers:
                bulk.write(pending.popleft().get(), progress)
        while pending:
            bulk.write(pending.popleft().get(), progress)
    return bulk.finish()


PARALLEL_FROM = 4000  # articles; fewer are analysed in the calling process


def _worker_count(workers: int | None, total: int | None) -> int:
    """Analysing processes beside this one, which reads and writes: 0 analyses here too."""
    if workers is not None:
        return max(0, workers)
    if total is not None and total < PARALLEL_FROM:
        return 0
    configured = getattr(settings, "SEARCH_INDEX_WORKERS", None)
    return max(0, configured if configured is not None else (os.cpu_count() or 1) - 1)


class _DocumentReader:
    """The texts of a chunk of articles, read as plain rows: the articles with their outlet's
    name in one query, the names of all their tags in another."""

    FIELDS = ("pk", "headline", "headline_en", "summary", "summary_en", "body", "status",
              "published_at", "date",
              "source__name", "source__name_th", "source__name_vi")  # fmt: skip

    def __init__(self, using: str):
        self.using = using

    def _tag_names(self, chunk: list[int]) -> dict[int, list[str]]:
        parts = []
        for order, relation in enumerate(Article.TAG_RELATIONS):
            field = Article._meta.get_field(relation)
            article, tag = field.m2m_field_name(), field.m2m_reverse_field_name()
            has_acronym = any(f.name == "acronym" for f in field.related_model._meta.fields)
            parts.append(
                field.remote_field.through.objects.using(self.using)
                .filter(**{f"{article}__any_of": chunk})
                .annotate(
                    a=F(f"{article}_id"),
                    o=Value(order),
                    ac=F(f"{tag}__acronym") if has_acronym else Value(""),
                    en=F(f"{tag}__name_en"),
                    th=F(f"{tag}__name_th"),
                    vi=F(f"{tag}__name_vi"),
                )
                .values_list("a", "o", "ac", "en", "th", "vi")
            )
        names: dict[int, list[str]] = {pk: [] for pk in chunk}
        for article_id, _, *parts_of_name in sorted(parts[0].union(*parts[1:], all=True)):
            names[article_id].append(" ".join(p for p in parts_of_name if p))
        return names

    def read(self, chunk: list[int], vendor: str) -> tuple[str, list[tuple]]:
        tags = self._tag_names(chunk)
        rows = Article.objects.using(self.using).filter(pk__any_of=chunk).values_list(*self.FIELDS)
        inputs = []
        for row in rows.order_by("pk").iterator(chunk_size=len(chunk) or 1):
            pk, headline, headline_en, summary, summary_en, body, status, at, date = row[:9]
            # Everything else a reader might search for: summaries, the outlet's names (its
            # usual one, its Thai and Vietnamese ones), the tags' names, the body.
            outlet = " ".join(dict.fromkeys(name for name in row[9:] if name))
            rest = [summary, summary_en, outlet, *tags[pk], body]
            visible = Article.visible_from(status, at)
            inputs.append((pk, [headline, headline_en], rest, visible, date))
        return vendor, inputs


def _analysed_chunk(chunk: tuple[str, list[tuple]]) -> list[tuple]:
    """(article id, head, document, visible_from, date) rows ready to write (a worker's job)."""
    vendor, inputs = chunk
    documents = []
    for pk, head, body, visible, date in inputs:
        head_text, document = document_values(head, body, vendor)
        if vendor == "postgresql":
            head_text, document = to_tsvector_literal(head_text), to_tsvector_literal(document)
        documents.append((pk, head_text, document, visible, date))
    return documents


class _BulkWrites:
    """Upserts of analysed documents, an unchanged one left alone (SQLite's index would read it
    twice). On PostgreSQL a big run lets the GIN indexes' pending lists grow to 16 MB before
    they are merged (twice as fast as merging every few hundred kB, as readers' sessions do) and
    merges what is left at the end, so searches do not keep reading a long list."""

    def __init__(self, vendor: str, using: str, *, many: bool):
        self.vendor, self.using, self.many, self.written = vendor, using, many, 0
        table = SearchDocument._meta.db_table
        cast = "::tsvector" if vendor == "postgresql" else ""
        differs = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
        changed = " OR ".join(
            f"{table}.{column} {differs} excluded.{column}"
            for column in ("head", "document", "visible_from", "date")
        )
        self.sql = (
            f"INSERT INTO {table} (article_id, head, document, visible_from, date) "
            f"VALUES (%s, %s{cast}, %s{cast}, %s, %s) "
            "ON CONFLICT (article_id) DO UPDATE SET head = excluded.head, "
            "document = excluded.document, visible_from = excluded.visible_from, "
            f"date = excluded.date WHERE {changed}"
        )

    def write(self, documents: list[tuple], progress: Callable[[int], None] | None) -> None:
        if documents:
            with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
                if self.many and self.vendor == "postgresql":
                    cursor.execute("SET LOCAL gin_pending_list_limit = '16MB'")
                cursor.executemany(self.sql, documents)
            self.written += len(documents)
        if progress:
            progress(len(documents))

    def finish(self) -> int:
        if self.many and self.vendor == "postgresql":
            with connections[self.using].cursor() as cursor:
                for index in GIN_INDEXES:
                    cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        return self.written


def _id_chunks(queryset: QuerySet, size: int) -> Iterator[list[int]]:
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last).values_list("pk", flat=True)[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1]


# On save: collect the ids touched in a transaction, index them once when it commits. The set
# lives on the (thread-local) connection; ids left by a rolled-back transaction are harmlessly
# re-indexed at the next commit.


def schedule(ids: Iterable[int], using: str = "default") -> None:
    ids = {i for i in ids if i is not None}
    if not ids:
        return
    conn = connections[using]
    if not hasattr(conn, "search_pending"):
        conn.search_pending = set()
        conn.search_flush = lambda: _flush(using)
    waiting = bool(conn.search_pending) and any(
        entry[1] is conn.search_flush for entry in conn.run_on_commit
    )
    if waiting:
        conn.search_pending.update(ids)
    else:
        # A rolled-back transaction took its callback with it: its ids are not ours to index.
        conn.search_pending = ids
        transaction.on_commit(conn.search_flush, using=using)  # (at once outside a transaction)


def _flush(using: str) -> None:
    conn = connections[using]
    ids, conn.search_pending = conn.search_pending, set()
    if ids:
        index_articles(ids, using=using)


# --- Queries -------------------------------------------------------------------------------


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
        (" <-> " if kind == PHRASE else " & ").join(_quote_lexeme(t) for t in tokens)
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


COUNT_CAP = 1_000  # results counted exactly; past it "more than 1,000"
RECENT_DOCUMENTS = 20_000  # where a search looks first: the newest documents
RECENT_BOUND_SECONDS = 600  # how long a process keeps the date they start from


def _conditions(queryset: QuerySet, query: Query) -> tuple[Q, Q]:
    """The conditions that a document matches the query, and that its headline does, for
    Article querysets or (`queryset` of SearchDocument) the search table alone."""
    documents = queryset.model is SearchDocument
    if connections[queryset.db].vendor == "postgresql":
        prefix = "" if documents else "search__"
        return (
            Q(**{f"{prefix}document__tsmatch": to_tsquery(query)}),
            Q(**{f"{prefix}head__tsmatch": to_tsquery(query, positive_only=True)}),
        )
    sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    ids = "article_id__in" if documents else "pk__in"
    return (
        Q(**{ids: RawSQL(sql, [to_fts5(query)])}),
        Q(**{ids: RawSQL(sql, [to_fts5(query, column="head", positive_only=True)])}),
    )


def _matching(queryset: QuerySet, query: Query) -> tuple[QuerySet, Q]:
    """The matches of a query, and the condition that the headline matches too."""
    match, headline = _conditions(queryset, query)
    return queryset.filter(match), headline


def _headline_matches(queryset: QuerySet, query: Query) -> QuerySet:
    """The matches whose headline matches. A headline that matches the query's words is a
    match of the whole document (which holds the headline) unless the query excludes words:
    then the document must be read too. Not reading it matters when walking the date index
    (documents are large)."""
    match, headline = _conditions(queryset, query)
    if any(clause.negated for clause in query.clauses):
        queryset = queryset.filter(match)
    return queryset.filter(headline)


def filter_articles(queryset: QuerySet, query: Query | str | None) -> QuerySet:
    """Narrow an Article queryset to the matches of a query, each annotated `search_rank`
    (1 when the headline matches, else 0). Ordering is the caller's (see `rank`)."""
    if isinstance(query, str) or query is None:
        query = parse(query)
    if query is None:
        return queryset.none().annotate(search_rank=Value(0, output_field=IntegerField()))
    queryset, headline = _matching(queryset, query)
    return queryset.annotate(
        search_rank=Case(When(headline, then=1), default=0, output_field=IntegerField())
    )


# --- Reading matches newest first -----------------------------------------------------------
#
# A common word is in most of a million documents: what it costs is how many of them a query
# touches, each one a heap page to read and, to test a match, a large document to unpack. So
# counts and pages are read from the newest documents first (`pieces`): the RECENT_DOCUMENTS
# newest, where a common word meets its first thousand matches, through the GIN indexes'
# date key (migration 0018), which skips through the word's list instead of collecting it;
# then the older ones, where only rarer words are left to look for; then the undated. The
# answers do not depend on where the pieces are cut, only the cost does.

_recent_bounds: dict[str, tuple[float, datetime.date | None]] = {}


def recent_bound(using: str = "default") -> datetime.date | None:
    """The date from which the RECENT_DOCUMENTS newest searchable documents run (None when
    there are fewer). Only speed depends on it, so a process re-reads it now and then."""
    now = time.monotonic()
    if using in _recent_bounds and now - _recent_bounds[using][0] < RECENT_BOUND_SECONDS:
        return _recent_bounds[using][1]
    newest = (
        SearchDocument.objects.using(using)
        .filter(visible_from__isnull=False, date__isnull=False)
        .order_by("-date", "-article_id")
        .values_list("date", flat=True)
    )
    found = list(newest[RECENT_DOCUMENTS : RECENT_DOCUMENTS + 1])
    _recent_bounds[using] = (now, found[0] if found else None)
    return _recent_bounds[using][1]


def pieces(queryset: QuerySet, bound: datetime.date | None) -> list[QuerySet]:
    """A queryset (Article, or SearchDocument) cut by date into pieces that follow one another
    in the ranked order, newest first: from `bound`, before it, undated (first on PostgreSQL,
    last on SQLite, where each sorts NULL in `-date`)."""
    if bound is None:
        return [queryset]
    field = "date" if queryset.model is SearchDocument else "search__date"
    postgresql = connections[queryset.db].vendor == "postgresql"
    if postgresql:
        # The GIN indexes key the date as `date + 0` and look up only this short range: a
        # plain `date` range is the btree's (migration 0018). (A walk down the btree needs no
        # lower bound here: it walks only a piece holding more matches than a page needs.)
        key = ExpressionWrapper(F(field) + 0, output_field=DateField())
        recent = queryset.alias(recent_key=key).filter(recent_key__gte=bound)
    else:
        recent = queryset.filter(**{f"{field}__gte": bound})
    older = queryset.filter(**{f"{field}__lt": bound})
    undated = queryset.filter(**{f"{field}__isnull": True})
    return [undated, recent, older] if postgresql else [recent, older, undated]


@contextmanager
def serial_plans(using: str = "default") -> Iterator[None]:
    """Run a search's queries without parallel workers or JIT (PostgreSQL). A walk down the
    date index meets its twenty matches within a few hundred rows, but planned in parallel
    each worker reads thousands before the page is complete (UNODC at a million: 247 against
    9 ms); compiling a query costs more than running a search's. Blocks may nest (the
    outermost sets the plans for all)."""
    connection = connections[using]
    if connection.vendor != "postgresql" or getattr(connection, "serial_plans", False):
        yield
        return
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('max_parallel_workers_per_gather', '0', true), "
                "set_config('jit', 'off', true)"
            )
        connection.serial_plans = True
        try:
            yield
        finally:
            connection.serial_plans = False


def _newest(part: QuerySet, many: bool) -> QuerySet:
    """A part of an Article queryset newest first: walked down the date index (`many`), or
    else, on PostgreSQL, by an ORDER BY the index cannot answer, so that the few matches are
    collected through the GIN index and sorted rather than searched for along the btree."""
    if many or connections[part.db].vendor != "postgresql":
        return part.order_by("-search__date", "-search__article_id")
    return part.order_by(
        ExpressionWrapper(F("search__date") + 0, output_field=DateField()).desc(),
        ExpressionWrapper(F("search__article_id") + 0, output_field=BigIntegerField()).desc(),
    )


def read_newest(part: QuerySet, skip: int, need: int, *, few: bool) -> tuple[list, int]:
    """Rows skip … skip + need of an Article queryset newest first, and how many of its rows
    come before them (skip, or all of the part's when it has fewer). Read piece by piece
    (`pieces`), each counted as far as the rows need (to COUNT_CAP at least): a piece with
    more than COUNT_CAP matches is walked down the date index, which meets the rows at once;
    one with fewer is collected and sorted. `few` (every match of the search counted, at
    most COUNT_CAP) reads the part whole, in one piece."""
    bound = None if few else recent_bound(part.db)
    rows: list = []
    before = 0
    for piece in pieces(part, bound):
        counted = max(COUNT_CAP, skip + need)
        matches = capped_count(piece, counted)
        if matches <= skip:  # the rows start after this piece
            skip -= matches
            before += matches
            continue
        # Walked only where the piece holds more than the rows: the walk ends inside it.
        found = list(_newest(piece, many=matches > counted)[skip : skip + need])
        rows += found
        before += skip
        skip, need = 0, need - len(found)
        if not need:
            break
    return rows, before


def newest_ids(queryset: QuerySet, count: int) -> list[int]:
    """The ids of the `count` newest articles of an Article queryset of search matches."""
    with serial_plans(queryset.db):
        return read_newest(queryset.values_list("pk", flat=True), 0, count, few=False)[0]


class Ranked:
    """A query's matches in relevance order (`rank`'s: headline matches newest first, then
    the others newest first), for a paginator: a page is read from the two parts instead of
    ranking every match, which at a million articles means sorting hundreds of thousands.
    Each part is read newest first (`read_newest`); when the count of all matches (the
    caller's) says they are few, each part is read whole.
    """

    ordered = True  # (for the paginator)

    def __init__(self, queryset: QuerySet, query: Query, *, total: Callable[[], int]):
        matches, headline = _matching(queryset, query)
        self.heads = _headline_matches(queryset, query)
        self.others = matches.exclude(headline)
        self._total = total
        self.using = queryset.db

    def count(self) -> int:
        """All matches, as far as capped_count counts them (the caller's, usually cached)."""
        return self._total()

    __len__ = count

    def __getitem__(self, index: slice) -> list[Article]:
        start, stop = index.start or 0, index.stop
        if stop <= start:
            return []
        few = self.count() <= COUNT_CAP
        with serial_plans(self.using):
            rows, before = read_newest(self.heads, start, stop - start, few=few)
            if len(rows) < stop - start:
                more = stop - start - len(rows)
                rows += read_newest(self.others, start - before, more, few=few)[0]
        return rows


def rank(queryset: QuerySet) -> QuerySet:
    """Order matches by relevance: headline matches first, then newest."""
    return queryset.order_by("-search_rank", "-search__date", "-search__article_id")


def searchable() -> QuerySet:
    """The articles readers may find — the same set as `Article.objects.published()` (the
    triggers keep it so; tests check it), decided on the search table alone, so that counting
    and sorting matches never has to visit the articles themselves."""
    return Article.objects.filter(search__visible_from__lte=timezone.now())


def search(query: Query | str | None, queryset: QuerySet | None = None) -> QuerySet:
    """Query text → published articles, ranked. The one entry point for readers' searches."""
    queryset = searchable() if queryset is None else queryset
    return rank(filter_articles(queryset, query))


def matching_ids(query: Query) -> QuerySet:
    """The ids of every article whose document matches, whatever its status (the admin's
    search), as a subquery on the search table alone."""
    return _matching(SearchDocument.objects.all(), query)[0].values("article_id")


def count_matches(query: Query, *, cap: int = COUNT_CAP) -> int:
    """capped_count of a query's visible matches when nothing else filters them: counted on
    the search table alone (through an Article queryset PostgreSQL joins the articles and, for
    the LIMIT, walks the search table's primary key testing each document), newest first."""
    documents = SearchDocument.objects.filter(visible_from__lte=timezone.now())
    return count_newest_first(_matching(documents, query)[0], cap)


def count_newest_first(queryset: QuerySet, cap: int = COUNT_CAP) -> int:
    """capped_count of search matches (Article or SearchDocument queryset), piece by piece,
    newest documents first: a common word reaches the cap among the newest."""
    with serial_plans(queryset.db):
        total = 0
        for piece in pieces(queryset, recent_bound(queryset.db)):
            total += capped_count(piece, cap - total)
            if total > cap:
                break
        return total


def capped_count(queryset: QuerySet, cap: int = COUNT_CAP) -> int:
    """How many results, counting no further than cap + 1 ("more than 1,000"): a common word
    in a million articles must not cost a count of all its matches."""
    return queryset.order_by().values("pk")[: cap + 1].count()  # (no annotation to compute)


# --- Snippets ------------------------------------------------------------------------------


_THAI_LETTER = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]")
_WORD_CHAR = re.compile(r"[^\W_]|[\u0300-\u036f]")
MAX_WORD_BACKTRACK = 40  # a "word" longer than this (a URL, a hash) may be cut inside


@lru_cache(maxsize=10_000)
def _thai_word_ends(run: str) -> tuple[int, ...]:
    """The offsets inside a Thai run at which its words end (nlpo3: they join to the run)."""
    ends, offset = [], 0
    for word in _segmenters()[0](run):
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
                    haystacks[use_folded] = text.translate(_FOLDED if use_folded else _LOWERED)
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


# --- Database checks -----------------------------------------------------------------------

_checked: set[tuple[str, str]] = set()
BAD_CTYPES = {"C", "POSIX"}


def check_lc_ctype(sender=None, connection=connection, **kwargs) -> None:
    """Refuse a PostgreSQL database whose LC_CTYPE is C/POSIX (connected once per process).

    Under C, PostgreSQL treats every non-ASCII character as unclassified: upper()/lower() leave
    Thai and Vietnamese alone, and trigram matching drops Thai altogether.
    """
    if connection.vendor != "postgresql":
        return
    key = (connection.alias, str(connection.settings_dict.get("NAME")))
    if key in _checked:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database(), current_setting('lc_ctype')")
        name, ctype = cursor.fetchone()
    ensure_usable_ctype(name, ctype)
    _checked.add(key)


def ensure_usable_ctype(database: str, ctype: str) -> None:
    if ctype.upper() in BAD_CTYPES:
        raise ImproperlyConfigured(
            f"PostgreSQL database {database!r} has LC_CTYPE {ctype!r}: case-insensitive search "
            "and Thai/Vietnamese text handling need a UTF-8 locale. Create the database with "
            f"one, e.g. createdb --template=template0 --locale=C.UTF-8 {database}"
        )


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
