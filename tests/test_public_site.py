import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import counts, search
from articles.models import Agency, Article, Topic

from .factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _tag(article, topics=(), countries=(), agencies=()):
    article.topics.add(*Topic.objects.filter(slug__in=topics))
    article.countries.add(*countries)
    article.agencies.add(*Agency.objects.filter(acronym__in=agencies))
    return article


@pytest.fixture
def world():
    """Published articles to find, and a draft, an in-review, an archived and a scheduled one."""
    source = SourceFactory(name="Mekong Daily", slug="mekong-daily")
    visible = {
        "drug_th_la": _tag(
            ArticleFactory(published=True, headline="ยาเสพติดชายแดนลาว", source=source,
                           published_on=datetime.date(2023, 5, 2)),
            ["drug-trafficking"], ["TH", "LA"], ["ONCB"],
        ),
        "scam_th_kh": _tag(
            ArticleFactory(published=True, headline="แก๊งคอลเซ็นเตอร์กัมพูชา",
                           published_on=datetime.date(2024, 1, 10)),
            ["online-scams"], ["TH", "KH"], ["RTP"],
        ),
        "drug_vn": _tag(
            ArticleFactory(published=True, headline="Ma túy qua biên giới", language="vi",
                           published_on=datetime.date(2022, 3, 1)),
            ["drug-trafficking", "border-management"], ["VN", "LA"], ["MPS-VN"],
        ),
    }  # fmt: skip
    hidden = {
        "draft": ArticleFactory(headline="SECRET-DRAFT"),
        "review": ArticleFactory(headline="SECRET-REVIEW", status=Article.Status.IN_REVIEW),
        "archived": ArticleFactory(
            headline="SECRET-ARCHIVED", status=Article.Status.ARCHIVED, published_at=timezone.now()
        ),
        "scheduled": ArticleFactory(
            headline="SECRET-SCHEDULED",
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() + datetime.timedelta(days=1),
        ),
    }
    for article in hidden.values():
        _tag(article, ["drug-trafficking", "online-scams"], ["TH", "LA", "KH"], ["ONCB"])
    search.index_articles()  # tests run in a transaction that never commits
    return visible, hidden


def _get(client, name, *args, query=None, lang="en"):
    from django.utils import translation

    with translation.override(lang):
        url = reverse(name, args=args)
    response = client.get(url, query or {})
    return response, response.content.decode()


def _listed(page: str) -> list[str]:
    return re.findall(r'<h3 class="card-title"><a href="[^"]+" lang="\w+">([^<]+)</a>', page)


def test_nothing_unpublished_reaches_any_public_surface(client, world):
    visible, hidden = world
    pages = [
        _get(client, "articles:list")[1],
        _get(client, "articles:list", query={"topic": "drug-trafficking"})[1],
        _get(client, "articles:topic", "drug-trafficking")[1],
        _get(client, "articles:country", "la")[1],
        _get(client, "articles:agency", "ONCB")[1],
        _get(client, "articles:cooperation")[1],
        _get(client, "articles:country-pair", "LA", "TH")[1],
        _get(client, "articles:detail", visible["drug_th_la"].slug)[1],  # related articles
        _get(client, "articles:feed-rss")[1],
        _get(client, "articles:feed-atom")[1],
        client.get("/sitemap.xml").content.decode(),
    ]
    for page in pages:
        for article in hidden.values():
            assert "SECRET" not in page
            assert article.slug not in page
    for article in hidden.values():
        assert _get(client, "articles:detail", article.slug)[0].status_code == 404


def test_counts_only_count_published_articles(client, world):
    response, page = _get(client, "articles:list")
    assert "3 articles" in page
    counts = response.context["filterset"].facet_counts()
    assert counts["topic"]["drug-trafficking"] == 2
    assert counts["country"]["LA"] == 2
    assert counts["agency"]["ONCB"] == 1
    page = _get(client, "articles:cooperation")[1]
    assert re.search(r'aria-label="Laos and TH: 1 articles">1<', page)


