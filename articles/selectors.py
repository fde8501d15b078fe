"""What the public pages and feeds read: the articles readers may see, a search's count and its
ranked pages, the tags of a page of articles in one query, an article's related articles.

Every public read starts here, from `Article.objects.published()` (or, for a search, the search
table's copy of the same rule, `search.searchable()`); views render, these read.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connections, router

from . import counts, search
from .filters import ArticleFilter, FacetVocabulary
from .models import Article


def public_articles(searching: bool = False):
    """The articles readers may see, with what listings show of them. A search decides
    visibility on the search table (search.searchable(): the same articles)."""
    articles = search.searchable() if searching else Article.objects.published()
    return articles.select_related("source")


def search_total(filterset: ArticleFilter) -> int:
    """A search's capped count (search.COUNT_CAP), on the search table alone when nothing but
    the query narrows it."""
    if filterset.narrowed:
        return search.count_newest_first(filterset.qs)
    return search.count_matches(filterset.search_query)


def ranked_search(filterset: ArticleFilter, total: Callable[[], int]) -> search.Ranked:
    """A search in relevance order, read a page at a time (search.Ranked), not by ranking
    every match."""
    return search.Ranked(filterset.without("q").qs, filterset.search_query, total=total)


# What no public page shows (the import's raw text and notes, the review flags); a card shows
# no body either.
EDITORIAL_COLUMNS = ("raw_text", "import_details", "edited_fields", "flags")
CARD_DEFERRED = ("body", *EDITORIAL_COLUMNS)

# The tag relations attach_tags reads (the registry's names) and the attribute it sets on each
# article: `topic_list`, `country_list`, `agency_list`.
TAGS = Article.TAG_RELATIONS
_REGISTRY = {tag.name: tag for tag in Article.TAGS}


def _attribute(relation: str) -> str:
    return f"{_REGISTRY[relation].facet}_list"


def attach_tags(articles, *relations: str) -> list:
    """Give each article `topic_list`, `country_list`, `agency_list` (those asked for): one
    query of ids over the tag tables for all of them, mapped onto the vocabulary this process
    holds. prefetch_related would build a related manager and fresh tag instances for every
    article, which was a third of a cold article page."""
    articles = list(articles)
    vocabulary = counts.cached_here("vocabulary", FacetVocabulary.load)
    by_id = {article.pk: article for article in articles}
    tagged: dict = {(relation, pk): set() for relation in relations for pk in by_id}
    for relation, article_id, key in _tag_rows(relations, list(by_id)):
        tagged[relation, article_id].add(key)
    for (relation, pk), keys in tagged.items():
        options = vocabulary.by_pk[relation]  # in the vocabulary's own order
        setattr(by_id[pk], _attribute(relation), [tag for k, tag in options.items() if k in keys])
    return articles


def _tag_rows(relations, ids: list[int]):
    """(relation, article id, tag key) of these articles, from one UNION ALL over the tag
    tables (country keys are codes, the others numbers)."""
    if not ids or not relations:
        return []
    connection = connections[router.db_for_read(Article)]
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    parts = []
    for number, relation in enumerate(relations):
        tag = _REGISTRY[relation]
        table = quote(tag.through._meta.db_table)
        parts.append(
            f"SELECT {number}, article_id, CAST({tag.column} AS varchar(20)) "
            f"FROM {table} WHERE article_id IN ({marks})"
        )
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), ids * len(parts))
        rows = cursor.fetchall()
    numeric = {number: relation != "countries" for number, relation in enumerate(relations)}
    return [
        (relations[n], article_id, int(key) if numeric[n] else key) for n, article_id, key in rows
    ]


def related_articles(article: Article, limit: int = 5, candidates: int = 50, per_tag: int = 1000):
    """Recent published articles sharing the most topics and countries with this one.

    Scored straight from the tag tables over the `per_tag` newest articles carrying each of
    its tags (an index walk each: a country in half the catalogue costs what a rare one
    does), then at most `candidates` articles are read.
    """
    if not hasattr(article, "topic_list"):
        attach_tags([article], "topics", "countries")
    topic_ids = [t.pk for t in article.topic_list]
    codes = [c.pk for c in article.country_list]
    if not topic_ids and not codes:
        return []
    connection = connections[router.db_for_read(Article)]  # the replica's, when there is one
    quote = connection.ops.quote_name
    parts, params = [], []
    topics, countries = Article.TAGS[:2]
    for tag, keys in ((topics, topic_ids), (countries, codes)):
        table, column = quote(tag.through._meta.db_table), tag.column
        for key in keys:
            parts.append(
                f"SELECT article_id FROM (SELECT article_id FROM {table} WHERE {column} = %s "
                f"ORDER BY article_id DESC LIMIT %s) t{len(parts)}"
            )
            params += [key, per_tag]
    sql = (
        f"SELECT article_id, COUNT(*) FROM ({' UNION ALL '.join(parts)}) shared "
        "WHERE article_id <> %s GROUP BY article_id ORDER BY COUNT(*) DESC, article_id DESC "
        "LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, article.pk, candidates])
        scores = dict(cursor.fetchall())
    # Rank the candidates on their dates alone; read cards only for the few shown.
    dated = Article.objects.published().filter(pk__in=scores).values_list("pk", "date")
    ranked = sorted(dated, key=lambda r: (-scores[r[0]], -(r[1].toordinal() if r[1] else 0)))
    shown = [pk for pk, _date in ranked[:limit]]
    cards = public_articles().defer(*CARD_DEFERRED).in_bulk(shown)
    return attach_tags([cards[pk] for pk in shown], "topics", "countries")
