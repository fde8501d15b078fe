"""Search index build rate, the previous write path and today's side by side, in one run.

    .venv/bin/python benchmarks/generate.py --articles 100000 --database-url URL   # once
    .venv/bin/python benchmarks/index_bench.py --database-url URL [--articles 100000]

On a generated catalogue (realistic Thai, Vietnamese and English bodies), each scenario runs in
its own process, on the same first --articles articles:
  previous, fresh    the documents deleted, then written by the pre-issue-20 path
                     (benchmarks/_previous_index.py: model instances, one process)
  today, fresh       the documents deleted, then written by `search.index_articles` (plain rows,
                     worker processes, PostgreSQL's long pending lists)
  today, unchanged   written again over themselves (a `reindex` with nothing to change)
Peak memory is the scenario process's own (max RSS), and the largest worker's.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCENARIOS = ("previous-fresh", "today-fresh", "today-unchanged")


def scenario(name: str, count: int) -> dict:
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()
    from django.db import connection

    from articles import search
    from articles.models import Article, SearchDocument

    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True)[:count])
    if name.endswith("fresh"):
        SearchDocument.objects.filter(article_id__in=ids).delete()
    started = time.perf_counter()
    if name == "previous-fresh":
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from _previous_index import index_articles

        written = index_articles(ids)
    else:
        written = search.index_articles(ids)
    seconds = time.perf_counter() - started
    assert SearchDocument.objects.filter(article_id__in=ids).count() == len(ids)
    connection.close()
    return {
        "scenario": name, "articles": written, "seconds": seconds, "rate": written / seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    if args.scenario:
        print(json.dumps(scenario(args.scenario, args.articles)))
        return
    results = []
    for name in SCENARIOS:
        run = subprocess.run(
            [sys.executable, __file__, "--database-url", args.database_url,
             "--articles", str(args.articles), "--scenario", name],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if run.returncode:
            raise SystemExit(f"{name} failed:\n{run.stderr[-3000:]}")
        data = json.loads(run.stdout.strip().splitlines()[-1])
        results.append(data)
        print(f"{name:<17} {data['articles']:>7} articles {data['seconds']:>7.1f} s "
              f"{data['rate']:>7.0f}/s  peak {data['peak_mb']:>4.0f} MB "
              f"(workers {data['worker_peak_mb']:.0f} MB)", flush=True)  # fmt: skip
    print(json.dumps({"cpus": os.cpu_count(), "results": results}))


if __name__ == "__main__":
    main()
