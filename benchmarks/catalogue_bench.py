"""CSV/XLSX catalogue import and export: our streaming engine against django-import-export's
row-by-row resource, on the same generated file, in one run.

    .venv/bin/python benchmarks/catalogue_bench.py [--rows 100000] [--library-rows 5000]
        [--database-url postgres://root@127.0.0.1:5432/postgres | sqlite] [--index-after]
        [--skip-library]

An import writes its rows' search documents as it goes (a worker analyses a chunk's while the
next chunk is written) and commits them with the rows; --index-after times the previous path
instead: the import, then the search index written after it commits.

Each scenario runs in its own process so that its peak memory (max RSS, whole process) is its own.
The library runs on the first --library-rows rows of the same file (it is ~50x slower).
"""

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = [
    "ตำรวจ", "ความร่วมมือ", "ยาเสพติด", "ชายแดน", "การประชุม", "แลกเปลี่ยนข้อมูล", "ma", "túy",
    "hợp", "tác", "biên", "giới", "police", "cooperation", "border", "drugs", "meeting", "scam",
    "trafficking", "agreement", "training",
]  # fmt: skip


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"  # DEBUG keeps every query in memory: not what production runs
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()


def generate(path: Path, rows: int, seed: int = 11) -> None:
    from articles.models import Agency, Source, Topic
    from articles.spreadsheets import COLUMNS

    rng = random.Random(seed)
    sources = list(Source.objects.values_list("name", flat=True))
    topics = list(Topic.objects.values_list("slug", flat=True))
    agencies = list(Agency.objects.values_list("acronym", flat=True))
    countries = ["TH", "VN", "KH", "LA", "MM", "MY", "CN", "KR", "JP", "US", "AU", "ID", "PH"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n in range(rows):
            language = rng.choice(["th", "th", "vi", "en"])
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(180, 260)))
            year = rng.randint(2006, 2025)
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            published = rng.random() < 0.95
            writer.writerow(
                [
                    f"article-{n:07d}", f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}",
                    f"Headline {n}", language, "published" if published else "draft",
                    rng.choice(sources), f"https://news.example/{n}", date, "", date, "",
                    "|".join(sorted(rng.sample(countries, rng.randint(1, 3)))),
                    "|".join(sorted(rng.sample(topics, rng.randint(1, 4)))),
                    "|".join(sorted(rng.sample(agencies, rng.randint(0, 2)))),
                    " ".join(rng.choice(WORDS) for _ in range(30)), "Summary in English.", body,
                ]
            )  # fmt: skip


def revise(path: Path, target: Path) -> None:
    """The same catalogue with every row changed: a new English headline, one topic fewer."""
    with path.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        reader, writer = csv.reader(source), csv.writer(out)
        header = next(reader)
        writer.writerow(header)
        headline, topics = header.index("headline_en"), header.index("topics")
        for row in reader:
            row[headline] += " (revised)"
            kept = row[topics].split("|")
            row[topics] = "|".join(kept[1:] or kept)
            writer.writerow(row)


