"""The facet index (articles.counts.facet_index) counts exactly what SQL counts, through every
kind of change.

Each check compares the index's counts for many filter combinations with the same filterset
counted in SQL (`ArticleFilter.facet_counts`, the path searches still take), after the change
has been logged and the generation raised as a commit does — and, for a change still in its
transaction, before.
"""

import datetime
import random
from itertools import combinations

import pytest
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from articles import counts
from articles.counts import facet_index
from articles.filters import ArticleFilter
from articles.models import Agency, Article, CatalogueChange, Source, Topic

from .factories import ArticleFactory, SourceFactory, import_published

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 1, 1)


def _query(**params) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, values in params.items():
        data.setlist(key, values if isinstance(values, list) else [values])
    return data


def _filterset(data: QueryDict) -> ArticleFilter:
    return ArticleFilter(data, queryset=Article.objects.published())


def _in_sql(data: QueryDict) -> dict:
    filterset = _filterset(data)
    counts = filterset.facet_counts(total=True)
    counts.setdefault("total", filterset.qs.count())
    return counts


def _combinations(rng: random.Random, n: int = 25) -> list[QueryDict]:
    topics = list(Topic.objects.values_list("slug", flat=True)[:6])
    countries = ["TH", "VN", "LA", "KH"]
    agencies = list(Agency.objects.values_list("acronym", flat=True)[:4])
    sources = list(Source.objects.values_list("slug", flat=True)[:4])
    found = [_query()]
    for _ in range(n):
        params = {}
        for facet, options in (("topic", topics), ("country", countries), ("agency", agencies),
                               ("source", sources), ("language", ["th", "vi", "en"])):  # fmt: skip
            if rng.random() < 0.4:
                params[facet] = rng.sample(options, rng.randint(1, 2))
        if rng.random() < 0.4:
            start = DAY + datetime.timedelta(days=rng.randint(-40, 400))
            params["date_from"] = start.isoformat()
            if rng.random() < 0.7:
                params["date_to"] = (
                    start + datetime.timedelta(days=rng.randint(0, 120))
                ).isoformat()
        found.append(_query(**params))
    return found


def _assert_exact(combos) -> None:
    for data in combos:
        expected = _in_sql(data)
        assert facet_index.listing_counts(_filterset(data)) == expected, data.urlencode()


@pytest.fixture
def catalogue():
    """Sixty articles over a year and a half, tagged at random, some not visible."""
    rng = random.Random(8)
    topics = list(Topic.objects.all()[:6])
    agencies = list(Agency.objects.all()[:4])
    sources = [SourceFactory() for _ in range(4)]
    states = [Article.Status.PUBLISHED] * 8 + [Article.Status.DRAFT, Article.Status.ARCHIVED]
    articles = []
    for n in range(60):
        status = rng.choice(states)
        article = ArticleFactory(
            status=status,
            published_at=timezone.now() - datetime.timedelta(days=1)
            if status == Article.Status.PUBLISHED
            else None,
            published_on=DAY + datetime.timedelta(days=rng.randint(0, 500))
            if n % 9 or status == Article.Status.PUBLISHED
            else None,
            event_start=None,
            language=rng.choice(["th", "vi", "en"]),
            source=rng.choice([*sources, None]),
        )
        article.topics.add(*rng.sample(topics, rng.randint(0, 3)))
        article.countries.add(*rng.sample(["TH", "VN", "LA", "KH", "MM"], rng.randint(0, 3)))
        article.agencies.add(*rng.sample(agencies, rng.randint(0, 2)))
        articles.append(article)
    counts.bump()  # committed, as far as the index can tell
    counts.forget_here()
    return articles, _combinations(random.Random(3))


def _committed() -> None:
    """What a commit does after a change: raise the generation, stamping its log."""
    counts.bump()


def test_counts_equal_sql_on_a_fresh_index(catalogue):
    _articles, combos = catalogue
    _assert_exact(combos)
    # The index was built once and counted everything (an empty selection counts all).
    assert (
        facet_index.listing_counts(_filterset(_query()))["total"]
        == Article.objects.published().count()
    )


@pytest.mark.parametrize(
    "change",
    [
        "publish", "unpublish", "delete", "retag", "redate", "move-outlet", "language",
        "add-article",
    ],
)  # fmt: skip
def test_counts_stay_exact_through_each_change(catalogue, change):
    articles, combos = catalogue
    _assert_exact(combos[:5])  # the index is built and current
    built = facet_index.current()
    draft = next(a for a in articles if a.status == Article.Status.DRAFT)
    public = [a for a in articles if a.status == Article.Status.PUBLISHED]
    topic = Topic.objects.all()[1]
    if change == "publish":
        draft.status, draft.published_at = Article.Status.PUBLISHED, timezone.now()
        draft.save()
    elif change == "unpublish":
        public[0].status = Article.Status.ARCHIVED
        public[0].save()
    elif change == "delete":
        public[1].delete()
    elif change == "retag":
        public[2].topics.set([topic])
        public[2].countries.add("VN")
    elif change == "redate":
        public[4].published_on = DAY + datetime.timedelta(days=33)
        public[4].save()
    elif change == "move-outlet":
        public[5].source = SourceFactory()
        public[5].save()
    elif change == "language":
        public[6].language = "vi" if public[6].language != "vi" else "en"
        public[6].save()
    elif change == "add-article":
        new = ArticleFactory(published=True, published_on=DAY, language="en")
        new.countries.add("TH", "MM")
    _assert_exact(combos)  # before the commit: read from the changes not stamped yet
    _committed()
    _assert_exact(combos)
    assert facet_index.current() is built  # brought up to date, not rebuilt


