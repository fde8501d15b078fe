"""The admin's search box on a generated catalogue: the whole changelist page, per query.

    .venv/bin/python benchmarks/admin_search_bench.py --database-url URL

Logs in as the database's first superuser (creating `benchadmin` on a benchmark database
that has none) and requests the article changelist with each query twice; prints the second
(the first warms the process, e.g. the vocabulary). The page counts its matches up to 2,000,
draws its date hierarchy and lists 50 rows of every status.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ["zebra", "methamphetamine seizure Mekong", "Interpol Bangkok", "ASEANAPOL", "UNODC",
           "ma tuy", "ตำรวจ"]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # (the test client's host and response context)
    users = get_user_model().objects
    admin = users.filter(is_superuser=True).first() or users.create_superuser(
        "benchadmin", "benchadmin@example.org", None
    )
    client = Client()
    client.force_login(admin)
    results = {}
    for text in QUERIES:
        for _ in range(2):
            started = time.perf_counter()
            response = client.get("/admin/articles/article/", {"q": text}, HTTP_HOST="127.0.0.1")
            elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        results[text] = round(elapsed)
        print(f"{text:<34} {elapsed:9.0f} ms", flush=True)
    print(json.dumps({"admin_search_ms": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