def test_filters_combine_and_across_or_within(client, world):
    visible, _ = world
    page = _get(client, "articles:list", query={"topic": ["drug-trafficking", "online-scams"]})[1]
    assert sorted(_listed(page)) == sorted(a.headline for a in visible.values())
    page = _get(client, "articles:list", query={"topic": "drug-trafficking", "country": "TH"})[1]
    assert _listed(page) == ["ยาเสพติดชายแดนลาว"]
    page = _get(client, "articles:list", query={"language": "vi"})[1]
    assert _listed(page) == ["Ma túy qua biên giới"]
    page = _get(client, "articles:list", query={"source": "mekong-daily"})[1]
    assert _listed(page) == ["ยาเสพติดชายแดนลาว"]
    page = _get(
        client, "articles:list", query={"date_from": "2023-01-01", "date_to": "2023-12-31"}
    )[1]
    assert _listed(page) == ["ยาเสพติดชายแดนลาว"]
    page = _get(client, "articles:list", query={"q": "biên giới"})[1]
    assert _listed(page) == ["Ma túy qua biên giới"]


def test_facet_counts_apply_the_other_facets(client, world):
    response, _ = _get(client, "articles:list", query={"country": "TH", "topic": "online-scams"})
    counts = response.context["filterset"].facet_counts()
    # Topic counts ignore the topic filter but keep country=TH.
    assert counts["topic"] == {"drug-trafficking": 1, "online-scams": 1}
    # Country counts ignore the country filter but keep topic=online-scams.
    assert counts["country"] == {"TH": 1, "KH": 1}


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"topic": "drug-trafficking"},
        {"source": "mekong-daily"},
        {"language": "th"},
        {"source": "mekong-daily", "language": "th"},
        {"source": ""},
    ],
)
def test_outlet_language_and_total_counts_equal_counting_each(client, world, query):
    """They come from one GROUP BY outlet, language pass when not filtered on: the same
    numbers as counting each facet under the other filters, and as the listing's total."""
    response, _ = _get(client, "articles:list", query=query)
    filterset = response.context["filterset"]
    counts = filterset.facet_counts(total=True)
    for facet, key in (("source", "source__slug"), ("language", "language")):
        rows = filterset.without(facet).qs.order_by().exclude(**{f"{key}__isnull": True})
        expected = dict(rows.values_list(key).annotate(n=Count("pk")))
        assert counts[facet] == expected, facet
    if "total" in counts:
        assert counts["total"] == filterset.qs.count()


def test_newest_first_and_oldest_first(client, world):
    assert _listed(_get(client, "articles:list")[1])[0] == "แก๊งคอลเซ็นเตอร์กัมพูชา"
    assert _listed(_get(client, "articles:list", query={"sort": "oldest"})[1])[0] == (
        "Ma túy qua biên giới"
    )


def test_a_query_ranks_headline_matches_first(client, world):
    visible, _ = world
    visible["scam_th_kh"].body = "ข่าวนี้กล่าวถึงชายแดนลาวด้วย"
    visible["scam_th_kh"].save()
    search.index_articles([visible["scam_th_kh"].pk])
    page = _get(client, "articles:list", query={"q": "ชายแดนลาว"})[1]
    # The newer article only mentions it in the body; the headline match ranks first.
    assert _listed(page) == ["ยาเสพติดชายแดนลาว", "แก๊งคอลเซ็นเตอร์กัมพูชา"]
    page = _get(client, "articles:list", query={"q": "ชายแดนลาว", "sort": "newest"})[1]
    assert _listed(page) == ["แก๊งคอลเซ็นเตอร์กัมพูชา", "ยาเสพติดชายแดนลาว"]


def test_pagination_keeps_the_filters(client, world, monkeypatch):
    from articles.views import ListingMixin

    monkeypatch.setattr(ListingMixin, "paginate_by", 1)
    page = _get(client, "articles:list", query={"topic": "drug-trafficking"})[1]
    assert 'href="?topic=drug-trafficking&amp;page=2"' in page


