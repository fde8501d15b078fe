"""Search latency on a generated catalogue: 20 varied queries, p50/p95, and the index build rate.

    .venv/bin/python benchmarks/generate.py --articles 100000 --database-url URL   # once
    .venv/bin/python benchmarks/search_bench.py --database-url URL

Per query, what a reader's first results page costs the server: the result count (capped at
search.COUNT_CAP), the ranked page of 20 articles (with outlet) read in two parts
(`search.Ranked`), and the highlighted snippet of each — `articles.search`, as the listing uses
it, uncached and without the facet counts (the scale benchmark measures whole pages). Each query
runs once to warm up, then --repeat times. The build rate is the on-save path (`index_articles`,
one process) over --build articles, written back in place.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "ตำรวจ",  # a very common Thai word
    "ยาเสพติด",  # Thai word
    "คอมพิวเตอร์",  # Thai word inside compounds
    "ค้ามนุษย์",  # Thai, two words without a space
    "ลักลอบ ชายแดน",  # two Thai terms
    "ma túy",  # Vietnamese with diacritics
    "ma tuy",  # … and without
    "lừa đảo trực tuyến",
    "trafficking",  # English
    '"human trafficking"',  # phrase
    "UNODC",  # acronym
    "ASEANAPOL",
    "drugs -heroin",  # exclusion
    "Laos OR Cambodia",  # OR
    "UNODC ลาว",  # mixed scripts
    "Interpol Bangkok",
    "methamphetamine seizure Mekong",
    "zebra",  # no result
    "police'; DROP TABLE articles_article; --",  # hostile
    "scam " * 40,  # long
]


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()


def first_page(text: str) -> tuple[int, int]:
    """Run what the listing runs for page 1; return (result count, queries used)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles import search

    with CaptureQueriesContext(connection) as queries:
        query = search.parse(text)
        if query is None:
            return 0, len(queries)
        results = search.searchable().select_related("source")
        count = search.count_matches(query)  # as the listing counts a search with no filter
        ranked = search.Ranked(results, query, total=lambda: count)
        page = ranked[:20]
        for article in page:
            search.snippet_for(article, query)
    return count, len(queries)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--build", type=int, default=2000)
    args = parser.parse_args()
    _setup(args.database_url)
    from django.db import connection

    from articles import search
    from articles.models import Article

    articles = Article.objects.count()
    times: list[float] = []
    rows = []
    for text in QUERIES:
        first_page(text)  # warm up
        samples = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            count, queries = first_page(text)
            samples.append((time.perf_counter() - started) * 1000)
        times += samples
        rows.append((text.strip()[:40], count, queries, statistics.median(samples), max(samples)))
        print(f"{rows[-1][0]:<42} {count:>8,} results {queries} queries "
              f"median {rows[-1][3]:7.1f} ms  max {rows[-1][4]:7.1f} ms", flush=True)  # fmt: skip
    ids = list(Article.objects.order_by("?").values_list("pk", flat=True)[: args.build])
    started = time.perf_counter()
    search.index_articles(ids)
    build_rate = len(ids) / (time.perf_counter() - started)
    result = {
        "database": connection.vendor,
        "articles": articles,
        "queries": len(QUERIES),
        "p50_ms": round(percentile(times, 0.50), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        "index_build_articles_per_s": round(build_rate),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
