"""Search: the shared relevance set (run on SQLite and PostgreSQL alike), the index kept in step
with every kind of write, hostile input, and the places that use the one search API."""

import datetime
import io
import json
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import search
from articles.models import Article, SearchDocument, Source, Topic

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

RELEVANCE = json.loads((Path(__file__).parent / "search_relevance.json").read_text("utf-8"))
PUBLISHED_AT = datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC)


@pytest.fixture
def corpus(db):
    articles = {}
    for entry in RELEVANCE["articles"]:
        fields = {k: v for k, v in entry.items() if k not in ("draft", "published_on")}
        draft = entry.get("draft", False)
        articles[entry["slug"]] = Article.objects.create(
            **fields,
            published_on=datetime.date.fromisoformat(entry["published_on"]),
            status=Article.Status.DRAFT if draft else Article.Status.PUBLISHED,
            published_at=None if draft else PUBLISHED_AT,
        )
    search.index_articles()
    return articles


@pytest.mark.parametrize("case", RELEVANCE["cases"], ids=lambda c: c["about"])
def test_relevance_set(corpus, case):
    found = [a.slug for a in search.search(case["query"])]
    assert sorted(found) == sorted(case["expected"]), case["query"]
    assert len(found) == len(set(found))
    if "first" in case:
        assert found[0] == case["first"]


@pytest.mark.parametrize("case", RELEVANCE["cases"], ids=lambda c: c["about"])
def test_counting_on_the_search_table_equals_counting_articles(corpus, case):
    """count_matches (the listing's count of a search with no other filter) gives what
    counting the Article queryset gives, for the matches and for the headline matches."""
    query = search.parse(case["query"])
    if query is None:
        return
    matches = search.filter_articles(search.searchable(), query)
    assert search.count_matches(query) == search.capped_count(matches)
    assert search.count_matches(query, cap=0) == min(1, search.capped_count(matches))


def test_drafts_are_indexed_but_only_published_are_searched(corpus):
    assert search.search("zebra").count() == 0
    everything = search.search("zebra", Article.objects.all())
    assert [a.slug for a in everything] == ["draft-secret"]


def test_ranking_is_headline_then_newest(corpus):
    ranked = [(a.slug, a.search_rank) for a in search.search("police")]
    # th-cyber (headline_en) and en-rescue (headline) first, newest first; then body matches.
    assert ranked == [("th-cyber", 1), ("en-rescue", 1), ("en-aseanapol", 0)]


def _cap(monkeypatch, cap):
    """Count `cap` matches at most: where the search counts, and where pages say so."""
    monkeypatch.setattr(search.reading, "COUNT_CAP", cap)


@pytest.fixture
def pieces_of(monkeypatch):
    """Cut the catalogue into pieces after its `recent` newest documents (None: one piece),
    and count `cap` matches at most, so a tiny corpus takes every plan a large one takes."""

    def cut(recent, cap):
        _cap(monkeypatch, cap)
        everything = recent if recent is not None else 10**9
        monkeypatch.setattr(search.reading, "RECENT_DOCUMENTS", everything)
        search.reading.recent_bounds.clear()

    yield cut
    search.reading.recent_bounds.clear()


def _undate(corpus, *slugs):
    """Take the date off these articles' search documents. The model refuses undated published
    articles, a database need not: they rank where each sorts NULL, first on PostgreSQL, last
    on SQLite."""
    SearchDocument.objects.filter(article__in=[corpus[slug] for slug in slugs]).update(date=None)


PLANS = [(None, 1000), (1, 0), (2, 1), (3, 2), (5, 0)]  # (recent documents, count cap)
QUERIES = ["police", "ma tuy", "UNODC", "ตำรวจ", "Laos OR Cambodia", "police -ASEANAPOL",
           "police OR ตำรวจ OR ma OR UNODC OR ยาเสพติด OR drugs OR lừa OR scam"]  # fmt: skip


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_a_piece_with_more_matches_than_the_page_is_walked_down_the_date_index(corpus, pieces_of):
    """SQLite: where a piece holds more matches than the page needs, its rows are read walking
    the date index (the match written `+id IN …`, which the planner cannot look up by id)
    and not by looking up every match and sorting them; few matches are looked up."""
    query = search.parse("police")
    expected = list(search.search(query))
    for cap, walked in ((0, True), (1000, False)):
        pieces_of(None, cap)
        ranked = search.Ranked(search.searchable(), query, total=lambda: 2000)
        with CaptureQueriesContext(connection) as queries:
            assert ranked[:1] == expected[:1]
        pages = [q["sql"] for q in queries.captured_queries if q["sql"].endswith(" LIMIT 1")]
        assert pages and any('+"articles_article"."id" IN' in sql for sql in pages) == walked