def test_listing_query_count_is_constant(client, world):
    def queries(**query):
        cache.clear()  # counts computed, not read from the cache
        with CaptureQueriesContext(connection) as ctx:
            assert _get(client, "articles:list", query=query)[0].status_code == 200
        return len(ctx.captured_queries)

    counts.bump()  # the world's articles committed, as a test transaction never is
    counts.forget_here()
    building = queries()  # the vocabulary and the facet index read from scratch
    baseline = queries()  # after a publication: the index is current, counts come from it
    for _ in range(25):
        _tag(ArticleFactory(published=True), ["meeting", "agreement"], ["TH", "VN"], ["RTP"])
    search.index_articles()
    counts.bump()  # as the commit would
    queries()  # the index re-reads the 25 articles
    assert queries() == baseline
    counts.forget_here()
    assert queries() == building
    # A search counts from the index too, among its matches: besides what a listing asks, the
    # date its newest documents start from (read once a while) and its capped total, then the
    # newest of its matches (search.newest_ids: counted, then read) — one set for every facet.
    # Its page counts the headline matches before reading them (search.Ranked). On PostgreSQL
    # the counts and the page each run with their plan settings (search.search_plans:
    # savepoint, set, release).
    searching = queries(topic="meeting", country=["TH", "VN"], agency="RTP", q="ประชุม")
    plan_settings = 2 * 3 if connection.vendor == "postgresql" else 0
    assert searching == baseline + 2 + 2 + 1 + plan_settings
    again = queries(topic="meeting", country=["TH", "VN"], agency="RTP", q="ประชุม")
    assert again == searching - 1  # the bound is held


def test_cached_counts_spare_the_count_queries(client, world):
    """A second request for the same listing is served from the cache: only the catalogue
    generation is read, to know the cached page still holds."""

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            response, page = _get(client, "articles:list", query={"topic": "drug-trafficking"})
        assert response.status_code == 200
        assert "ยาเสพติดชายแดนลาว" in page
        return [query["sql"] for query in ctx.captured_queries]

    cold, warm = queries(), queries()
    # The counts come off the facet index (articles.counts.facet_index), not COUNT queries.
    assert len(cold) > 1 and not any("COUNT(" in sql for sql in cold)
    assert len(warm) == 1 and "generation" in warm[0]  # the page itself comes from the cache


def test_article_page(client, world):
    article = world[0]["drug_th_la"]
    article.headline_en = "Drugs on the Lao border"
    article.summary_en = "Officers met."
    article.url = "https://mekong.example/1"
    article.event_start = datetime.date(2023, 4, 30)
    article.save()
    _, page = _get(client, "articles:detail", article.slug)
    assert '<h1 lang="th">ยาเสพติดชายแดนลาว</h1>' in page
    assert "Drugs on the Lao border" in page
    assert 'href="https://mekong.example/1"' in page
    assert 'href="/en/?country=LA"' in page
    assert "/en/topics/drug-trafficking/" in page
    assert "mailto:" in page
    assert "Ma túy qua biên giới" in page  # related: shares a topic and Laos
    _, thai = _get(client, "articles:detail", article.slug, lang="th")
    assert "2 พฤษภาคม 2566" in thai  # Buddhist-era year for Thai readers
    _, vietnamese = _get(client, "articles:detail", article.slug, lang="vi")
    assert "2023" in vietnamese


def test_ui_in_three_languages_with_lang_and_alternates(client, world):
    for lang, phrase in (("en", "Filter articles"), ("th", "กรองบทความ"), ("vi", "Lọc bài viết")):
        _, page = _get(client, "articles:list", lang=lang)
        assert f'<html lang="{lang}">' in page
        assert phrase in page
        for other in ("en", "th", "vi"):
            assert f'hreflang="{other}" href="http://testserver/{other}/"' in page
    assert client.get("/").status_code == 302


