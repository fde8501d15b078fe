"""Facet counts from compressed bitmaps held in each process, exact and kept current.

A cold listing at a million articles spent seconds in SQL counting tag rows under its filters
(one pass per facet over the same filtered articles). Here every facet option — each topic,
country, agency, outlet and language — keeps the set of article ids that carry it as a Roaring
bitmap (pyroaring), and so does every day and month of the articles' dates and the set of
articles readers may see. A count is then the size of an intersection: the few thousand of
them a listing needs take milliseconds, whatever the filters.

Kept exact by `CatalogueChange`: every write readers could see logs the ids it touched in its
own transaction (`counts.changed`), and raising the catalogue generation after the commit
stamps them. A process that holds generation N re-reads, before counting, the articles logged
since N and those not stamped yet (a transaction still committing, or our own), and keeps
re-reading the unstamped ones until they are stamped or gone, so a rollback is undone too. A
change that names no article (a vocabulary edit, a very large import) rebuilds the index, as
does an index older than the changes kept.

A search is counted here too: its matches (the full-text index's ids, the newest
search.COUNT_CAP of them when there are more) are one more bitmap to intersect with.
"""

from __future__ import annotations

import datetime
import threading
import time
from array import array
from dataclasses import dataclass
from itertools import combinations

from django.conf import settings
from django.db import connections, router
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from pyroaring import BitMap

from ..models import Article, CatalogueChange
from . import changes, state

# Facet -> (tag relation or article column, its column in that table).
TAGGED = {tag.facet: tag.name for tag in Article.TAGS}
COLUMNS = {"source": "source_id", "language": "language"}
FACETS = ("topic", "country", "agency", "source", "language")


