"""An import killed half-way (SIGKILL, power cut) leaves nothing half-written and can be rerun."""

import csv
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
ROWS = 12_000

pytestmark = pytest.mark.slow  # kills real processes mid-import


@pytest.fixture
def scratch_database(tmp_path):
    """A migrated database of its own (same engine as the suite), for a separate process."""
    if connection.vendor == "postgresql":
        import psycopg

        params = connection.settings_dict
        server = (
            f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
        )
        name = f"newsroom_kill_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        url = f"{server}/{name}"
    else:
        url = f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.dev",
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    yield env
    if connection.vendor == "postgresql":
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _count(env) -> int:
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from articles.models import Article; print(Article.objects.count())"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return int(out.stdout.strip().splitlines()[-1])


def test_a_killed_spreadsheet_import_writes_nothing_and_reruns(scratch_database, tmp_path):
    path = tmp_path / "catalogue.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["slug", "headline", "topics", "countries", "body"])
        for n in range(ROWS):
            writer.writerow([f"row-{n}", f"ข่าวที่ {n}", "meeting", "TH|VN", "เนื้อหา " * 300])
    command = [
        sys.executable,
        "manage.py",
        "import_articles",
        str(path),
        "--max-size",
        "10000000000",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=scratch_database, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    # Kill it once it is into the file (it reports each chunk of rows), well before the end.
    started = time.monotonic()
    while process.poll() is None and time.monotonic() - started < 120:
        if b"rows checked" in process.stderr.readline():
            break
    assert process.poll() is None, "the import finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _count(scratch_database) == 0

    rerun = subprocess.run(command, cwd=ROOT, env=scratch_database, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"{ROWS} created" in rerun.stdout
    assert _count(scratch_database) == ROWS
