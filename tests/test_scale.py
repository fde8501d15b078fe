"""What lets the site run large: cached counts that stay exact, bounded pagination, the read
replica router, a shared Redis cache."""

import csv
import datetime
import io
import random
import re
import socket
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connections, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from articles import counts, selectors, services, views
from articles.models import Agency, Article, CatalogueState, Country, Source, Topic
from articles.spreadsheets import COLUMNS, import_articles, write_csv

from .factories import ArticleFactory, SourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

TOPICS = ["drug-trafficking", "online-scams", "meeting", "cybercrime"]
COUNTRIES = ["TH", "VN", "LA", "KH"]
AGENCIES = ["RTP", "ONCB", "MPS-VN"]
LISTINGS = [
    ("articles:list", (), {}),
    ("articles:list", (), {"topic": "meeting"}),
    ("articles:list", (), {"country": ["TH", "LA"], "language": "th"}),
    ("articles:list", (), {"topic": "online-scams", "date_from": "2024-01-01"}),
    ("articles:topic", ("drug-trafficking",), {"country": "VN"}),
    ("articles:country", ("TH",), {}),
]


FACET_OPTION = re.compile(
    r'<input type="checkbox" name="(\w+)" value="([^"]+)"[^>]*> <span>[^<]*</span> '
    r'<span class="count">([\d,.]+)</span>'
)


def _view(client, name, args, query):
    """The total and every facet option's count, as the page shows them (in English)."""
    with translation.override("en"):
        url = reverse(name, args=args)
    response = client.get(url, query)
    assert response.status_code == 200
    facets: dict[str, list] = {}
    for facet, key, count in FACET_OPTION.findall(response.content.decode()):
        facets.setdefault(facet, []).append((key, int(count.replace(",", "").replace(".", ""))))
    assert facets, "the page shows no facet options"
    total = re.search(r'<h2 id="results-title">([\d,]+) article', response.content.decode())
    return int(total.group(1).replace(",", "")), facets


def _cooperation(client) -> str:
    """The overview's matrix and strongest pairs, as the page shows them."""
    with translation.override("en"):
        page = client.get(reverse("articles:cooperation")).content.decode()
    return page[page.index("<main") : page.index("</main>")]


def _assert_exact(client):
    """Every listing as served (cache allowed) equals the listing computed afresh."""
    served = [_view(client, *listing) for listing in LISTINGS]
    cooperation = _cooperation(client)
    cache.clear()
    counts.forget_here()
    assert served == [_view(client, *listing) for listing in LISTINGS]
    assert cooperation == _cooperation(client)


@pytest.fixture
def catalogue(django_capture_on_commit_callbacks):
    """24 articles, 18 of them published, as if committed (the on-commit work is done)."""
    with django_capture_on_commit_callbacks(execute=True):
        return _create_catalogue()


def _create_catalogue():
    rng = random.Random(8)
    sources = [SourceFactory(name=f"Outlet {n}", slug=f"outlet-{n}") for n in range(3)]
    for n in range(24):
        article = ArticleFactory(
            published=n % 4 != 0,
            language=rng.choice(["th", "vi", "en"]),
            source=rng.choice(sources),
            published_on=datetime.date(2022 + n % 4, 1 + n % 12, 1),
        )
        article.topics.add(*Topic.objects.filter(slug__in=rng.sample(TOPICS, rng.randint(1, 3))))
        article.countries.add(*rng.sample(COUNTRIES, rng.randint(1, 3)))
        article.agencies.add(*Agency.objects.filter(acronym__in=rng.sample(AGENCIES, 1)))
    return sources


