"""Search: one analyser, one query language, the same answers on PostgreSQL and SQLite.

Text is analysed here, in Python, never by the database's parser (PostgreSQL keeps a Thai phrase
as one token, and its parser depends on the server's locale). The analyser turns text into two
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

Storage (`SearchDocument`): on PostgreSQL, tsvector literals written by `to_tsvector_literal`
(a GIN index over `document`); on SQLite, the tokens as text behind an FTS5 table whose tokenizer
splits only where the analyser put spaces. A sentinel token separates the streams and fields so
that no phrase runs from one into the next.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections, transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Article, SearchDocument

MAX_QUERY_CHARS = 500  # longer input is cut, never refused
MAX_CLAUSES = 16
MAX_PHRASE_TOKENS = 32
MAX_TOKEN_CHARS = 60  # longer runs are noise (hashes, base64), not words
PG_MAX_POSITION = 16383
SENTINEL = "\ue000"  # a private-use character: a token no query can produce
FTS_TABLE = "articles_searchindex"

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_TOKEN = re.compile(
    r"(?P<thai>[\u0e01-\u0e3a\u0e40-\u0e4e]+)"  # Thai letters, vowels and tone marks
    r"|(?P<word>(?:[^\W_\u0e00-\u0e7f]|[\u0300-\u036f])+)"  # any other letters, digits, marks
)


# --- Analysis ------------------------------------------------------------------------------


def fold(word: str) -> str:
    """Drop diacritics from a non-Thai word (túy → tuy, Đà → Da); Thai is left alone."""
    word = word.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


def _fold_char(char: str) -> str:
    """Fold one character to one character, so positions in folded text match the original."""
    lowered = char.lower()
    if len(lowered) != 1:
        lowered = char
    if "\u0e00" <= lowered <= "\u0e7f":
        return lowered
    folded = fold(lowered)
    return folded if len(folded) == 1 else lowered


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


def tokens(text: str) -> Iterator[Token]:
    """Analyse text into tokens, in reading order."""
    text = unicodedata.normalize("NFC", text).translate(_THAI_DIGITS)
    segment_words = None
    for match in _TOKEN.finditer(text):
        run = match.group()
        if match.lastgroup == "thai":
            segment_words = segment_words or _segmenters()[0]
            for word in segment_words(run):
                if len(word) <= MAX_TOKEN_CHARS:
                    yield Token(word, _syllables(word), True)
        elif len(run) <= MAX_TOKEN_CHARS:
            word = run.lower()
            yield Token(word, (fold(word),), False)


def streams(text: str) -> tuple[list[str], list[str]]:
    """Return the words and the forms of a text."""
    words: list[str] = []
    forms: list[str] = []
    for token in tokens(text):
        words.append(token.word)
        forms.extend(token.forms)
    return words, forms


def analyse_fields(texts: Iterable[str]) -> list[str]:
    """Tokens for several fields: each field's words then forms, sentinels between."""
    out: list[str] = []
    for text in texts:
        if not text:
            continue
        words, forms = streams(text)
        if not words:
            continue
        if out:
            out.append(SENTINEL)
        out.extend(words)
        out.append(SENTINEL)
        out.extend(forms)
    return out


# --- Documents -----------------------------------------------------------------------------


def names_of(tag) -> str:
    """A tag's searchable names: acronym (agencies) and its name in every language."""
    parts = (getattr(tag, "acronym", ""), tag.name_en, tag.name_th, tag.name_vi)
    return " ".join(p for p in parts if p)


def head_texts(article: Article) -> list[str]:
    return [article.headline, article.headline_en]


def body_texts(article: Article) -> list[str]:
    """Everything else a reader might search for: summaries, outlet, tags' names, body."""
    tags = [*article.topics.all(), *article.countries.all(), *article.agencies.all()]
    return [
        article.summary,
        article.summary_en,
        article.source.name if article.source_id else "",
        *(names_of(tag) for tag in tags),
        article.body,
    ]


def _quote_lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsvector_literal(parts: Iterable[tuple[list[str], str]]) -> str:
    """A tsvector literal from (tokens, weight) parts laid end to end; sentinels take a position."""
    positions: dict[str, list[str]] = {}
    position = 0
    for part_tokens, weight in parts:
        suffix = "" if weight == "D" else weight
        for token in part_tokens:
            position += 1
            if token == SENTINEL:
                continue
            at = min(position, PG_MAX_POSITION)
            found = positions.setdefault(token, [])
            if len(found) < 256:  # PostgreSQL keeps at most 256 positions per lexeme
                found.append(f"{at}{suffix}")
        position += 1
    return " ".join(f"{_quote_lexeme(t)}:{','.join(p)}" for t, p in positions.items())


def document_values(head: list[str], body: list[str], vendor: str) -> tuple[str, str]:
    """The stored (head, document) of these texts for this database."""
    head_tokens = analyse_fields(head)
    body_tokens = analyse_fields(body)
    if vendor == "postgresql":
        return (
            to_tsvector_literal([(head_tokens, "A")]),
            to_tsvector_literal([(head_tokens, "A"), (body_tokens, "D")]),
        )
    return " ".join(head_tokens), " ".join(body_tokens)


def build_document(article: Article, vendor: str) -> SearchDocument:
    head, document = document_values(head_texts(article), body_texts(article), vendor)
    return SearchDocument(article_id=article.pk, head=head, document=document)