@pytest.mark.parametrize("recent,cap", PLANS)
def test_pages_read_in_two_parts_keep_the_ranked_order(corpus, pieces_of, recent, cap):
    """The listing reads a page from the headline matches, then the others (search.Ranked),
    each newest documents first: every slice, across the boundary between the two parts and
    between the pieces, is the slice of the one ranked query — whether the matches are few
    (read whole) or many (by piece, walked or collected and sorted)."""
    pieces_of(recent, cap)
    # Undated documents: ranked where each database sorts NULL (see _undate).
    _undate(corpus, "en-aseanapol", "th-drugs", "vi-fraud")
    for text in QUERIES:
        query = search.parse(text)
        expected = list(search.search(query))
        ranked = search.Ranked(search.searchable(), query, total=lambda: len(expected))  # noqa: B023
        assert len(ranked) == len(expected)
        for start in range(len(expected) + 1):
            for stop in range(start + 1, len(expected) + 2):
                assert ranked[start:stop] == expected[start:stop], (text, start, stop)


@pytest.mark.parametrize("recent,cap", PLANS)
def test_counting_newest_first_counts_what_counting_all_counts(corpus, pieces_of, recent, cap):
    _undate(corpus, "en-aseanapol", "th-drugs", "vi-fraud")
    for case in RELEVANCE["cases"]:
        query = search.parse(case["query"])
        if query is None:
            continue
        matches = search.filter_articles(search.searchable(), query)
        assert search.count_matches(query) == search.capped_count(matches), case["query"]
        assert search.count_newest_first(matches) == search.capped_count(matches)


def test_pieces_follow_one_another_in_the_ranked_order(corpus, pieces_of):
    pieces_of(3, 0)
    bound = search.recent_bound()
    assert bound is not None
    _undate(corpus, "en-aseanapol")
    newest = search.searchable().order_by("-search__date", "-search__article_id")
    cut = search.pieces(newest, bound)
    assert [a for piece in cut for a in piece] == list(newest)
    assert all(piece.exists() for piece in cut)  # the cut falls inside the catalogue


def test_the_listing_pages_search_results_in_ranked_order(client, corpus, monkeypatch):
    from articles import views

    monkeypatch.setattr(views.ListingMixin, "paginate_by", 1)
    expected = [a.slug for a in search.search("police")]
    shown = []
    for page in range(1, len(expected) + 1):
        response = client.get(reverse("articles:list"), {"q": "police", "page": page})
        shown += [a.slug for a in response.context["articles"]]
    assert shown == expected and len(expected) == 3


# --- analysis ------------------------------------------------------------------------------


def test_fold_removes_vietnamese_diacritics_only():
    assert search.fold("đường dây ma túy") == "duong day ma tuy"
    assert search.fold("ĐÀ NẴNG") == "DA NANG"


def test_thai_tokens_keep_marks_and_add_syllables():
    tokens = list(search.tokens("อาชญากรรมคอมพิวเตอร์"))
    assert all(t.thai for t in tokens)
    syllables = [s for t in tokens for s in t.forms]
    assert "".join(syllables) == "อาชญากรรมคอมพิวเตอร์"  # nothing dropped, marks included
    assert syllables[-3:] == ["คอม", "พิว", "เตอร์"]


def test_text_is_nfc_normalised():
    decomposed = "tu\u0301y"  # u + combining acute
    assert [t.word for t in search.tokens(decomposed)] == ["túy"]


def test_documents_separate_fields_so_no_phrase_spans_two():
    article = ArticleFactory(headline="human", headline_en="trafficking", body="")
    search.index_articles([article.pk])
    assert not search.search('"human trafficking"', Article.objects.all()).exists()
    assert search.search("human trafficking", Article.objects.all()).exists()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_input_runs_on_the_database(corpus, text):
    """Whatever a reader types, parsing and running the query never errors."""
    list(search.search(text)[:5])


