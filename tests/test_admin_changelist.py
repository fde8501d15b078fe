"""The article changelist's large-catalogue parts (articles/admin_changelist.py): each is checked
against what Django's own changelist shows, and for the queries it must not run."""

import datetime
import re

import pytest
from django.contrib.admin import helpers
from django.contrib.admin.options import ModelAdmin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin_changelist import CappedPaginator
from articles.models import Article, Country, Topic

from .factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def _page(client, **params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return response, [q["sql"] for q in ctx.captured_queries]


def _listed(response) -> set[int]:
    return {article.pk for article in response.context["cl"].result_list}


def test_a_tag_filter_lists_each_article_once_without_distinct(client, chief):
    drugs = Topic.objects.get(slug="drug-trafficking")
    scams = Topic.objects.get(slug="online-scams")
    both = ArticleFactory()
    both.topics.add(drugs, scams)
    only_drugs = ArticleFactory()
    only_drugs.topics.add(drugs)
    untagged = ArticleFactory()
    client.force_login(chief)

    response, queries = _page(client, topics__id__exact=drugs.pk)
    assert _listed(response) == {both.pk, only_drugs.pk}
    assert len(response.context["cl"].result_list) == 2  # no row twice
    assert not [sql for sql in queries if sql.startswith('SELECT DISTINCT "articles_article".')]

    response, _ = _page(client, topics__isnull="True")
    assert _listed(response) == {untagged.pk}
    response, _ = _page(client, topics__id__exact=drugs.pk, countries__code__exact="TH")
    assert _listed(response) == set()


def test_a_count_past_the_cap_reads_as_more_than_it(client, chief, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "CAP", 3)
    for _ in range(5):
        ArticleFactory()
    client.force_login(chief)
    response, queries = _page(client)
    page = response.content.decode()
    assert "3+ articles" in page
    assert "Pages go through the first 3" in page
    assert any(re.search(r"LIMIT 4\b", sql) for sql in queries if "COUNT" in sql)

    response, _ = _page(client, language__exact="vi")  # none: exact
    assert "0 articles" in response.content.decode()
    Article.objects.filter(pk__in=list(Article.objects.values_list("pk", flat=True)[:2])).update(
        language="vi"
    )
    response, _ = _page(client, language__exact="vi")
    page = response.content.decode()
    assert "2 articles" in page and "Pages go through" not in page


def _django_years(queryset):
    return [d.year for d in queryset.dates("published_on", "year")]


def test_the_date_hierarchy_offers_what_djangos_would(client, chief):
    for day in (
        datetime.date(2012, 3, 1),
        datetime.date(2015, 7, 9),
        datetime.date(2015, 7, 20),
        datetime.date(2015, 11, 2),
        datetime.date(2019, 1, 31),
    ):
        ArticleFactory(published_on=day)
    ArticleFactory(published_on=datetime.date(2017, 5, 5), language="vi")
    client.force_login(chief)

    def titles(**params):
        response, _ = _page(client, **params)
        return [c["title"] for c in _date_hierarchy(response)["choices"]]

    assert titles() == [str(y) for y in _django_years(Article.objects.all())]
    assert titles() == ["2012", "2015", "2017", "2019"]
    assert titles(language__exact="th") == ["2012", "2015", "2019"]  # 2017 is Vietnamese
    assert titles(published_on__year="2015") == ["July 2015", "November 2015"]
    assert titles(published_on__year="2015", published_on__month="7") == ["July 9", "July 20"]
    # One year only: Django opens it at its months; one month only: at its days.
    assert titles(language__exact="vi") == ["May 5"]


def _date_hierarchy(response):
    from articles.admin_changelist import date_levels

    return date_levels(response.context["cl"])


def test_the_date_hierarchy_reads_no_distinct_dates(client, chief):
    ArticleFactory(published_on=datetime.date(2012, 3, 1))
    ArticleFactory(published_on=datetime.date(2020, 3, 1))
    client.force_login(chief)
    response, queries = _page(client)
    assert 'href="?published_on__year=2012"' in response.content.decode()
    assert not any("DISTINCT" in sql for sql in queries)


def test_the_outlet_filter_is_a_select_of_the_outlets_in_use(client, chief):
    used, other = SourceFactory(name="Mekong Post"), SourceFactory(name="Andaman Daily")
    SourceFactory(name="Unused Wire")
    ArticleFactory(source=used)
    ArticleFactory(source=other, language="vi")
    client.force_login(chief)
    response, _ = _page(client, language__exact="vi", source__id__exact=other.pk)
    page = response.content.decode()
    form = re.search(r'<form method="get" class="select-filter">(.*?)</form>', page, re.S)[1]
    assert '<input type="hidden" name="language__exact" value="vi">' in form
    assert f'<option value="{other.pk}" selected>Andaman Daily</option>' in form
    assert f'<option value="{used.pk}">Mekong Post</option>' in form
    assert "Unused Wire" not in form
    assert "source__id__exact" not in re.sub(r'<select name="source__id__exact"', "", form)
    assert _listed(response) == set(other.articles.values_list("pk", flat=True))


def test_the_action_checkbox_is_djangos(client, chief):
    from django.contrib import admin

    article = ArticleFactory(headline="<b>ข่าว</b>")
    model_admin = admin.site._registry[Article]
    ours = model_admin.action_checkbox(article)
    assert ours == ModelAdmin.action_checkbox(model_admin, article)
    assert helpers.ACTION_CHECKBOX_NAME in ours and "&lt;b&gt;" in ours


def test_the_changelist_reads_no_long_text(client, chief):
    ArticleFactory(body="long body " * 100)
    client.force_login(chief)
    _, queries = _page(client)
    listing = [sql for sql in queries if sql.startswith('SELECT "articles_article"."id"')]
    assert listing and all('"articles_article"."body"' not in sql for sql in listing)


def test_tags_shown_in_the_list_are_the_articles(client, chief):
    article = ArticleFactory()
    article.topics.add(Topic.objects.get(slug="online-scams"), Topic.objects.get(slug="cybercrime"))
    article.countries.add(Country.objects.get(code="VN"), Country.objects.get(code="KH"))
    client.force_login(chief)
    response, _ = _page(client)
    assert "cybercrime, online-scams · KH VN" in response.content.decode()


def test_vocabulary_lists_count_the_articles_of_the_entries_shown(admin_client):
    client = admin_client
    outlet = SourceFactory(name="Counted Outlet")
    for _ in range(3):
        ArticleFactory(source=outlet).countries.add("LA")
    ArticleFactory().countries.add("LA", "KH")

    page = client.get(reverse("admin:articles_country_changelist"), {"q": "Laos"})
    link = reverse("admin:articles_article_changelist") + "?countries__code__exact=LA"
    assert f'<a href="{link}">4</a>' in page.content.decode()
    page = client.get(reverse("admin:articles_source_changelist"), {"q": "Counted"})
    assert f"?source__id__exact={outlet.pk}" in page.content.decode()
    assert client.get(link).context["cl"].result_count == 4

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("admin:articles_country_change", args=["LA"]))
    assert response.status_code == 200
    assert not any("COUNT" in q["sql"] for q in ctx.captured_queries)
