"""Throughput on a generated catalogue: gunicorn (production settings) on loopback, wrk for
--seconds at --connections against article pages, filtered listings and `/healthz` — a trivial
Django view through the same middleware and gunicorn, the ceiling of this machine.

    .venv/bin/python benchmarks/generate.py --articles 1000000 --database-url URL   # once
    .venv/bin/python benchmarks/throughput.py --database-url URL [--seconds 30] [--connections 32]
        [--redis redis://127.0.0.1:6379/14]

Each target gets its own wrk run (article pages rotate over 500 random published slugs, the
listings over 40 topic + country + year combinations) after a warm-up; prints requests/s, p50,
p99 and errors, and the article page's share of the ceiling, then a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from serving import gunicorn, production_env  # noqa: E402

LUA = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
"""


def _paths(database_url: str, rng: random.Random) -> dict[str, list[str]]:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()
    from django.utils import timezone

    from articles.models import Article, SearchDocument, Topic

    public = SearchDocument.objects.filter(visible_from__lte=timezone.now())
    ids = list(public.order_by("?").values_list("article_id", flat=True)[:500])
    slugs = list(Article.objects.filter(pk__in=ids).values_list("slug", flat=True))
    topics = list(Topic.objects.values_list("slug", flat=True))
    newest = public.order_by("-date").values_list("date", flat=True).first()
    years = range(newest.year - 5, newest.year + 1) if newest else [2024]
    countries = ["TH", "VN", "LA", "KH", "MM", "MY", "CN"]
    return {
        "trivial view (/healthz)": ["/healthz"],
        "article page": [f"/en/articles/{slug}/" for slug in slugs],
        "filtered listing": [
            f"/en/?topic={rng.choice(topics)}&country={rng.choice(countries)}"
            f"&date_from={y}-01-01&date_to={y}-12-31"
            for y in (rng.choice(years) for _ in range(40))
        ],
    }


def _wrk(base: str, paths: list[str], seconds: int, connections: int, work: Path) -> dict:
    script = work / "paths.lua"
    script.write_text(LUA % ", ".join(f'"{p}"' for p in paths))
    run = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency",
         "-s", str(script), base],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = run.stdout

    def latency(label: str) -> float:
        value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": latency("50%"),
        "p99_ms": latency("99%"),
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8932)
    parser.add_argument(
        "--redis",
        help="share one cache between the workers (REDIS_URL, e.g. redis://127.0.0.1:6379/14); "
        "it is emptied first",
    )
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("--database-url is required (a generated catalogue)")
    targets = _paths(args.database_url, random.Random(11))
    extra = {"DB_CONN_MAX_AGE": "60"}
    if args.redis:
        import redis

        redis.Redis.from_url(args.redis).flushdb()
        extra.update(REDIS_URL=args.redis, CACHE_KEY_PREFIX="throughput")
    env = production_env(args.database_url, **extra)
    work = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                   cwd=ROOT, env=env, check=True)  # fmt: skip
    results: dict[str, dict] = {}
    with gunicorn(env, port=args.port, workers=args.workers) as base:
        for name, paths in targets.items():
            _wrk(base, paths, 5, args.connections, work)  # warm-up: caches, connections
            r = results[name] = _wrk(base, paths, args.seconds, args.connections, work)
            print(f"{name:<26} {r['requests_per_s']:>8.1f} req/s  p50 {r['p50_ms']:>7.1f} ms  "
                  f"p99 {r['p99_ms']:>7.1f} ms  errors {r['socket_errors'] + r['non_2xx']}",
                  flush=True)  # fmt: skip
    ceiling = results["trivial view (/healthz)"]["requests_per_s"]
    share = results["article page"]["requests_per_s"] / ceiling
    print(f"article page: {share:.0%} of the ceiling")
    cache = "redis" if args.redis else "per process"
    summary = {"seconds": args.seconds, "connections": args.connections, "workers": args.workers}
    summary["cache"] = cache
    print(json.dumps({**summary, "results": results, "article_share": share}))


if __name__ == "__main__":
    main()