def test_ten_kilobytes_of_text_is_cut_not_refused(corpus):
    query = "police " + "x" * 10_000  # the run of x is cut, then too long to be a word
    assert list(search.search(query)) == list(search.search("police"))
    assert list(search.search("police " + "mekong " * 2000)) == []
    assert len(search.parse(" ".join(f"w{i}" for i in range(2000))).clauses) == search.MAX_CLAUSES


def test_a_word_typed_again_asks_nothing_more(corpus):
    """Repeats are dropped, so they cost no extra condition and do not use up MAX_CLAUSES."""
    assert search.parse("police " * 70) == search.parse("police")  # (490 characters)
    assert search.parse("mekong police mekong -heroin -heroin") == search.parse(
        "mekong police -heroin"
    )
    assert search.parse("laos OR laos OR cambodia") == search.parse("laos OR cambodia")
    # The same word negated is another condition, not a repeat.
    assert len(search.parse("police -police").clauses) == 2
    assert list(search.search("police " * 40)) == list(search.search("police"))


# --- keeping the index in step -------------------------------------------------------------


def test_saving_indexes_once_on_commit(django_capture_on_commit_callbacks, monkeypatch):
    indexed = []
    index_articles = search.index_articles
    monkeypatch.setattr(
        search.index,
        "index_articles",
        lambda ids, **kw: indexed.append(set(ids)) or index_articles(ids, **kw),
    )
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(published=True, headline="Mekong patrol")
        article.countries.add("TH", "LA")
        article.topics.add(*Topic.objects.filter(slug="drug-trafficking"))
    assert indexed == [{article.pk}]  # one re-index for the save and the tag changes
    assert search.search("Mekong").get() == article
    assert search.search("ma túy").get() == article  # the topic's Vietnamese name
    assert search.search("ลาว").get() == article  # country names are searchable in Thai
    with django_capture_on_commit_callbacks(execute=True):
        article.headline = "Andaman patrol"
        article.save()
    assert not search.search("Mekong").exists()
    assert search.search("Andaman").get() == article


