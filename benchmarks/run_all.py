"""`make bench`: run every benchmark and print its numbers (record them in docs/benchmarks.md).

.venv/bin/python benchmarks/run_all.py [--files N] [--postgres URL] [--articles N ...]

Search and page scenarios run on generated catalogues (benchmarks/generate.py) of each
--articles size, kept in databases named newsroom_bench_<N> (SQLite: benchmarks/.data/) and
reused by later runs; --fresh regenerates them. The largest PostgreSQL catalogue also gets the
gunicorn + wrk throughput run. A million articles: `--articles 10000 100000 1000000
--no-sqlite` (about 20 minutes to generate, 8 GB; SQLite is measured up to 100,000).
"""

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(*args: str) -> None:
    print("$", " ".join(args), flush=True)
    subprocess.run([sys.executable, *args], cwd=HERE.parent, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", default="10000")
    parser.add_argument("--rows", default="100000")
    parser.add_argument("--postgres", default="postgres://root@127.0.0.1:5432/postgres")
    parser.add_argument("--articles", nargs="*", default=["10000", "100000"])
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL catalogues only")
    args = parser.parse_args()
    run("benchmarks/seed_accuracy.py")
    run("benchmarks/ingest_bench.py", "--files", args.files)
    run("benchmarks/ingest_bench.py", "--files", args.files, "--database-url", args.postgres)
    run("benchmarks/catalogue_bench.py", "--rows", args.rows, "--database-url", args.postgres)
    server = args.postgres.rsplit("/", 1)[0]
    (HERE / ".data").mkdir(exist_ok=True)
    for size in args.articles:
        urls = [f"{server}/newsroom_bench_{size}"]
        if not args.no_sqlite and int(size) <= 100_000:
            urls.append(f"sqlite:///{HERE}/.data/bench_{size}.sqlite3")
        for url in urls:
            if args.fresh or not _loaded(url):
                _drop(url)
                run("benchmarks/generate.py", "--articles", size, "--database-url", url)
            run("benchmarks/search_bench.py", "--database-url", url)
            if url.startswith("postgres"):
                run("benchmarks/scale_bench.py", "--database-url", url)
    largest = max(args.articles, key=int)
    run("benchmarks/throughput.py", "--database-url", f"{server}/newsroom_bench_{largest}")


def _loaded(url: str) -> bool:
    if url.startswith("sqlite"):
        return Path(url.removeprefix("sqlite:///")).exists()
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres") as conn:
        return bool(conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone())


def _drop(url: str) -> None:
    if url.startswith("sqlite"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