def test_a_rolled_back_change_is_undone(catalogue):
    articles, combos = catalogue
    before = [_in_sql(data) for data in combos]
    public = next(a for a in articles if a.status == Article.Status.PUBLISHED)
    with pytest.raises(RuntimeError), transaction.atomic():
        public.status = Article.Status.ARCHIVED
        public.save()
        public.countries.set(["MM"])
        _assert_exact(combos[:10])  # counted inside the transaction, as its own writes show
        raise RuntimeError
    assert [facet_index.listing_counts(_filterset(data)) for data in combos] == before


def test_a_scheduled_article_counts_once_due(catalogue, monkeypatch):
    _articles, combos = catalogue
    soon = timezone.now() + datetime.timedelta(hours=1)
    article = ArticleFactory(status=Article.Status.SCHEDULED, published_at=soon, language="en")
    article.countries.add("MM")
    _committed()
    _assert_exact(combos)
    later = soon + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    _assert_exact(combos)
    counts = facet_index.listing_counts(_filterset(_query(country="MM", language="en")))
    assert counts["total"] >= 1


def test_a_vocabulary_change_rebuilds(catalogue):
    _articles, combos = catalogue
    built = facet_index.current()
    topic = Topic.objects.all()[0]
    topic.slug = "renamed-topic"
    topic.save()
    _committed()
    assert facet_index.current() is built  # the same object, rebuilt in place
    assert built.provisional == set()
    combos = [*combos, _query(topic="renamed-topic")]
    _assert_exact(combos)
    Topic.objects.all()[1].delete()  # its tag rows go too, with no m2m signal
    _committed()
    _assert_exact(combos)


def test_a_spreadsheet_import_is_counted(catalogue, tmp_path):
    _articles, combos = catalogue
    _assert_exact(combos[:3])
    topic = Topic.objects.all()[2].slug
    source = Source.objects.first().name
    report = import_published(tmp_path / "new.csv", count=5, source=source, topic=topic)
    assert report.applied and report.created == 5
    # The import committed (outside a test it is its own transaction) and its rows were
    # logged (by the triggers, a row per article and tag link).
    logged = CatalogueChange.objects.filter(article_id__in=report.touched)
    assert set(logged.values_list("article_id", flat=True)) == set(report.touched)
    _committed()
    _assert_exact(combos)


def test_an_old_index_is_rebuilt_past_the_kept_changes(catalogue, monkeypatch):
    _articles, combos = catalogue
    index = facet_index.current()
    monkeypatch.setattr(counts.changes, "KEPT_GENERATIONS", 2)
    for _ in range(4):
        _committed()
    article = ArticleFactory(published=True, published_on=DAY)
    article.countries.add("LA")
    _committed()
    assert not CatalogueChange.objects.filter(generation__lt=index.number).exists()
    _assert_exact(combos)


def test_cooperation_overview_pairs_equal_counting_each_article(catalogue):
    visible = list(Article.objects.published().prefetch_related("topics", "countries"))
    for topic in [None, *Topic.objects.all()[:3]]:
        found = facet_index.cooperation(topic.pk if topic else None, 14)
        chosen = [a for a in visible if topic is None or topic in a.topics.all()]
        assert found["total"] == len(chosen)
        named = {}
        for article in chosen:
            for country in article.countries.all():
                named[country.pk] = named.get(country.pk, 0) + 1
        assert found["codes"] == sorted(named, key=lambda c: (-named[c], c))[:14]
        expected = {}
        for article in chosen:
            codes = sorted(c.pk for c in article.countries.all())
            for pair in combinations(codes, 2):
                if set(pair) <= set(found["codes"]):
                    expected[pair] = expected.get(pair, 0) + 1
        assert found["pairs"] == expected


@pytest.mark.django_db(transaction=True)
def test_a_worker_builds_its_index_as_it_starts():
    """newsroom/wsgi.py warms the index in a thread, so the first reader finds it built."""
    article = ArticleFactory(published=True)
    counts.bump()
    facet_index.forget()
    facet_index.warm_in_background().join(timeout=60)
    index = facet_index._indexes["default"]
    assert index.number is not None
    assert article.pk in index.visible()