def _month(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


@dataclass
class Selection:
    """What a listing filters on: option keys per facet (slugs, codes, acronyms — the
    query-string keys), and an inclusive date range."""

    options: dict[str, list[str]]
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


class FacetIndex:
    def __init__(self, using: str):
        self.using = using
        self.lock = threading.Lock()
        self._clear(None)

    def _clear(self, number: int | None) -> None:
        self.number = number  # the generation it reflects
        self.built = time.monotonic()
        self.provisional: set[int] = set()  # read from changes not stamped yet
        self.visible_status = BitMap()  # public status with a publication time
        self.not_before: dict[int, datetime.datetime] = {}  # of those, the ones not yet due
        self.options: dict[str, dict[object, BitMap]] = {f: {} for f in FACETS}
        self.days: dict[int, BitMap] = {}  # by date ordinal
        self.months: dict[int, BitMap] = {}  # by year * 12 + month - 1
        self.day_of = array("i")  # each article's date ordinal, by id (0: none), to forget it

    # --- reading the catalogue ---------------------------------------------------------------

    def _connection(self):
        return connections[self.using]

    def _grouped(self, sql_from: str, key: str, params=(), where: str = "") -> list[tuple]:
        """(key, [ids]) per value of `key`: the ids aggregated into one string by the
        database, which parses them much faster than it sends rows."""
        connection = self._connection()
        aggregate = (
            "string_agg(CAST(id_ AS text), ',')"
            if connection.vendor == "postgresql"
            else "group_concat(id_, ',')"
        )
        sql = f"SELECT {key}, {aggregate} FROM {sql_from} {where} GROUP BY {key}"
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(k, ids.split(",")) for k, ids in cursor.fetchall() if ids]

    def _tables(self, ids: BitMap | None):
        """(name, SQL source) to read: the articles' own columns, then each tag table; every
        article, or those with these ids."""
        quote = self._connection().ops.quote_name
        where = f" WHERE {{}} IN ({', '.join(map(str, ids))})" if ids is not None else ""
        columns = "a.id AS id_, a.status, a.published_at, a.date, a.source_id, a.language"
        article = quote(Article._meta.db_table)
        yield "article", f"(SELECT {columns} FROM {article} a{where.format('a.id')}) x"
        for facet, relation in TAGGED.items():
            table = quote(getattr(Article, relation).through._meta.db_table)
            column = Article._meta.get_field(relation).m2m_reverse_name()
            yield (
                facet,
                (
                    f"(SELECT t.{column} AS key_, t.article_id AS id_ FROM {table} t"
                    f"{where.format('t.article_id')}) x"
                ),
            )

    def _add(self, facet: str, source: str, key: str, where: str = "") -> None:
        for value, found in self._grouped(source, key, where=where):
            self.options[facet].setdefault(value, BitMap()).update(map(int, found))

    def _load(self, ids: BitMap | None) -> None:
        """Read every article (ids None) or these ones, adding them to the bitmaps."""
        tables = dict(self._tables(ids))
        source = tables.pop("article")
        for facet, tags in tables.items():
            self._add(facet, tags, "key_")
        for facet, column in COLUMNS.items():
            self._add(facet, source, column, where=f"WHERE {column} IS NOT NULL")
        for day, found in self._grouped(source, "date", where="WHERE date IS NOT NULL"):
            if isinstance(day, str):  # SQLite
                day = parse_date(day)
            found = BitMap(map(int, found))
            ordinal = day.toordinal()
            self.days.setdefault(ordinal, BitMap()).update(found)
            self.months.setdefault(_month(day), BitMap()).update(found)
            if found.max() >= len(self.day_of):
                self.day_of.extend(array("i", [0]) * (found.max() + 1 - len(self.day_of)))
            for pk in found:
                self.day_of[pk] = ordinal
        where = f"WHERE {Article.public_sql(due='ever')}"
        for _, found in self._grouped(source, "1", where=where):
            self.visible_status.update(map(int, found))
        connection = self._connection()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id_, published_at FROM {source} WHERE {Article.public_sql(due='after')}",
                [connection.ops.adapt_datetimefield_value(timezone.now())],
            )
            for pk, at in cursor.fetchall():
                if isinstance(at, str):
                    at = parse_datetime(at)
                if timezone.is_naive(at):  # SQLite: UTC, as Django writes it
                    at = at.replace(tzinfo=datetime.UTC)
                self.not_before[pk] = at

    def _forget(self, ids: BitMap) -> None:
        for options in self.options.values():
            for bitmap in options.values():
                bitmap.difference_update(ids)
        for pk in ids:  # its day and month only (there are thousands of days)
            if pk < len(self.day_of) and (ordinal := self.day_of[pk]):
                self.days[ordinal].discard(pk)
                self.months[_month(datetime.date.fromordinal(ordinal))].discard(pk)
                self.day_of[pk] = 0
        self.visible_status.difference_update(ids)
        for pk in ids:
            self.not_before.pop(pk, None)

    def build(self, number: int | None) -> None:
        self._clear(number)
        # Read as they are now, and again until stamped (or gone: rolled back).
        unstamped = CatalogueChange.objects.using(self.using).filter(generation=None)
        self.provisional = set(unstamped.values_list("article_id", flat=True)) - {None}
        self._load(None)

    def refresh(self) -> None:
        """Bring the index up to the generation the database is at."""
        number = state.generation_number(self.using)
        if (
            self.number is None
            or number is None
            or number < self.number
            or number - self.number > changes.KEPT_GENERATIONS
            # A write behind Django's back (SQL in psql) is seen once the index is this old,
            # as it is by the cached counts (docs/operations.md).
            or time.monotonic() - self.built > settings.NEWSROOM_COUNTS_CACHE_SECONDS
        ):
            self.build(number)
            return
        log = CatalogueChange.objects.using(self.using)
        if (
            number == self.number
            and not self.provisional
            and not log.filter(generation=None).exists()
        ):
            return
        rows = log.filter(Q(generation__gt=self.number) | Q(generation=None))
        rows = rows.values_list("article_id", "generation")
        touched, provisional = BitMap(self.provisional), set()
        for pk, stamped in rows:
            if pk is None:
                self.build(number)
                return
            touched.add(pk)
            if stamped is None:
                provisional.add(pk)
        if touched:
            self._forget(touched)
            for chunk in range(0, len(touched), 1_000):
                self._load(BitMap(touched[chunk : chunk + 1_000]))
        self.number, self.provisional = number, provisional

    # --- counting ----------------------------------------------------------------------------

    def visible(self) -> BitMap:
        """The articles readers may see now (a scheduled one once its time has come)."""
        now = timezone.now()
        for pk in [pk for pk, at in self.not_before.items() if at <= now]:
            del self.not_before[pk]
        return self.visible_status - BitMap(self.not_before)

    def dated(self, start: datetime.date | None, end: datetime.date | None) -> BitMap:
        """Articles dated within [start, end] (either end open): whole months, then days."""
        if not self.days:
            return BitMap()
        first, last = min(self.days), max(self.days)
        low = max(first, start.toordinal()) if start else first
        high = min(last, end.toordinal()) if end else last
        parts: list[BitMap] = []
        day = low
        while day <= high:
            date = datetime.date.fromordinal(day)
            month_start = date.replace(day=1)
            following = (month_start + datetime.timedelta(days=32)).replace(day=1)
            if date == month_start and following.toordinal() - 1 <= high:
                if (bitmap := self.months.get(_month(date))) is not None:
                    parts.append(bitmap)
                day = following.toordinal()
                continue
            if (bitmap := self.days.get(day)) is not None:
                parts.append(bitmap)
            day += 1
        return BitMap.union(*parts) if parts else BitMap()

    def chosen(self, facet: str, keys) -> BitMap:
        """Articles carrying any of these options (OR within a facet)."""
        found = [self.options[facet][k] for k in keys if k in self.options[facet]]
        return BitMap.union(*found) if found else BitMap()

    def counts(
        self, selection: Selection, keys: dict[str, dict], within: BitMap | None = None
    ) -> dict:
        """Per facet, {option key: articles} under the other facets' filters, and "total";
        only among the articles `within` when given (a search's matches).

        `keys` maps each facet's stored value (pk, code) to its query-string key; options it
        does not name (a deleted tag) are not counted."""
        base = self.visible()
        if within is not None:
            base &= within
        if selection.date_from or selection.date_to:
            base &= self.dated(selection.date_from, selection.date_to)
        chosen = {
            facet: self.chosen(facet, [k for k, v in keys[facet].items() if v in wanted])
            for facet, wanted in selection.options.items()
            if wanted
        }
        result: dict = {}
        for facet in FACETS:
            under = base
            for other, bitmap in chosen.items():
                if other != facet:
                    under = under & bitmap
            names = keys[facet]
            result[facet] = {
                names[k]: n
                for k, bitmap in self.options[facet].items()
                if k in names and (n := bitmap.intersection_cardinality(under))
            }
        total = base
        for bitmap in chosen.values():
            total = total & bitmap
        result["total"] = len(total)
        return result

    def pairs(self, topic_pk: int | None, size: int, most_countries: int | None = None) -> dict:
        """The cooperation overview: the `size` countries most named in visible articles
        (of a topic), how many name each pair of them, and the articles' total; with
        `most_countries`, leaving out the articles that name more countries than that."""
        base = self.visible()
        if topic_pk is not None:
            base &= self.options["topic"].get(topic_pk, BitMap())
        countries = self.options["country"]
        within = {code: bitmap & base for code, bitmap in countries.items()}
        if most_countries is not None:
            base -= naming_more_than(within.values(), most_countries)
            within = {code: bitmap & base for code, bitmap in within.items()}
        ranked = sorted((-len(b), code) for code, b in within.items() if len(b))
        codes = [code for _n, code in ranked[:size]]
        pairs = {}
        for a, b in combinations(sorted(codes), 2):
            if n := within[a].intersection_cardinality(within[b]):
                pairs[(a, b)] = n
        return {"codes": codes, "pairs": pairs, "total": len(base)}