def test_every_page_has_title_description_canonical_and_open_graph(client, world):
    article = world[0]["drug_vn"]
    for name, args in [
        ("articles:list", ()),
        ("articles:detail", (article.slug,)),
        ("articles:topic", ("drug-trafficking",)),
        ("articles:cooperation", ()),
    ]:
        _, page = _get(client, name, *args)
        assert re.search(r"<title>[^<]{5,}</title>", page)
        assert '<meta name="description" content="' in page
        assert '<link rel="canonical" href="http://testserver/' in page
        assert '<meta property="og:title"' in page
        assert 'type="application/rss+xml"' in page


def test_no_inline_scripts_or_styles(client, world):
    article = world[0]["drug_vn"]
    for name, args in [("articles:list", ()), ("articles:detail", (article.slug,)),
                       ("articles:cooperation", ())]:  # fmt: skip
        _, page = _get(client, name, *args)
        assert "<script" not in page
        assert "style=" not in page and "<style" not in page


def test_user_text_is_escaped(client, world):
    article = world[0]["drug_vn"]
    article.headline = '<script>alert("x")</script>'
    article.body = '<img src=x onerror="alert(1)">'
    article.save()
    for page in (_get(client, "articles:list")[1], _get(client, "articles:detail", article.slug)[1],
                 _get(client, "articles:feed-rss")[1]):  # fmt: skip
        assert "<script>alert" not in page
        assert "<img src=x" not in page


def test_feeds_follow_the_query_string(client, world):
    response, page = _get(client, "articles:feed-rss", query={"country": "KH"})
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(page).findall("./channel/item")
    assert [i.findtext("title") for i in items] == [
        "แก๊งคอลเซ็นเตอร์กัมพูชา — Thai police attend meeting 1"
    ] or (len(items) == 1 and items[0].findtext("title").startswith("แก๊งคอลเซ็นเตอร์กัมพูชา"))
    _, atom = _get(client, "articles:feed-atom", query={"topic": "drug-trafficking"})
    entries = ET.fromstring(atom).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 2
    _, topic_page = _get(client, "articles:topic", "drug-trafficking")
    assert "/en/feeds/rss/?topic=drug-trafficking" in topic_page