def index_articles(
    ids: Iterable[int] | None = None,
    *,
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
    using: str = "default",
) -> int:
    """(Re)write the search documents of these articles (all when None); return how many.

    Documents of articles that no longer exist are removed with them (foreign key cascade).
    """  # fmt: skip
    vendor = connections[using].vendor
    queryset = Article.objects.using(using).order_by("pk")
    if ids is not None:
        ids = sorted(set(ids))
    written = 0
    chunks = (
        (ids[i : i + batch_size] for i in range(0, len(ids), batch_size)) if ids is not None
        else _id_chunks(queryset, batch_size)
    )  # fmt: skip
    for chunk in chunks:
        articles = (
            queryset.filter(pk__any_of=chunk)
            .select_related("source")
            .prefetch_related("topics", "countries", "agencies")
        )
        documents = [build_document(article, vendor) for article in articles]
        SearchDocument.objects.using(using).bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["article"],
            update_fields=["head", "document"],
        )
        written += len(documents)
        if progress:
            progress(len(chunk))
    return written


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
    conn.search_pending.update(ids)
    if not waiting:
        transaction.on_commit(conn.search_flush, using=using)


def _flush(using: str) -> None:
    conn = connections[using]
    ids, conn.search_pending = conn.search_pending, set()
    if ids:
        index_articles(ids, using=using)


# --- Queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One thing to look for: any of its alternatives, each a run of adjacent tokens."""

    alternatives: tuple[tuple[str, ...], ...]
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
    has_thai = any(t.thai for t in found)
    words = tuple(t.word for t in found)
    forms = tuple(f for t in found for f in t.forms)
    if has_thai:
        alternatives = (words, forms) if words != forms else (words,)
    elif all(t.plain for t in found):
        alternatives = (forms,)
    else:
        alternatives = (words,)
    # What to highlight: Thai as typed (no spaces), other words one by one.
    needles: list[tuple[str, bool]] = []
    if has_thai and not quoted:
        needles.append(("".join(t.word for t in found if t.thai), False))
    for t in found:
        if not t.thai:
            needles.append((t.forms[0] if t.plain else t.word, t.plain))
        elif quoted:
            needles.append((t.word, False))
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
            clauses[-1] = Clause((*clauses[-1].terms, term))
        else:
            clauses.append(Clause((term,), negated))
        join_next = False
        if len(clauses) >= MAX_CLAUSES:
            break
    query = Query(tuple(clauses))
    return query if query.positive else None


def _pg_term(term: Term) -> str:
    alternatives = [" <-> ".join(_quote_lexeme(t) for t in alt) for alt in term.alternatives]
    return "(" + " | ".join(f"({a})" for a in alternatives) + ")"


def _pg_clause(clause: Clause) -> str:
    expr = "(" + " | ".join(_pg_term(t) for t in clause.terms) + ")"
    return f"!{expr}" if clause.negated else expr


def to_tsquery(query: Query, *, positive_only: bool = False) -> str:
    clauses = query.positive if positive_only else query.clauses
    return " & ".join(_pg_clause(c) for c in clauses)


def _fts_term(term: Term) -> str:
    alternatives = ['"' + " ".join(alt) + '"' for alt in term.alternatives]
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


def filter_articles(queryset: QuerySet, query: Query | str | None) -> QuerySet:
    """Narrow an Article queryset to the matches of a query, each annotated `search_rank`
    (1 when the headline matches, else 0). Ordering is the caller's (see `rank`)."""
    if isinstance(query, str) or query is None:
        query = parse(query)
    if query is None:
        return queryset.none().annotate(search_rank=Value(0, output_field=IntegerField()))
    if connections[queryset.db].vendor == "postgresql":
        queryset = queryset.filter(search__document__tsmatch=to_tsquery(query))
        headline = Q(search__head__tsmatch=to_tsquery(query, positive_only=True))
    else:
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
        queryset = queryset.filter(pk__in=RawSQL(sql, [to_fts5(query)]))
        headline = Q(pk__in=RawSQL(sql, [to_fts5(query, column="head", positive_only=True)]))
    return queryset.annotate(
        search_rank=Case(When(headline, then=1), default=0, output_field=IntegerField())
    )


def rank(queryset: QuerySet) -> QuerySet:
    """Order matches by relevance: headline matches first, then newest."""
    return queryset.order_by("-search_rank", "-date", "-id")


def search(query: str | None, queryset: QuerySet | None = None) -> QuerySet:
    """Query text → published articles, ranked. The one entry point for readers' searches."""
    queryset = Article.objects.published() if queryset is None else queryset
    return rank(filter_articles(queryset, query))


# --- Snippets ------------------------------------------------------------------------------


def snippet(text: str, query: Query | None, length: int = 240) -> SafeString:
    """A passage of `text` around the query's terms, escaped, the terms in <mark>."""
    text = unicodedata.normalize("NFC", " ".join((text or "").split()))
    if not text:
        return mark_safe("")
    spans = _find(text, query) if query else []
    if not spans:
        cut = text[:length]
        return mark_safe(escape(cut) + ("…" if len(text) > length else ""))
    # The window that holds the most matches, starting a little before its first one.
    best_start, best_count = spans[0][0], 0
    for start, _ in spans:
        count = sum(1 for s, e in spans if start <= s and e <= start + length)
        if count > best_count:
            best_start, best_count = start, count
    begin = max(0, best_start - length // 4)
    if begin:
        space = text.rfind(" ", 0, begin)
        begin = space + 1 if space >= 0 and begin - space < 30 else begin
    end = min(len(text), begin + length)
    out = ["…" if begin else ""]
    cursor = begin
    for start, stop in spans:
        if start < cursor or stop > end:
            continue
        out += [escape(text[cursor:start]), "<mark>", escape(text[start:stop]), "</mark>"]
        cursor = stop
    out += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(out))


def _find(text: str, query: Query) -> list[tuple[int, int]]:
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    folded = "".join(_fold_char(c) for c in text)
    spans: list[tuple[int, int]] = []
    for clause in query.positive:
        for term in clause.terms:
            for needle, use_folded in term.needles:
                haystack = folded if use_folded else lowered
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