def test_cached_counts_stay_exact_through_every_kind_of_change(
    client, catalogue, chief, django_capture_on_commit_callbacks
):
    """Each change that readers could see — made as the app makes it, and committed — is in
    the very next listing's counts, though that listing was cached before the change."""

    def committed(change):
        _assert_exact(client)  # every listing now cached
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            change()
        _assert_exact(client)

    drafts = Article.objects.exclude(status=Article.Status.PUBLISHED)
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    meeting, scams = Topic.objects.get(slug="meeting"), Topic.objects.get(slug="online-scams")

    def publish():
        draft = drafts.first()
        draft.source, draft.headline_en = catalogue[0], "Ready"
        draft.save()
        draft.topics.add(meeting)
        result = services.publish_articles(articles=[draft], by=chief)
        assert result.changed == 1

    committed(publish)
    committed(lambda: services.unpublish_articles(articles=[published.first()], by=chief))
    committed(lambda: published.last().topics.add(scams))  # forward tag change
    committed(lambda: [article.topics.remove(meeting) for article in published[:3]])
    committed(lambda: published.first().countries.clear())
    committed(lambda: published.first().delete())
    committed(lambda: Topic.objects.filter(slug="cybercrime").get().delete())

    def rename_source():
        source = Source.objects.get(pk=catalogue[1].pk)
        source.slug = "renamed"
        source.save()

    committed(rename_source)

    def spreadsheet():
        out = io.BytesIO()
        write_csv(Article.objects.filter(pk__in=published.values("pk")[:2]), out)
        rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
        for row in rows[1:]:
            row[COLUMNS.index("topics")] = "online-scams"
            row[COLUMNS.index("countries")] = "KH"
        text = io.StringIO()
        csv.writer(text).writerows(rows)
        report = import_articles(io.BytesIO(text.getvalue().encode()), name="edit.csv")
        assert report.applied and report.updated == 2

    committed(spreadsheet)


def test_a_scheduled_article_counts_once_its_time_comes(client, catalogue, monkeypatch):
    soon = timezone.now() + datetime.timedelta(hours=1)
    article = ArticleFactory(status=Article.Status.SCHEDULED, published_at=soon)
    article.topics.add(Topic.objects.get(slug="meeting"))
    before = _view(client, "articles:list", (), {"topic": "meeting"})
    later = soon + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)  # no write at all: time passes
    after = _view(client, "articles:list", (), {"topic": "meeting"})
    assert after[0] == before[0] + 1
    _assert_exact(client)


def test_the_generation_rises_after_commit_only_for_changes_readers_could_see(
    catalogue, django_capture_on_commit_callbacks
):
    def generation():
        return CatalogueState.objects.get(pk=1).generation

    start = generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        article = Article.objects.filter(status=Article.Status.PUBLISHED).first()
        article.headline = "Edited"
        article.save()
        article.topics.add(Topic.objects.get(slug="cybercrime"))
        assert generation() == start  # not before the commit
    assert len(callbacks) == 2  # the search index, and one bump for the whole transaction
    assert generation() == start + 1

    with django_capture_on_commit_callbacks(execute=True):
        draft = Article.objects.filter(status=Article.Status.DRAFT).first()
        draft.headline = "A draft nobody sees"
        draft.save()
        draft.topics.add(Topic.objects.get(slug="meeting"))
    assert generation() == start + 1  # drafts do not empty readers' caches


def test_a_flushed_state_row_means_no_caching_not_stale_counts(client, catalogue):
    CatalogueState.objects.all().delete()
    first = _view(client, "articles:list", (), {})
    ArticleFactory(published=True).topics.add(Topic.objects.get(slug="meeting"))
    assert _view(client, "articles:list", (), {})[0] == first[0] + 1
    counts.bump()
    assert CatalogueState.objects.get(pk=1).generation == 1


def test_pagination_is_bounded(client, catalogue, monkeypatch):
    monkeypatch.setattr(views.ListingMixin, "paginate_by", 2)
    monkeypatch.setattr(views, "MAX_BROWSABLE", 6)
    total = Article.objects.published().count()
    assert total > 6
    with translation.override("en"):
        english = reverse("articles:list")
    with translation.override("th"):
        thai = reverse("articles:list")
    last = client.get(english, {"page": 3})
    assert last.status_code == 200
    assert last.context["total"] == total  # the heading still says how many there are
    assert "Only the first 6 articles can be paged through" in last.content.decode()
    assert client.get(english, {"page": 4}).status_code == 404
    assert "Only the first" not in client.get(english).content.decode()
    page = client.get(thai, {"page": 3}).content.decode()
    assert "เปิดดูทีละหน้าได้เฉพาะ 6 บทความแรก" in page


# --- The read replica ------------------------------------------------------------------------

ROUTED = {"DATABASE_ROUTERS": ["newsroom.routers.ReplicaRouter"]}