def test_removing_tags_reindexes(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(published=True, headline="patrol")
        article.countries.add("KH")
    assert search.search("Cambodia").exists()
    with django_capture_on_commit_callbacks(execute=True):
        article.countries.clear()
    assert not search.search("Cambodia").exists()


def test_renaming_a_source_reindexes_its_articles(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        source = Source.objects.create(name="Mekong Daily", slug="mekong-daily")
        article = ArticleFactory(published=True, source=source)
    assert search.search("Mekong Daily").get() == article
    with django_capture_on_commit_callbacks(execute=True):
        source.name = "Andaman Times"
        source.save()
    assert search.search("Andaman Times").get() == article
    assert not search.search("Mekong Daily").exists()


def test_deleting_an_article_removes_its_document(corpus):
    corpus["en-rescue"].delete()
    assert not SearchDocument.objects.filter(article_id=corpus["en-rescue"].pk).exists()
    assert "en-rescue" not in [a.slug for a in search.search("police")]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM {search.FTS_TABLE} WHERE {search.FTS_TABLE} MATCH 'rescue'"
            )
            assert cursor.fetchone() == (0,)


def test_unpublishing_hides_from_search_at_once(corpus):
    Article.objects.filter(slug="en-unodc").update(status=Article.Status.DRAFT)
    assert "en-unodc" not in [a.slug for a in search.search("UNODC")]


def test_reindex_command_rebuilds_everything_and_missing(corpus, capsys):
    SearchDocument.objects.all().delete()
    assert not search.search("UNODC").exists()
    call_command("reindex", "--missing")
    assert SearchDocument.objects.count() == len(RELEVANCE["articles"])
    assert {a.slug for a in search.search("UNODC")} == {"th-drugs", "en-unodc"}
    call_command("reindex")
    assert "Indexed 9 articles" in capsys.readouterr().out


def test_reindexing_one_article_is_a_constant_number_of_queries(corpus):
    with CaptureQueriesContext(connection) as one:
        search.index_articles([corpus["th-cyber"].pk])
    with CaptureQueriesContext(connection) as many:
        search.index_articles([a.pk for a in corpus.values()])
    assert len(one) == len(many) <= 6


def _documents():
    return {d.article_id: (d.head, d.document, d.visible_from, d.date)
            for d in SearchDocument.objects.all()}  # fmt: skip


def test_worker_processes_write_the_same_documents_as_one_process(corpus, monkeypatch):
    """A big run analyses in worker processes and takes the bulk path (PostgreSQL: long
    pending lists, merged at the end); what it writes is what one process writes."""
    search.index_articles(workers=0)
    alone = _documents()
    SearchDocument.objects.all().delete()
    monkeypatch.setattr(search.index, "PARALLEL_FROM", 1)
    assert search.index_articles(workers=2, batch_size=3) == len(corpus)
    assert _documents() == alone
    assert [a.slug for a in search.search("heroin")] == []
    assert "en-unodc" in [a.slug for a in search.search("methamphetamine")]


def test_reindexing_rewrites_what_changed_and_leaves_the_rest(corpus):
    ids = [a.pk for a in corpus.values()]
    search.index_articles(ids)
    article = corpus["en-unodc"]
    Article.objects.filter(pk=article.pk).update(body=article.body + " heroin")
    assert _rows_written(lambda: search.index_articles(ids)) >= 1
    assert [a.slug for a in search.search("heroin")] == ["en-unodc"]
    assert _rows_written(lambda: search.index_articles(ids)) == 0


def _rows_written(run) -> int:
    """Rows `run` wrote (SQLite: with those its triggers wrote; PostgreSQL: documents that
    got a new row version)."""
    if connection.vendor == "sqlite":
        changes = connection.connection.total_changes
        run()
        return connection.connection.total_changes - changes
    with connection.cursor() as cursor:
        cursor.execute("SELECT article_id, ctid::text FROM articles_searchdocument")
        before = dict(cursor.fetchall())
        run()
        cursor.execute("SELECT article_id, ctid::text FROM articles_searchdocument")
        return sum(1 for pk, ctid in cursor.fetchall() if before.get(pk) != ctid)


def test_catalogue_import_indexes_what_it_wrote(corpus):
    from articles.spreadsheets import import_articles, write_csv

    buffer = io.BytesIO()
    write_csv(Article.objects.filter(slug="en-unodc"), buffer)
    text = buffer.getvalue().decode("utf-8-sig").replace("methamphetamine", "heroin")
    report = import_articles(io.BytesIO(text.encode()), name="unodc.csv")
    assert report.applied and report.updated == 1 and report.indexed == 1
    assert [a.slug for a in search.search("heroin")] == ["en-unodc"]
    assert not search.search("methamphetamine").exists()


def _catalogue_rows(count: int, **changes) -> bytes:
    from .factories import catalogue_csv

    rows = [{"slug": f"mekong-{n}", "headline": f"Mekong patrol number {n} meets", "language": "en",
             "status": "draft", "body": f"Patrol {n} seized methamphetamine on the Mekong."}
            for n in range(count)]  # fmt: skip
    rows[-1].update(changes)
    return catalogue_csv(rows)


def test_a_catalogue_import_commits_its_documents_with_its_rows(db, monkeypatch):
    """Written chunk by chunk and analysed by a worker while the next chunk is written: what the
    import commits is every row searchable, the same documents that indexing after it writes."""
    from articles.spreadsheets import import_articles, importing

    monkeypatch.setattr(importing, "CHUNK", 3)
    monkeypatch.setattr(importing, "INDEX_CHUNK", 2)
    monkeypatch.setattr(search.index, "PARALLEL_FROM", 4)
    calls = []
    report = import_articles(io.BytesIO(_catalogue_rows(10)), name="patrols.csv",
                             index_progress=calls.append)  # fmt: skip
    assert report.applied and report.created == 10 and report.indexed == 10
    assert sum(calls) == 10
    streamed = _documents()
    SearchDocument.objects.all().delete()
    search.index_articles(workers=0)
    assert _documents() == streamed and len(streamed) == 10
    assert search.search("methamphetamine", Article.objects.all()).count() == 10


def test_a_refused_catalogue_import_leaves_no_documents(db, monkeypatch):
    from articles.spreadsheets import import_articles, importing

    monkeypatch.setattr(importing, "CHUNK", 3)
    monkeypatch.setattr(importing, "INDEX_CHUNK", 2)
    monkeypatch.setattr(search.index, "PARALLEL_FROM", 1)
    report = import_articles(io.BytesIO(_catalogue_rows(10, topics="no-such-topic")),
                             name="patrols.csv")  # fmt: skip
    assert report.errors and not report.applied and report.indexed == 0
    assert not Article.objects.exists() and not SearchDocument.objects.exists()


# --- the places that use it ----------------------------------------------------------------


def test_listing_search_shows_highlighted_escaped_snippets(client, corpus):
    Article.objects.filter(slug="en-unodc").update(
        body="<script>alert(1)</script> drug trafficking networks in the Mekong"
    )
    search.index_articles()
    page = client.get(reverse("articles:list"), {"q": "Mekong"}).content.decode()
    assert "<mark>Mekong</mark>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    thai = client.get(reverse("articles:list"), {"q": "คอมพิวเตอร์"}).content.decode()
    assert "อาชญากรรม<mark>คอมพิวเตอร์</mark>" in thai
    folded = client.get(reverse("articles:list"), {"q": "ma tuy"}).content.decode()
    assert "<mark>ma túy</mark>" in folded


@pytest.mark.parametrize(
    "query", [c["query"] for c in RELEVANCE["cases"] if "hostile" in c["about"]]
)
def test_listing_and_feeds_survive_hostile_queries(client, corpus, query):
    for name in ("articles:list", "articles:feed-rss", "articles:feed-atom"):
        assert client.get(reverse(name), {"q": query}).status_code == 200


def test_listing_query_count_does_not_grow_with_results(client, corpus):
    # The vocabulary and the date the newest documents start from are held from here on.
    client.get(reverse("articles:list"), {"q": "zebra"})
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("articles:list"), {"q": "UNODC"})
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("articles:list"), {"q": "police"})
    assert len(few) == len(more)