def naming_more_than(bitmaps, n: int) -> BitMap:
    """The ids found in more than `n` of the bitmaps (articles naming more than n countries):
    at_least[k] holds those seen in k + 1 of the bitmaps so far."""
    at_least = [BitMap() for _ in range(n + 1)]
    for bitmap in bitmaps:
        for k in range(n, 0, -1):
            at_least[k] |= at_least[k - 1] & bitmap
        at_least[0] |= bitmap
    return at_least[n]


_indexes: dict[str, FacetIndex] = {}
_guard = threading.Lock()


def current(using: str | None = None) -> FacetIndex:
    """This process's index for the database public reads go to, brought up to date."""
    using = using or router.db_for_read(Article)
    with _guard:
        index = _indexes.setdefault(using, FacetIndex(using))
    with index.lock:
        index.refresh()
    return index


def warm_in_background() -> threading.Thread:
    """Build this process's index in a thread as it starts (newsroom/wsgi.py), so that the
    first listing after a deploy does not wait seconds for it; a request that comes sooner
    waits on the index's lock, as it would have built it anyway."""

    def build() -> None:
        from django.db import DatabaseError, connections

        try:
            current()
        except DatabaseError:  # not migrated yet: the first listing builds it
            pass
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=build, name="facet-index", daemon=True)
    thread.start()
    return thread


def forget() -> None:
    """Drop every index (tests: a rolled-back write leaves the generation where it was)."""
    with _guard:
        _indexes.clear()


def listing_counts(filterset, within: BitMap | None = None) -> dict:
    """A listing's facet counts and its total: the filters it applies (its valid ones, as
    `filterset.qs` does) over the articles readers see — only among `within` when given (a
    search's matches)."""
    data = {}
    if filterset.is_bound:
        filterset.is_valid()
        data = filterset.form.cleaned_data
    vocabulary = filterset.vocabulary.labels
    keys = {
        facet: {obj.pk: key for key, obj in vocabulary[facet].items()}
        for facet in ("topic", "country", "agency", "source")
    }
    selection = Selection(
        options={facet: list(data.get(facet) or ()) for facet in FACETS},
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )
    index = current(filterset.queryset.db)
    with index.lock:
        keys["language"] = {code: code for code in index.options["language"]}
        return index.counts(selection, keys, within)


def cooperation(topic_pk: int | None, size: int, most_countries: int | None = None) -> dict:
    """The cooperation overview's countries, pair counts and total (`FacetIndex.pairs`)."""
    index = current()
    with index.lock:
        return index.pairs(topic_pk, size, most_countries)
