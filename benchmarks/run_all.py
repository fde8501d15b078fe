"""`make bench`: run every benchmark and print its numbers (record them in docs/benchmarks.md).

.venv/bin/python benchmarks/run_all.py [--files N] [--postgres URL]
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
    args = parser.parse_args()
    run("benchmarks/seed_accuracy.py")
    run("benchmarks/ingest_bench.py", "--files", args.files)
    run("benchmarks/ingest_bench.py", "--files", args.files, "--database-url", args.postgres)
    run("benchmarks/catalogue_bench.py", "--rows", args.rows, "--database-url", args.postgres)


if __name__ == "__main__":
    main()