def scenario(name: str, path: Path, out: Path) -> dict:
    from django.db import connection

    from articles import search, signals, spreadsheets
    from articles.models import Article

    if name.startswith("library"):  # its row-by-row baseline, without our search indexing
        signals.disconnect()
    started = time.perf_counter()
    if name in ("ours-import-new", "ours-import-unchanged", "ours-import-changed"):
        after = os.environ.get("INDEX_AFTER") == "1"
        with path.open("rb") as handle:
            report = spreadsheets.import_articles(
                handle, name=path.name, max_bytes=10**10, index=not after
            )
        assert not report.errors, report.errors[:5]
        rows = report.created + report.updated + report.unchanged
        detail = f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged"
        if not after:
            detail += f", {report.indexed} search documents written with them"
        elif report.touched:  # the previous path: the index written after the commit
            indexing = time.perf_counter()
            search.index_articles(report.touched)
            seconds = time.perf_counter() - indexing
            detail += (f"; then search index {len(report.touched)} in {seconds:.0f} s "
                       f"= {len(report.touched) / seconds:.0f}/s")  # fmt: skip
            started += seconds
    elif name in ("ours-export-csv", "ours-export-xlsx"):
        writer = spreadsheets.write_csv if name.endswith("csv") else spreadsheets.write_xlsx
        with out.open("wb") as handle:
            rows = writer(Article.objects.all(), handle)
        detail = f"{out.stat().st_size / 1e6:.0f} MB"
    elif name == "library-import-new":
        import tablib

        from articles.spreadsheets.resources import ArticleResource

        dataset = tablib.Dataset().load(path.read_text(encoding="utf-8"), format="csv")
        result = ArticleResource().import_data(dataset, dry_run=False, use_transactions=True)
        assert not result.has_errors() and not result.has_validation_errors()
        rows = len(dataset)
        detail = f"{result.totals['new']} created"
    elif name in ("library-export-csv", "library-export-xlsx"):
        from articles.spreadsheets.resources import ArticleResource

        queryset = Article.objects.order_by("pk")[: int(os.environ["LIBRARY_ROWS"])]
        queryset = queryset.select_related("source").prefetch_related(
            "countries", "topics", "agencies"
        )
        dataset = ArticleResource().export(queryset)
        data = dataset.export("csv" if name.endswith("csv") else "xlsx")
        rows = len(dataset)
        detail = f"{len(data) / 1e6:.0f} MB"
    else:
        raise SystemExit(f"unknown scenario {name}")
    elapsed = time.perf_counter() - started
    connection.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"scenario": name, "rows": rows, "seconds": elapsed, "rate": rows / elapsed,
            "peak_mb": peak, "detail": detail}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--library-rows", type=int, default=5_000)
    parser.add_argument("--database-url", default="postgres://root@127.0.0.1:5432/postgres")
    parser.add_argument(
        "--index-after",
        action="store_true",
        help="the previous path: the search index after the import commits",
    )
    parser.add_argument(
        "--skip-library",
        action="store_true",
        help="only our engine (the library's rows take minutes)",
    )
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.scenario:  # a child process
        _setup(os.environ["DATABASE_URL"])
        print(json.dumps(scenario(args.scenario, Path(args.file), Path(args.out))))
        return

    import psycopg

    scratch = None
    if args.database_url.startswith("postgres"):
        scratch = f"newsroom_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.database_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {scratch}")
        url = args.database_url.rsplit("/", 1)[0] + "/" + scratch
    else:
        url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    env = {**os.environ, "DATABASE_URL": url, "LIBRARY_ROWS": str(args.library_rows), "DEBUG": "0",
           "INDEX_AFTER": "1" if args.index_after else "0"}  # fmt: skip
    work = Path(tempfile.mkdtemp())
    try:
        migrate = [sys.executable, "manage.py", "migrate", "-v0"]
        subprocess.run(migrate, cwd=ROOT, env=env, check=True)
        _setup(url)
        big, small = work / "catalogue.csv", work / "library.csv"
        generate(big, args.rows)
        changed = work / "changed.csv"
        revise(big, changed)
        with big.open(encoding="utf-8") as source, small.open("w", encoding="utf-8") as target:
            for n, line in enumerate(csv.reader(source)):
                if n > args.library_rows:
                    break
                csv.writer(target).writerow(line)

        def run(name, path, out=work / "out"):
            result = subprocess.run(
                [sys.executable, __file__, "--scenario", name, "--file", str(path),
                 "--out", str(out)],
                cwd=ROOT, env=env, check=False, capture_output=True, text=True,
            )  # fmt: skip
            if result.returncode:
                raise SystemExit(f"{name} failed:\n{result.stderr[-3000:]}")
            data = json.loads(result.stdout.strip().splitlines()[-1])
            print(
                f"{data['scenario']:<24} {data['rows']:>7} rows {data['seconds']:>7.1f} s "
                f"{data['rate']:>8.0f} rows/s  peak {data['peak_mb']:>4.0f} MB  ({data['detail']})",
                flush=True,
            )
            return data

        from django.db import connection

        from articles.models import Article

        print(f"database: {connection.vendor}; file: {args.rows} rows, "
              f"{big.stat().st_size / 1e6:.0f} MB")  # fmt: skip
        results = {}
        if not args.skip_library:
            results["library-import-new"] = run("library-import-new", small)
            results["library-export-csv"] = run("library-export-csv", small, work / "lib.csv")
            results["library-export-xlsx"] = run("library-export-xlsx", small, work / "lib.xlsx")
            Article.objects.all().delete()
            connection.close()
        results["ours-import-new"] = run("ours-import-new", big)
        results["ours-import-unchanged"] = run("ours-import-unchanged", big)
        results["ours-import-changed"] = run("ours-import-changed", changed)
        results["ours-export-csv"] = run("ours-export-csv", big, work / "out.csv")
        results["ours-export-xlsx"] = run("ours-export-xlsx", big, work / "out.xlsx")
        for kind in () if args.skip_library else ("import-new", "export-csv", "export-xlsx"):
            ratio = results[f"ours-{kind}"]["rate"] / results[f"library-{kind}"]["rate"]
            print(f"ratio {kind:<12} ours / library = {ratio:.1f}x")
    finally:
        from django.db import connection

        connection.close()
        if scratch:
            with psycopg.connect(args.database_url, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)")


if __name__ == "__main__":
    main()
