"""gunicorn with production settings on loopback, for the load and throughput benchmarks."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment `make serve` needs, for a local run without TLS."""
    return {
        **os.environ, "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.prod", "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0", **extra,
    }  # fmt: skip


@contextmanager
def gunicorn(env: dict[str, str], *, port: int, workers: int) -> Iterator[str]:
    """Serve the project; yield its base URL once /healthz answers; stop it afterwards."""
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "newsroom.wsgi", "--bind",
         f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "60"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=5)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit(f"gunicorn did not answer on {base}")
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
