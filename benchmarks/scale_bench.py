"""Server time of every kind of page on a generated catalogue: p50/p95 and queries per request.

    .venv/bin/python benchmarks/generate.py --articles 100000 --database-url URL   # once
    .venv/bin/python benchmarks/scale_bench.py --database-url URL [--repeat 20]

Requests go through Django's full stack in this process (middleware, views, templates; no
network), so the numbers are server time. Article, topic and country pages rotate over
different objects; the deep page is the last one the paginator allows. Prints one line per
scenario and a JSON summary (with the sizes of the biggest tables and indexes on PostgreSQL).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()


def scenarios(rng: random.Random) -> dict[str, list[str]]:
    from django.utils import timezone

    from articles.models import Article, SearchDocument, Topic

    public = SearchDocument.objects.filter(visible_from__lte=timezone.now())
    total = public.count()
    newest = public.order_by("-date").values_list("date", flat=True).first()
    year = newest.year - 1 if newest else 2024
    ids = list(public.order_by("?").values_list("article_id", flat=True)[:200])
    slugs = list(Article.objects.filter(pk__in=ids).values_list("slug", flat=True))
    topics = list(Topic.objects.values_list("slug", flat=True))
    countries = ["TH", "VN", "LA", "KH", "MM", "MY", "CN"]
    last_page = max(1, min(total, 10_000) // 20)
    from articles.sitemaps import ArticleSitemap

    sitemap_pages = ArticleSitemap().paginator.num_pages
    return {
        "listing page 1": ["/en/"],
        "listing deep page": [f"/en/?page={last_page}"],
        "listing topic+country+year": [
            f"/en/?topic={rng.choice(topics)}&country={rng.choice(countries)}"
            f"&date_from={year}-01-01&date_to={year}-12-31"
            for _ in range(20)
        ],
        "article page": [f"/en/articles/{slug}/" for slug in slugs],
        "topic page": [f"/en/topics/{slug}/" for slug in topics],
        "country page": [f"/en/countries/{code}/" for code in countries],
        "cooperation overview": ["/en/cooperation/"],
        "feed (RSS)": ["/en/feeds/rss/", "/en/feeds/rss/?topic=online-scams&country=KH"],
        "sitemap index": ["/sitemap.xml"],
        "sitemap page": ["/sitemap-articles.xml?p=2", f"/sitemap-articles.xml?p={sitemap_pages}"],
        "admin changelist, filtered": [
            "/admin/articles/article/?status__exact=published&language__exact=th",
            "/admin/articles/article/?topics__id__exact=1&flagged=no",
        ],
        "search": ["/en/?q=ยาเสพติด", "/en/?q=ma+tuy", "/en/?q=UNODC", "/en/?q=trafficking+-human"],
    }


def measure(client, urls: list[str], repeat: int, cold: bool = False) -> dict:
    """Warm: every URL was requested once before, so the cache holds its counts (a page
    readers come back to). Cold: before every request an article is republished — logged and
    the catalogue generation raised, as a publication does — so the page and its counts are
    computed afresh (the first request after it, or a combination nobody asked for yet)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles import counts
    from articles.models import Article

    samples, queries = [], []
    republished = list(Article.objects.published().values_list("pk", flat=True)[:50])
    if not cold:
        for url in urls[:repeat]:  # warm up
            client.get(url, HTTP_HOST="127.0.0.1")
    for n in range(repeat):
        url = urls[n % len(urls)]
        if cold:
            counts.changed(articles=[republished[n % len(republished)]])
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, HTTP_HOST="127.0.0.1")
            samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        queries.append(len(captured))
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1),
        "queries": max(queries),
    }


def facet_index() -> dict:
    """How long a process takes to build its facet index, its size, and bringing it up to
    date after one article was republished."""
    from articles import counts
    from articles.counts import facet_index
    from articles.models import Article

    facet_index.forget()
    started = time.perf_counter()
    index = facet_index.current()
    built = time.perf_counter() - started
    bitmaps = [*index.days.values(), *index.months.values(), index.visible_status]
    bitmaps += [b for options in index.options.values() for b in options.values()]
    size = sum(len(b.serialize()) for b in bitmaps) / 1e6
    pk = Article.objects.published().values_list("pk", flat=True).first()
    refreshes = []
    for _ in range(10):
        counts.changed(articles=[pk])
        started = time.perf_counter()
        facet_index.current()
        refreshes.append((time.perf_counter() - started) * 1000)
    result = {"build_s": round(built, 2), "bitmaps_mb": round(size, 1),
              "refresh_one_ms": round(statistics.median(refreshes), 1)}  # fmt: skip
    print(
        f"facet index: built in {built:.1f} s, bitmaps {size:.1f} MB serialised, "
        f"up to date after one change in {result['refresh_one_ms']} ms",
        flush=True,
    )
    return result


def sizes() -> dict[str, str]:
    from django.db import connection

    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, pg_size_pretty(pg_total_relation_size(c.oid)) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
            "AND c.relkind IN ('r', 'i') ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 12"
        )
        return dict(cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", help="run the scenarios whose name contains this")
    parser.add_argument("--cold-repeat", type=int, default=6, help="requests with an empty cache")
    args = parser.parse_args()
    _setup(args.database_url)
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from articles.models import Article

    client = Client()
    admin, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client.force_login(admin)
    results = {"facet index": facet_index()}
    for name, urls in scenarios(random.Random(5)).items():
        if args.only and args.only not in name:
            continue
        r = results[name] = measure(client, urls, args.repeat)
        c = r["cold"] = measure(client, urls, args.cold_repeat, cold=True)
        print(f"{name:<30} p50 {r['p50_ms']:>8.1f} ms  p95 {r['p95_ms']:>8.1f} ms  "
              f"{r['queries']:>3} queries | cold p50 {c['p50_ms']:>8.1f}  "
              f"p95 {c['p95_ms']:>8.1f} ms {c['queries']:>3} queries", flush=True)  # fmt: skip
    print(json.dumps({"database": connection.vendor, "articles": Article.objects.count(),
                      "scenarios": results, "sizes": sizes()}))  # fmt: skip


if __name__ == "__main__":
    main()