def test_feed_of_a_search(client, corpus):
    feed = client.get(reverse("articles:feed-rss"), {"q": "ma tuy"}).content.decode()
    assert "Bắt giữ đường dây ma túy" in feed
    assert "Cảnh báo lừa đảo" not in feed


@pytest.mark.parametrize("recent,cap", PLANS)
def test_a_search_feed_is_in_relevance_order(client, corpus, pieces_of, recent, cap):
    """The feed reads its items as the listing reads a page (search.Ranked), in rank order."""
    pieces_of(recent, cap)
    text = QUERIES[-1]
    with CaptureQueriesContext(connection) as ctx:
        feed = client.get(reverse("articles:feed-atom"), {"q": text}).content.decode()
    # Not by sorting every match on its rank (a million of them for a common word).
    ranking = re.compile(r"AS \"search_rank\".*ORDER BY", re.S)
    assert not [q for q in ctx.captured_queries if ranking.search(q["sql"])]
    titles = re.findall(r"<title>(.*?)</title>", feed)[1:]  # (the first is the feed's)
    expected = [a.headline.split(" — ")[0] for a in search.search(text)]
    assert len(expected) > 5
    assert [t.split(" — ")[0] for t in titles] == expected


def test_admin_search_box_uses_the_index_for_every_status(admin_client, corpus):
    url = reverse("admin:articles_article_changelist")
    page = admin_client.get(url, {"q": "คอมพิวเตอร์"}).content.decode()
    assert "th-cyber" in page or "ตำรวจไซเบอร์" in page
    assert "ร่าง ASEANAPOL" in page  # the draft, which editors must find
    with CaptureQueriesContext(connection) as ctx:
        by_slug = admin_client.get(url, {"q": "en-rescue"}).content.decode()
    assert "Border police rescue" in by_slug
    # Matches and the exact slug as one set of ids: an OR beside the subquery makes
    # PostgreSQL test every article in the catalogue against it.
    assert not [
        q for q in ctx.captured_queries if re.search(r'OR "articles_article"\."slug"', q["sql"])
    ]
    assert admin_client.get(url, {"q": "&|!():*"}).status_code == 200


