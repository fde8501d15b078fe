"""Who may see an article is one rule (Article.visible_from); every reader of the catalogue
agrees with it: the queryset, an instance, raw SQL, the search table and the facet index."""

import datetime
import itertools

import pytest
from django.db import connection
from django.utils import timezone

from articles import search
from articles.counts import facet_index
from articles.models import Article, SearchDocument
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
WHEN = {
    "none": None,
    "past": NOW - datetime.timedelta(days=3),
    "future": NOW + datetime.timedelta(days=3),
}
# The constraint keeps a public status from having no time; every other pair can exist.
CASES = [
    (status, when)
    for status, when in itertools.product(Article.Status.values, WHEN)
    if not (status in Article.PUBLIC_STATES and when == "none")
]


@pytest.fixture
def articles():
    made = {}
    for status, when in CASES:
        made[status, when] = ArticleFactory(
            status=status, published_at=WHEN[when], slug=f"rule-{status}-{when}"
        )
    search.index_articles()  # the documents; triggers keep their visible_from from here on
    return made


def _sql_ids(due: str, at=None) -> set[int]:
    table = connection.ops.quote_name(Article._meta.db_table)
    params = [] if due == "ever" else [at]
    sql = f"SELECT a.id FROM {table} a WHERE {Article.public_sql('a', due=due)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk for (pk,) in cursor.fetchall()}


def test_only_published_or_scheduled_and_due_are_public(articles):
    public = {key for key, article in articles.items() if article.is_public()}
    assert public == {("published", "past"), ("scheduled", "past")}


def test_every_reader_takes_the_same_rule(articles):
    by_instance = {a.pk for a in articles.values() if a.is_public()}
    assert set(Article.objects.published().values_list("pk", flat=True)) == by_instance
    assert _sql_ids("by", NOW) == by_instance
    searchable = SearchDocument.objects.filter(visible_from__lte=timezone.now())
    assert set(searchable.values_list("pk", flat=True)) == by_instance
    facet_index.forget()
    assert set(facet_index.current().visible()) == by_instance


def test_a_scheduled_article_becomes_public_at_its_time_everywhere(articles):
    later = NOW + datetime.timedelta(days=4)
    due = {a.pk for a in articles.values() if a.is_public(at=later)}
    assert due == {articles[key].pk for key in (("published", "past"), ("published", "future"))} | {
        articles[key].pk for key in (("scheduled", "past"), ("scheduled", "future"))
    }
    assert set(Article.objects.published(at=later).values_list("pk", flat=True)) == due
    assert _sql_ids("by", later) == due
    not_yet = {articles["published", "future"].pk, articles["scheduled", "future"].pk}
    assert _sql_ids("after", NOW) == not_yet
    assert _sql_ids("ever") == due
    for article in articles.values():  # the search table's copy is the rule's time
        document = SearchDocument.objects.get(pk=article.pk)
        assert document.visible_from == Article.visible_from(article.status, article.published_at)
    # and stays it when the status changes underneath (the triggers).
    draft = articles["draft", "future"]
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.SCHEDULED)
    assert SearchDocument.objects.get(pk=draft.pk).visible_from == WHEN["future"]
    Article.objects.filter(pk=draft.pk).update(status=Article.Status.ARCHIVED)
    assert SearchDocument.objects.get(pk=draft.pk).visible_from is None