@pytest.mark.django_db(databases=["default", "replica"])
def test_public_reads_go_to_the_replica_and_the_admin_and_writes_to_the_primary(client, admin_user):
    """Two separate test databases stand in for primary and replica: an article written to the
    primary only is missing from pages read from the replica — which shows where each read
    went."""
    article = ArticleFactory(published=True, slug="only-on-primary")
    assert not Article.objects.using("replica").filter(slug="only-on-primary").exists()
    url = reverse("articles:detail", args=[article.slug])
    with override_settings(**ROUTED):
        with (
            CaptureQueriesContext(connections["replica"]) as replica,
            CaptureQueriesContext(connections["default"]) as primary,
        ):
            assert client.get(url).status_code == 404  # read on the replica
        assert len(replica) > 0 and len(primary) == 0

        client.force_login(admin_user)
        change = reverse("admin:articles_article_change", args=[article.pk])
        assert client.get(change).status_code == 200  # the admin reads the primary

        client.logout()
        assert client.post(reverse("set_language"), {"language": "th"}).status_code == 302
        assert client.get(url).status_code == 200  # just wrote: pinned to the primary
        client.cookies.pop("primary")
        assert client.get(url).status_code == 404


def test_the_router_sends_writes_and_migrations_to_the_primary():
    from newsroom.routers import ReplicaRouter

    router = ReplicaRouter()
    assert router.db_for_write(Article) == "default"
    assert router.allow_migrate("default", "articles") is True
    assert router.allow_migrate("replica", "articles") is False
    country = Country.objects.using("default").first()
    assert router.db_for_read(Article, instance=country) == "default"


# --- A cache shared between app servers ---------------------------------------------------------


def _redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
        "KEY_PREFIX": "newsroom-test",
    }
}


@pytest.mark.skipif(not _redis_running(), reason="no Redis on 127.0.0.1:6379 (.ci/run starts one)")
def test_counts_cached_in_redis_stay_exact(client, catalogue, django_capture_on_commit_callbacks):
    with override_settings(CACHES=REDIS):
        cache.clear()
        _assert_exact(client)
        with CaptureQueriesContext(connections["default"]) as warm:
            before = _view(client, "articles:list", (), {"topic": "meeting"})
        with django_capture_on_commit_callbacks(execute=True):
            article = ArticleFactory(published=True)
            article.topics.add(Topic.objects.get(slug="meeting"))
        with CaptureQueriesContext(connections["default"]) as cold:
            after = _view(client, "articles:list", (), {"topic": "meeting"})
        assert len(warm) < len(cold)  # the earlier request was served from Redis
        assert after[0] == before[0] + 1
        _assert_exact(client)
        cache.clear()


# --- Sitemaps at size ---------------------------------------------------------------------