@pytest.mark.parametrize("listed", [0, 10_000])
def test_admin_search_lists_or_joins_its_matches_alike(admin_client, corpus, monkeypatch, listed):
    """Up to ADMIN_LISTED_MATCHES the admin's search lists the matches' ids, past them it joins
    them as a subquery: the same articles either way, with the exact slug too."""
    from articles import admin

    monkeypatch.setattr(admin, "ADMIN_LISTED_MATCHES", listed)
    # Found by its slug alone, beside the articles the word finds.
    ArticleFactory(slug="police", headline="Ransomware gang", headline_en="", body="Nothing.")
    search.index_articles()
    url = reverse("admin:articles_article_changelist")
    for text in ["police", "ตำรวจ", "ASEANAPOL", "zebra", "en-rescue", QUERIES[-1]]:
        shown = admin_client.get(url, {"q": text}).context["cl"].result_list
        query = search.parse(text)
        expected = {a.pk for a in search.filter_articles(Article.objects.all(), query)}
        expected |= set(Article.objects.filter(slug=text).values_list("pk", flat=True))
        assert {a.pk for a in shown} == expected, text


# --- the database's locale -----------------------------------------------------------------


@pytest.mark.parametrize("ctype", ["C", "POSIX", "c"])
def test_c_locale_is_refused_clearly(ctype):
    with pytest.raises(ImproperlyConfigured, match="LC_CTYPE"):
        search.ensure_usable_ctype("newsroom", ctype)


@pytest.mark.parametrize("ctype", ["C.UTF-8", "en_US.UTF-8", "th_TH.UTF-8"])
def test_utf8_locales_are_accepted(ctype):
    search.ensure_usable_ctype("newsroom", ctype)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_the_check_runs_against_the_real_server():
    search.checks.checked.clear()
    search.check_lc_ctype(connection=connection)  # the CI database is UTF-8: no error
    assert (connection.alias, connection.settings_dict["NAME"]) in search.checks.checked


def test_counts_stop_at_the_cap_and_say_more_than(client, corpus, monkeypatch):
    _cap(monkeypatch, 2)
    results = search.search("police")
    assert results.count() == 3 and search.capped_count(results) == 3  # cap + 1: "more"
    page = client.get(reverse("articles:list"), {"q": "police"}).content.decode()
    assert "More than 2 articles" in page
    assert len(re.findall(r'class="card-title"', page)) == 2
    assert "2 articles" in client.get(reverse("articles:list"), {"q": "UNODC"}).content.decode()
    # Pages go as far as the count, the last one saying how to find the rest.
    from articles import views

    monkeypatch.setattr(views.ListingMixin, "paginate_by", 1)
    last = client.get(reverse("articles:list"), {"q": "police", "page": 2}).content.decode()
    assert len(re.findall(r'class="card-title"', last)) == 1
    assert "Only the first 2 results can be paged through" in last
    assert client.get(reverse("articles:list"), {"q": "police", "page": 3}).status_code == 404


def _visible_from(article):
    return SearchDocument.objects.get(pk=article.pk).visible_from