def test_sitemap_lists_published_pages_and_becomes_an_index(client, world, monkeypatch):
    from articles.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "block", 10**9)  # every id in the first page
    page = client.get("/sitemap.xml").content.decode()
    assert world[0]["drug_vn"].slug in page
    assert "<sitemapindex" not in page

    monkeypatch.setattr(ArticleSitemap, "block", 2)
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    assert "sitemap-articles.xml?p=2" in index


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_health_check_answers_without_the_database(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert len(ctx.captured_queries) == 0  # a load balancer's probe costs nothing
    assert response["X-Content-Type-Options"] == "nosniff"


def test_friendly_404_in_three_languages(client):
    for lang, phrase in (
        ("en", "We could not find"),
        ("th", "เราไม่พบหน้า"),
        ("vi", "không tìm thấy"),
    ):
        response = client.get(f"/{lang}/articles/no-such-article/")
        assert response.status_code == 404
        assert phrase in response.content.decode()


def test_friendly_500_without_a_stack_trace(client, monkeypatch):
    from articles import views

    def boom(*args, **kwargs):
        raise RuntimeError("database exploded")

    monkeypatch.setattr(views.CooperationView, "get_context_data", boom)
    client.raise_request_exception = False
    response = client.get("/th/cooperation/")
    assert response.status_code == 500
    text = response.content.decode()
    assert "เกิดข้อผิดพลาดที่ระบบของเรา" in text
    assert "database exploded" not in text and "Traceback" not in text


def test_topic_country_agency_source_pages_describe_themselves(client, world):
    assert (
        "Production, smuggling and trade" in _get(client, "articles:topic", "drug-trafficking")[1]
    )
    assert "Laos" in _get(client, "articles:country", "la")[1]
    assert "Office of the Narcotics Control Board" in _get(client, "articles:agency", "ONCB")[1]
    assert "Mekong Daily" in _get(client, "articles:source", "mekong-daily")[1]
    assert _get(client, "articles:topic", "no-such-topic")[0].status_code == 404


def test_pages_parse_as_html_without_errors_and_request_nothing_external(client, world):
    import html5lib

    article = world[0]["drug_th_la"]
    article.url = "https://mekong.example/story"
    article.save()
    pages = [
        ("articles:list", (), {"topic": "drug-trafficking", "q": "ยา"}),
        ("articles:detail", (article.slug,), {}),
        ("articles:topic", ("drug-trafficking",), {}),
        ("articles:cooperation", (), {}),
        ("articles:country-pair", ("LA", "TH"), {}),
    ]
    for name, args, query in pages:
        for lang in ("en", "th"):
            _, page = _get(client, name, *args, query=query, lang=lang)
            parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
            parser.parse(page)  # raises on any parse error
            # Resources (stylesheets, fonts, images, scripts) come from this site only.
            assert not re.search(
                r'<(?:link rel="stylesheet"|script|img|iframe)[^>]+(?:src|href)="https?:', page
            )
            assert "fonts.googleapis" not in page


def test_cards_outlive_publications_but_follow_every_change_they_show(client, world, monkeypatch):
    """Listing cards are cached apart from the page (articles.views.attach_cards): a new
    generation re-renders the page, not its unchanged cards; an edit of the article, its tags,
    an outlet's name or the language shows at once."""
    from articles import views

    article = world[0]["drug_th_la"]
    rendered = []
    real = views.render_to_string

    def counting(template, context=None, *args, **kwargs):
        if template == views.CARD:
            rendered.append(context["article"].pk)
        return real(template, context, *args, **kwargs)

    monkeypatch.setattr(views, "render_to_string", counting)

    def listing(lang="en"):
        rendered.clear()
        counts.bump()  # as a publication does: the page is computed afresh
        return _get(client, "articles:list", lang=lang)[1]

    first = listing()
    assert article.pk in rendered
    again = listing()
    assert rendered == [] and again == first  # every card from the cache

    article.headline = "ยาเสพติดชายแดนลาว (แก้ไข)"
    article.save()
    assert "ยาเสพติดชายแดนลาว (แก้ไข)" in listing() and rendered == [article.pk]
    article.countries.add("MM")
    page = listing()
    assert rendered == [article.pk] and "/countries/mm/" in page
    article.source.name = "Mekong Daily Online"
    article.source.save()
    assert "Mekong Daily Online" in listing()
    assert article.pk in rendered
    listing(lang="th")
    assert article.pk in rendered  # another language, another card


def test_a_country_pair_page_lists_counts_and_searches_only_its_pair(client, world):
    """Both countries on every article; the heading and the facets count the same articles."""
    both = _tag(
        ArticleFactory(published=True, headline="Police of Laos and Thailand patrol the Mekong"),
        ["border-management"], ["TH", "LA"], [],
    )  # fmt: skip
    _tag(ArticleFactory(published=True, headline="Police of Thailand alone"), [], ["TH"], [])
    search.index_articles()
    listed = [
        a
        for a in Article.objects.published()
        if {"TH", "LA"} <= set(a.countries.values_list("code", flat=True))
    ]
    response, page = _get(client, "articles:country-pair", "LA", "TH")
    assert response.status_code == 200
    assert len(_listed(page)) == len(listed) == response.context["total"]
    countries = next(f for f in response.context["facets"] if f["name"] == "country")
    counts = {o["key"]: o["count"] for o in countries["options"] + countries["more"]}
    assert counts["TH"] == counts["LA"] == len(listed)
    response, page = _get(client, "articles:country-pair", "LA", "TH", query={"q": "police"})
    assert response.status_code == 200
    found = _listed(page)
    assert both.headline in found
    assert set(found) <= {a.headline for a in listed}
    assert "Police of Thailand alone" not in found
    assert response.context["total"] == len(found)


def test_a_feed_item_carries_the_report_own_date(client, world):
    _, page = _get(client, "articles:feed-rss", query={"country": "KH"})
    item = ET.fromstring(page).find("./channel/item")
    assert item.findtext("pubDate").startswith("Wed, 10 Jan 2024")  # published_on, not today
