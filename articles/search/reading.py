"""Matches read newest first, counted no further than a page needs, ranked for readers."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connections, transaction
from django.db.models import (
    BigIntegerField,
    BooleanField,
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

from ..models import Article, SearchDocument
from .query import Query, parse, to_fts5, to_tsquery

FTS_TABLE = "articles_searchindex"

COUNT_CAP = 1_000  # results counted exactly; past it "more than 1,000"
RECENT_DOCUMENTS = 20_000  # where a search looks first: the newest documents
RECENT_BOUND_SECONDS = 600  # how long a process keeps the date they start from


def _conditions(queryset: QuerySet, query: Query, *, walk: bool = False) -> tuple[Q, Q]:
    """The conditions that a document matches the query, and that its headline does, for
    Article querysets or (`queryset` of SearchDocument) the search table alone.

    `walk` (SQLite): the same conditions written so that the planner cannot look the matches
    up by id (`+id IN …`) and walks the date index instead, testing each row — what a piece
    with more matches than a page needs wants: the page of a word in a fifth of 100,000
    headlines 45 → 7 ms, where looking up every match and sorting them was the plan."""
    documents = queryset.model is SearchDocument
    if connections[queryset.db].vendor == "postgresql":
        prefix = "" if documents else "search__"
        return (
            Q(**{f"{prefix}document__tsmatch": to_tsquery(query)}),
            Q(**{f"{prefix}head__tsmatch": to_tsquery(query, positive_only=True)}),
        )
    sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    match = [to_fts5(query)], [to_fts5(query, column="head", positive_only=True)]
    if walk:
        table = queryset.model._meta.db_table
        column = "article_id" if documents else "id"
        unindexed = f'+"{table}"."{column}" IN ({sql})'
        return tuple(Q(RawSQL(unindexed, params, output_field=BooleanField())) for params in match)
    ids = "article_id__in" if documents else "pk__in"
    return tuple(Q(**{ids: RawSQL(sql, params)}) for params in match)


def _matching(queryset: QuerySet, query: Query, *, walk: bool = False) -> tuple[QuerySet, Q]:
    """The matches of a query, and the condition that the headline matches too."""
    match, headline = _conditions(queryset, query, walk=walk)
    return queryset.filter(match), headline


def _headline_matches(queryset: QuerySet, query: Query, *, walk: bool = False) -> QuerySet:
    """The matches whose headline matches. A headline that matches the query's words is a
    match of the whole document (which holds the headline) unless the query excludes words:
    then the document must be read too. Not reading it matters when walking the date index
    (documents are large)."""
    match, headline = _conditions(queryset, query, walk=walk)
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


#
# A common word is in most of a million documents: what it costs is how many of them a query
# touches, each one a heap page to read and, to test a match, a large document to unpack. So
# counts and pages are read from the newest documents first (`pieces`): the RECENT_DOCUMENTS
# newest, where a common word meets its first thousand matches, through the GIN indexes'
# date key (migrations/_database.py), which skips through the word's list instead of
# collecting it; then the older ones, where only rarer words are left to look for; then
# the undated. The answers do not depend on where the pieces are cut, only the cost does.

recent_bounds: dict[str, tuple[float, datetime.date | None]] = {}


def recent_bound(using: str = "default") -> datetime.date | None:
    """The date from which the RECENT_DOCUMENTS newest searchable documents run (None when
    there are fewer). Only speed depends on it, so a process re-reads it now and then."""
    now = time.monotonic()
    if using in recent_bounds and now - recent_bounds[using][0] < RECENT_BOUND_SECONDS:
        return recent_bounds[using][1]
    newest = (
        SearchDocument.objects.using(using)
        .filter(visible_from__isnull=False, date__isnull=False)
        .order_by("-date", "-article_id")
        .values_list("date", flat=True)
    )
    found = list(newest[RECENT_DOCUMENTS : RECENT_DOCUMENTS + 1])
    recent_bounds[using] = (now, found[0] if found else None)
    return recent_bounds[using][1]


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
        # plain `date` range is the btree's (migrations/_database.py). (A walk down the btree
        # needs no lower bound here: it walks only a piece holding more matches than a page
        # needs.)
        key = ExpressionWrapper(F(field) + 0, output_field=DateField())
        recent = queryset.alias(recent_key=key).filter(recent_key__gte=bound)
    else:
        recent = queryset.filter(**{f"{field}__gte": bound})
    older = queryset.filter(**{f"{field}__lt": bound})
    undated = queryset.filter(**{f"{field}__isnull": True})
    return [undated, recent, older] if postgresql else [recent, older, undated]


@contextmanager
def search_plans(using: str = "default") -> Iterator[None]:
    """Run a search's queries with the plans a search needs (PostgreSQL), in a transaction of
    their own. Blocks may nest (the outermost sets the plans for all).

    - Index plans, never a scan of every document: matching a tsvector means reading it from
      TOAST storage, yet PostgreSQL costs the test at next to nothing, so for a common word it
      prefers testing every document to the GIN index (11 s against 2 s at a million). Told
      here, for these queries only, rather than by changing PostgreSQL's own cost of the
      function, which needs a superuser and holds for every query of the database.
    - No parallel workers or JIT: a walk down the date index meets its twenty matches within a
      few hundred rows, but planned in parallel each worker reads thousands before the page is
      complete (UNODC at a million: 247 against 9 ms); compiling a query costs more than
      running a search's.
    """
    connection = connections[using]
    if connection.vendor != "postgresql" or getattr(connection, "search_plans", False):
        yield
        return
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('enable_seqscan', 'off', true), "
                "set_config('max_parallel_workers_per_gather', '0', true), "
                "set_config('jit', 'off', true)"
            )
        connection.search_plans = True
        try:
            yield
        finally:
            connection.search_plans = False


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


def read_newest(
    part: QuerySet, skip: int, need: int, *, few: bool, walking: QuerySet | None = None
) -> tuple[list, int]:
    """Rows skip … skip + need of an Article queryset newest first, and how many of its rows
    come before them (skip, or all of the part's when it has fewer). Read piece by piece
    (`pieces`), each counted as far as the rows need (to COUNT_CAP at least): a piece with
    more than COUNT_CAP matches is walked down the date index, which meets the rows at once;
    one with fewer is collected and sorted. `few` (every match of the search counted, at
    most COUNT_CAP) reads the part whole, in one piece. `walking`: the same part with its
    conditions written for walking (`_conditions`), read where a piece is walked."""
    bound = None if few else recent_bound(part.db)
    rows: list = []
    before = 0
    parts = pieces(part, bound)
    walks = pieces(walking, bound) if walking is not None else [None] * len(parts)
    for piece, walk in zip(parts, walks, strict=True):
        counted = max(COUNT_CAP, skip + need)
        matches = capped_count(piece, counted)
        if matches <= skip:  # the rows start after this piece
            skip -= matches
            before += matches
            continue
        # Walked only where the piece holds more than the rows: the walk ends inside it.
        many = matches > counted
        read = walk if many and walk is not None else piece
        found = list(_newest(read, many=many)[skip : skip + need])
        rows += found
        before += skip
        skip, need = 0, need - len(found)
        if not need:
            break
    return rows, before


def newest_ids(queryset: QuerySet, count: int) -> list[int]:
    """The ids of the `count` newest articles of an Article queryset of search matches."""
    with search_plans(queryset.db):
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
        self.walking = {}  # SQLite: the parts as a walk down the date index reads them
        if connections[queryset.db].vendor == "sqlite":
            walking, _ = _matching(queryset, query, walk=True)
            self.walking = {
                "heads": _headline_matches(queryset, query, walk=True),
                "others": walking.exclude(headline),
            }
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
        with search_plans(self.using):
            heads, others = self.walking.get("heads"), self.walking.get("others")
            rows, before = read_newest(self.heads, start, stop - start, few=few, walking=heads)
            if len(rows) < stop - start:
                more = stop - start - len(rows)
                rows += read_newest(self.others, start - before, more, few=few, walking=others)[0]
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
    with search_plans(queryset.db):
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