def test_search_documents_follow_every_status_change(corpus, chief):
    from articles import services

    article = corpus["en-unodc"]
    assert _visible_from(article) == PUBLISHED_AT
    services.unpublish_articles(articles=[article], by=chief)
    assert _visible_from(article) is None  # a trigger, not the service, keeps it
    later = PUBLISHED_AT + datetime.timedelta(days=400)
    Article.objects.filter(pk=article.pk).update(status="scheduled", published_at=later)
    assert _visible_from(article) == later
    article.refresh_from_db()
    article.status = Article.Status.DRAFT
    article.save()
    assert _visible_from(article) is None
    Article.objects.filter(pk=article.pk).update(published_on=datetime.date(2001, 2, 3))
    assert SearchDocument.objects.get(pk=article.pk).date == datetime.date(2001, 2, 3)
    services.publish_articles(articles=Article.objects.filter(slug="draft-secret"), by=chief)
    assert set(search.searchable()) == set(Article.objects.published())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_a_search_is_planned_through_its_indexes_and_postgresql_is_left_as_it_is(corpus):
    """Matching a document is expensive and PostgreSQL costs it at next to nothing: a search's
    own transaction asks for index plans (search_plans); PostgreSQL's function keeps its cost."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT procost FROM pg_proc WHERE proname = 'ts_match_vq'")
        assert cursor.fetchone()[0] == 1
        cursor.execute("SHOW work_mem")
        assert cursor.fetchone()[0] == "32MB"
    matches = search.matching_ids(search.parse("police"))
    with search.search_plans():
        plan = matches.explain()
    assert "Seq Scan on articles_searchdocument" not in plan
    assert "search_recent_document_gin" in plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_a_search_reads_its_matches_dates_without_their_documents(corpus, monkeypatch):
    """SQLite stores a row's columns in order, the visibility and date after the long head and
    document: every query of a search looks them up for its matches from an index of their own
    (migration 0005). (Cut by date, a big catalogue's plans use it too: benchmarks/search_bench.py;
    a test catalogue is too small for the planner to choose as it does there.)"""
    monkeypatch.setattr(search.reading, "recent_bounds", {})
    query = search.parse("police")
    ranked = search.Ranked(search.searchable(), query, total=lambda: 2 * search.COUNT_CAP)
    with CaptureQueriesContext(connection) as queries:
        search.count_matches(query)
        assert ranked[:20]
    matching = [q["sql"] for q in queries.captured_queries if " MATCH " in q["sql"]]
    assert matching
    with connection.cursor() as cursor:
        for sql in matching:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "COVERING INDEX search_document_dates" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_recent_documents_are_looked_up_through_the_gin_indexes():
    """The GIN indexes key `date + 0` (what `search.pieces` asks of the
    newest documents), the application's sessions keep their pending lists short (bulk runs
    raise the limit for themselves), and the newest piece's plan uses them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'articles_searchdocument' AND indexdef ILIKE '%% gin %%'"
        )
        definitions = dict(cursor.fetchall())
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)",
            [list(definitions)],
        )
        options = dict(cursor.fetchall())
    assert sorted(definitions) == ["search_recent_document_gin", "search_recent_head_gin"]
    for name, definition in definitions.items():
        assert "gin (((date + 0)), " in definition, definition
        assert options[name] is None  # the session's setting governs
    with connection.cursor() as cursor:
        cursor.execute("SHOW gin_pending_list_limit")
        assert cursor.fetchone()[0] == "256kB"
    documents = SearchDocument.objects.filter(document__tsmatch="'police'")
    recent = search.pieces(documents, datetime.date(2024, 1, 1))[1]
    with connection.cursor() as cursor:  # (no sequential scan: the test table is tiny)
        sql, params = recent.query.sql_with_params()
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert re.search(
        r"Bitmap Index Scan on search_recent_\w+_gin[^\n]*\n\s+Index Cond: \(+date \+ 0\) >=", plan
    ), plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_bulk_tsvector_literals_equal_what_postgresql_makes():
    """The generator sends literals instead of text: they must be the same documents."""
    texts = [f"{a['headline']} {a['headline_en']} {a['body']}" for a in RELEVANCE["articles"]]
    texts.append("ๆ ' \\ x" * 3)
    with connection.cursor() as cursor:
        for text in texts:
            _, document = search.document_values([text], [text, "Đà Nẵng 2567"], "postgresql")
            cursor.execute(
                "SELECT to_tsvector('simple', %s) = %s::tsvector",
                [document, search.to_tsvector_literal(document)],
            )
            assert cursor.fetchone()[0], text


def test_a_filtered_search_counts_from_the_facet_index_what_sql_counts(client, corpus):
    """Within the cap the index's counts among the matches are the exact ones (SQL's)."""
    for slug, code in {"th-cyber": "TH", "vi-drugs": "VN", "en-rescue": "TH"}.items():
        corpus[slug].countries.add(code)
    search.index_articles()
    for query in QUERIES[:6]:
        for data in ({"q": query}, {"q": query, "country": "TH"}, {"q": query, "language": "vi"}):
            response = client.get(reverse("articles:list"), data)
            expected = response.context["filterset"].facet_counts()
            assert response.context["view"].counts()["facets"] == expected, data


