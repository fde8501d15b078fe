"""The change log is the database's (articles/migrations/_database.py): a write readers could
see is logged whichever way it is made, and cached counts and the facet index follow it at
once, also when no code of ours raised the generation (SQL in psql, `QuerySet.update()`)."""

import datetime

import pytest
from django.db import connection, transaction
from django.utils import timezone

from articles import counts
from articles.counts import facet_index
from articles.models import Article, CatalogueChange, Source, Topic

from .factories import ArticleFactory, SourceFactory, import_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    SourceFactory()  # an outlet to move to (a new one is a vocabulary change: "anything")
    public = ArticleFactory(status=Article.Status.PUBLISHED, published_at=timezone.now())
    draft = ArticleFactory(status=Article.Status.DRAFT)
    counts.bump()  # what the commit of their creation does: stamp the log
    counts.forget_here()
    return public, draft


def _unstamped() -> list:
    return list(
        CatalogueChange.objects.filter(generation=None).values_list("article_id", flat=True)
    )


def _sql(statement: str, params) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_sql_behind_djangos_back_is_logged_and_moves_the_counts(articles):
    public, _draft = articles
    before = counts.generation()
    facet_index.forget()
    assert public.pk in facet_index.current().visible()
    table = connection.ops.quote_name(Article._meta.db_table)
    _sql(f"UPDATE {table} SET status = %s WHERE id = %s", ["archived", public.pk])
    assert _unstamped() == [public.pk]
    assert counts.generation() != before  # no bump ran: the log's tail is in the key
    assert public.pk not in facet_index.current().visible()


@pytest.mark.parametrize(
    "change, logged",
    [
        ("language", True),
        ("source", True),
        ("published_at", True),
        ("headline", False),  # nothing the counts read
        ("draft-language", False),  # never public
    ],
)
def test_queryset_updates_are_logged_when_readers_could_see_them(articles, change, logged):
    public, draft = articles
    if change == "language":
        Article.objects.filter(pk=public.pk).update(language="vi")
    elif change == "source":
        Article.objects.filter(pk=public.pk).update(source=Source.objects.last())
    elif change == "published_at":
        later = timezone.now() + datetime.timedelta(days=2)
        Article.objects.filter(pk=public.pk).update(published_at=later)
    elif change == "headline":
        Article.objects.filter(pk=public.pk).update(headline="Another headline")
    else:
        Article.objects.filter(pk=draft.pk).update(language="vi")
    assert _unstamped() == ([public.pk] if logged else [])


def test_tag_rows_written_in_sql_are_logged_for_public_articles_only(articles):
    public, draft = articles
    through = connection.ops.quote_name(Article.topics.through._meta.db_table)
    topic = Topic.objects.first()
    for article in (public, draft):
        _sql(
            f"INSERT INTO {through} (article_id, topic_id) VALUES (%s, %s)", [article.pk, topic.pk]
        )
    assert _unstamped() == [public.pk]
    _sql(f"DELETE FROM {through} WHERE article_id = %s", [public.pk])
    assert _unstamped() == [public.pk, public.pk]
    pk = public.pk
    public.delete()  # its tag rows and itself
    assert set(_unstamped()) == {pk}


def test_after_anything_is_logged_the_transaction_is_not_logged_article_by_article(articles):
    public, _draft = articles
    with transaction.atomic():
        counts.log_everything()
        Article.objects.filter(pk=public.pk).update(language="vi")
        public.countries.add("LA")
        assert _unstamped() == [None]
    counts.bump()
    # The next transaction logs as usual again.
    Article.objects.filter(pk=public.pk).update(language="en")
    assert _unstamped() == [public.pk]


def test_a_large_spreadsheet_import_logs_anything_once(articles, tmp_path, monkeypatch):
    monkeypatch.setattr(counts.changes, "LOGGED_ARTICLES", 2)
    topic = Topic.objects.first().slug
    source = SourceFactory().name
    report = import_published(tmp_path / "many.csv", count=5, source=source, topic=topic)
    assert report.applied and report.created == 5
    logged = CatalogueChange.objects.filter(generation=None).values_list("article_id", flat=True)
    assert None in logged
    assert not set(logged) & set(report.touched)  # not one row per article and tag link
    facet_index.forget()
    assert set(report.touched) <= set(facet_index.current().visible())