def test_sitemap_pages_by_id_blocks_hold_every_published_article_once(
    client, catalogue, monkeypatch
):
    """Together the pages list exactly the URLs Django's own sitemap would (every published
    article in every language, the same alternates), each page the articles of its id block,
    and nothing unpublished."""
    from django.contrib.sitemaps import Sitemap

    from articles.sitemaps import ArticleSitemap

    class Stock(Sitemap):  # Django's own, on one page holding everything
        i18n = alternates = True
        limit = 10**6
        items = ArticleSitemap.items

    monkeypatch.setattr(ArticleSitemap, "block", 4)
    ours, stock = ArticleSitemap(), Stock()
    site = SimpleNamespace(domain="example.org")
    last_id = Article.objects.published().order_by("-pk").first().pk
    pages = ours.paginator.num_pages
    assert pages == -(-last_id // 4)

    def entries(urls):
        return [(u["location"], [a["location"] for a in u["alternates"]]) for u in urls]

    served = []
    for page in range(1, pages + 1):
        urls = ours.get_urls(page, site)
        assert all((page - 1) * 4 < u["item"][0].pk <= page * 4 for u in urls)
        served += entries(urls)
    assert sorted(served) == sorted(entries(stock.get_urls(1, site)))
    hidden = Article.objects.exclude(pk__in=Article.objects.published().values("pk"))
    assert hidden.exists() and not any(a.slug in str(served) for a in hidden)

    index = client.get("/sitemap.xml").content.decode()
    assert f"sitemap-articles.xml?p={pages}" in index
    assert f"sitemap-articles.xml?p={pages + 1}" not in index
    assert client.get(f"/sitemap-articles.xml?p={pages}").status_code == 200
    assert client.get(f"/sitemap-articles.xml?p={pages + 1}").status_code == 404
    assert client.get("/sitemap-articles.xml?p=x").status_code == 404


def test_related_articles_are_scored_over_the_newest_articles_of_each_tag():
    meeting = Topic.objects.get(slug="meeting")
    article = ArticleFactory(published=True)
    article.topics.add(meeting)
    article.countries.add("TH")
    old = ArticleFactory(published=True)  # shares both tags, but is the oldest
    old.topics.add(meeting)
    old.countries.add("TH")
    newer = []
    for _ in range(6):  # three newer with the topic, three with the country
        other = ArticleFactory(published=True)
        other.topics.add(meeting) if len(newer) % 2 else other.countries.add("TH")
        newer.append(other)
    assert selectors.related_articles(article)[0] == old  # within the window: most shared first
    window = selectors.related_articles(article, limit=10, per_tag=3)  # 3 newest per tag only
    assert old not in window
    assert set(window) == set(newer)


def test_cached_related_articles_follow_publication(
    client, chief, django_capture_on_commit_callbacks
):
    meeting = Topic.objects.get(slug="meeting")
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(published=True)
        article.topics.add(meeting)
        draft = ArticleFactory(headline="A meeting in Vientiane", source=SourceFactory(),
                               headline_en="A meeting in Vientiane")  # fmt: skip
        draft.topics.add(meeting)
    url = article.get_absolute_url()
    assert "A meeting in Vientiane" not in client.get(url).content.decode()  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        assert services.publish_articles(articles=[draft], by=chief).changed == 1
    assert "A meeting in Vientiane" in client.get(url).content.decode()
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.unpublish_articles(articles=[draft], by=chief).changed == 1
    assert "A meeting in Vientiane" not in client.get(url).content.decode()


def test_a_missing_count_is_computed_once_while_others_wait(monkeypatch):
    """Readers arriving together after a publication wait for one computation, not one each."""
    import threading

    monkeypatch.setattr(counts.state, "generation", lambda using=None: "7.herd")  # no database

    calls, started = [], threading.Event()

    def compute():
        calls.append(1)
        started.set()
        threading.Event().wait(0.3)  # a slow count
        return {"total": 7}

    results = []

    def reader():
        results.append(counts.cached("listing", {"test": "herd"}, compute))

    first = threading.Thread(target=reader)
    first.start()
    started.wait(5)
    others = [threading.Thread(target=reader) for _ in range(4)]
    for thread in others:
        thread.start()
    for thread in [first, *others]:
        thread.join(10)
    assert results == [{"total": 7}] * 5
    assert len(calls) == 1


def test_tags_on_pages_are_the_articles_own_in_the_vocabularys_order(client):
    article = ArticleFactory(published=True)
    article.topics.add(*Topic.objects.filter(slug__in=TOPICS))
    article.countries.add(*COUNTRIES)
    article.agencies.add(*Agency.objects.filter(acronym__in=AGENCIES))
    plain = ArticleFactory(published=True)
    attached, untagged = selectors.attach_tags([article, plain], *selectors.TAGS)
    assert attached.topic_list == list(article.topics.all())
    assert attached.country_list == list(article.countries.all())
    assert attached.agency_list == list(article.agencies.all())
    assert untagged.topic_list == untagged.country_list == untagged.agency_list == []


def test_the_vocabulary_kept_per_process_outlives_publications_not_renames(
    client, django_capture_on_commit_callbacks
):
    topic = Topic.objects.get(slug="cybercrime")
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(published=True)
        article.topics.add(topic)
    url = article.get_absolute_url()
    assert topic.name_en in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(published=True)  # a publication: the vocabulary stays
    with CaptureQueriesContext(connections["default"]) as ctx:
        client.get(reverse("articles:list"))
    assert not any('FROM "articles_topic"' in q["sql"] for q in ctx.captured_queries)
    with django_capture_on_commit_callbacks(execute=True):
        topic.name_en = "Computer crime"
        topic.save()
    assert "Computer crime" in client.get(url).content.decode()