def test_a_search_past_its_cap_counts_facets_among_its_newest(client, corpus, monkeypatch):
    """Facet counts over every match of a common word cost seconds at a million articles:
    past the cap they are counted among the newest COUNT_CAP matches, and the page says so."""
    from collections import Counter

    from django.core.cache import cache
    from django.utils import translation

    tagged = {"th-cyber": "TH", "vi-drugs": "VN", "vi-fraud": "VN", "en-rescue": "TH"}
    for slug, country in tagged.items():
        corpus[slug].countries.add(country)
    text = QUERIES[-1]
    newest = list(
        search.filter_articles(search.searchable(), text).order_by(
            "-search__date", "-search__article_id"
        )
    )
    assert len(newest) > 4
    _cap(monkeypatch, 3)
    response = client.get(reverse("articles:list"), {"q": text})
    counts = response.context["view"].counts()["facets"]
    shown = newest[:3]
    assert counts["language"] == dict(Counter(a.language for a in shown))
    assert counts["country"] == dict(Counter(tagged[a.slug] for a in shown if a.slug in tagged))
    assert "Counted among the 3 newest matches." in response.content.decode()
    with translation.override("th"):
        thai = client.get(reverse("articles:list"), {"q": text}).content.decode()
    assert "นับจาก 3 รายการที่ตรงกันล่าสุด" in thai
    # Within the cap every match is counted, and the note is not there.
    _cap(monkeypatch, 1000)
    cache.clear()
    response = client.get(reverse("articles:list"), {"q": text})
    exact = response.context["filterset"].facet_counts()
    assert response.context["view"].counts()["facets"] == exact
    assert exact["language"] == dict(Counter(a.language for a in newest))
    assert "Counted among" not in response.content.decode()


# --- snippets on word boundaries ------------------------------------------------------------

# A Thai sentence (no spaces between its words, as Thai is written) and where its words end.
THAI_WORDS = [
    "เจ้าหน้าที่ตำรวจ", "ไทย", "และ", "ลาว", "ร่วมกัน", "ลาดตระเวน", "ตาม", "แนว", "ชายแดน",
    "ริมแม่น้ำ", "โขง", "เพื่อ", "สกัดกั้น", "การ", "ลักลอบ", "ขน", "ยาเสพติด",
]  # fmt: skip
THAI_BODY = " ".join(["".join(THAI_WORDS)] * 6)


def _word_edges(text: str, words: list[str]) -> set[int]:
    edges, offset = {0}, 0
    sentence = "".join(words)
    for start in [m.start() for m in re.finditer(re.escape(sentence), text)]:
        offset = start
        for word in words:
            edges.add(offset)
            offset += len(word)
            edges.add(offset)
    return edges


def _cut_points(text: str, html: str) -> tuple[int, int]:
    """Where in `text` a snippet starts and ends."""
    shown = re.sub(r"</?mark>", "", str(html)).strip("…").strip()
    start = text.index(shown)
    return start, start + len(shown)


@pytest.mark.parametrize("length", range(40, 200, 7))
def test_thai_snippets_start_and_end_between_words(length):
    edges = _word_edges(THAI_BODY, THAI_WORDS)
    for word in ("ลักลอบ", "ชายแดน", "โขง"):
        html = search.snippet(THAI_BODY, search.parse(word), length)
        start, end = _cut_points(THAI_BODY, html)
        assert start in edges and end in edges, (word, length, str(html))
        assert f"<mark>{word}</mark>" in html
    start, end = _cut_points(THAI_BODY, search.snippet(THAI_BODY, None, length))
    assert start == 0 and end in edges


@pytest.mark.parametrize("length", range(20, 120, 9))
def test_clipped_text_never_ends_inside_a_word(length):
    edges = _word_edges(THAI_BODY, THAI_WORDS)
    clipped = search.clip(THAI_BODY, length)
    assert clipped.endswith("…") and len(clipped) <= length
    assert len(clipped) - 1 in edges or THAI_BODY[len(clipped) - 1] == " "
    english = "Officers from Thailand and Laos patrolled the Mekong border together on Monday"
    words = search.clip(english, length).removesuffix("…").split()
    assert all(word in english.split() for word in words)


def test_a_listing_card_clips_a_thai_summary_between_words(client):
    ArticleFactory(published=True, summary=THAI_BODY, headline="ข่าวลาดตระเวน")
    page = client.get(reverse("articles:list"))
    summary = re.search(r'<p class="card-summary" lang="th">([^<]+)</p>', page.content.decode())
    shown = summary.group(1)
    assert shown.endswith("…") and len(shown) <= 260
    assert len(shown) - 1 in _word_edges(THAI_BODY, THAI_WORDS) | {
        i for i, c in enumerate(THAI_BODY) if c == " "
    }
