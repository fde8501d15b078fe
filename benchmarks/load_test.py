"""Load while importing: gunicorn (production settings) on loopback, wrk at 64 connections for 60 s
against the listing, a filtered listing, a search and article pages, while a 10,000-row spreadsheet
import runs. Reports requests/s, latency and errors (there must be none).

    .venv/bin/python benchmarks/load_test.py [--articles 10000] [--seconds 60] [--connections 64]
        [--database-url postgres://root@127.0.0.1:5432/postgres]
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import urllib.parse
import uuid
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from serving import gunicorn, production_env  # noqa: E402

LUA = """
local paths = {%s}
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8931)
    parser.add_argument("--database-url", default="postgres://root@127.0.0.1:5432/postgres")
    parser.add_argument(
        "--without-search", action="store_true", help="leave out the q= pages (plain ILIKE today)"
    )
    args = parser.parse_args()

    import psycopg

    scratch = f"newsroom_load_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.database_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {scratch}")
    url = args.database_url.rsplit("/", 1)[0] + "/" + scratch
    env = production_env(url)
    work = Path(tempfile.mkdtemp())
    stack = ExitStack()  # the server, stopped in `finally`
    try:
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run(
            [*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        os.environ.update(env)
        import django

        django.setup()
        from catalogue_bench import generate

        from articles.models import Article

        catalogue, later = work / "catalogue.csv", work / "more.csv"
        generate(catalogue, args.articles, seed=1)
        subprocess.run([*manage, "import_articles", str(catalogue), "--max-size", "10000000000"],
                       cwd=ROOT, env=env, check=True, capture_output=True)  # fmt: skip
        # The second file: new articles only (different slugs and URLs).
        generate(later, args.import_rows, seed=2)
        body = later.read_text(encoding="utf-8")
        body = body.replace("article-0", "later-0").replace("news.example/", "news.example/later-")
        later.write_text(body, encoding="utf-8")

        slugs = list(Article.objects.published().values_list("slug", flat=True)[:300])
        paths = ["/en/", "/th/", "/en/?topic=drug-trafficking&country=TH",
                 "/vi/?topic=online-scams&country=VN&sort=oldest",
                 "/en/?q=" + urllib.parse.quote("ความร่วมมือ"), "/en/?q=police+cooperation",
                 *[f"/en/articles/{s}/" for s in random.Random(3).sample(slugs, 40)]]  # fmt: skip
        if args.without_search:
            paths = [p for p in paths if "q=" not in p]
        script = work / "paths.lua"
        script.write_text(LUA % ", ".join(f'"{p}"' for p in paths))

        base = stack.enter_context(gunicorn(env, port=args.port, workers=args.workers))
        importer = subprocess.Popen(
            [*manage, "import_articles", str(later), "--max-size", "10000000000"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        load = subprocess.run(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--timeout", "30s",
             "--latency", "-s", str(script), base],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        import_out, _ = importer.communicate(timeout=600)
        report = load.stdout
        print(report)
        errors = re.search(r"Socket errors: (.*)", report)
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", report)
        print("import during the load:", import_out.strip().splitlines()[-1])
        print("socket errors:", errors.group(1) if errors else "none")
        print("non-2xx/3xx responses:", non_2xx.group(1) if non_2xx else 0)
        print(f"articles: {Article.objects.count()} ({Article.objects.published().count()} public)")
    finally:
        stack.close()
        from django.db import connections

        connections.close_all()
        with psycopg.connect(args.database_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)")


if __name__ == "__main__":
    main()
