"""Uploads that wait between an import's preview and its confirmation.

They are kept through Django's storage API (the "staging" storage of settings.STORAGES), not in
one machine's /tmp: with a shared folder or an object store behind it, the confirmation can
reach another app server than the preview did. Each upload is a folder named by an unguessable
token — the files and a `meta.json` with when it was staged — and expires after
NEWSROOM_STAGED_UPLOAD_HOURS: an expired one is refused as gone and removed by `sweep()` (run
on every new upload, and by `manage.py sweep_staged_uploads`).
"""

from __future__ import annotations

import datetime
import json
import re
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, storages
from django.utils import timezone

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def storage() -> Storage:
    return storages["staging"]


def expiry() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.NEWSROOM_STAGED_UPLOAD_HOURS)


def stage(files: Iterable[tuple[str, File | bytes]], meta: dict) -> str:
    """Keep these (name, content) files and `meta` under a new token; return the token."""
    sweep()
    token = secrets.token_urlsafe(24)
    store = storage()
    for number, (_name, content) in enumerate(files):
        content = ContentFile(content) if isinstance(content, bytes) else content
        store.save(f"{token}/{number}.bin", content)
    staged = {**meta, "staged_at": timezone.now().isoformat()}
    store.save(f"{token}/meta.json", ContentFile(json.dumps(staged).encode()))
    return token


def meta(token: str) -> dict | None:
    """What was staged under `token`, or None when it is unknown, malformed or expired."""
    if not _TOKEN.match(token or ""):
        return None
    store = storage()
    try:
        with store.open(f"{token}/meta.json", "rb") as handle:
            staged = json.loads(handle.read())
    except (FileNotFoundError, OSError, ValueError):
        return None
    staged_at = datetime.datetime.fromisoformat(staged["staged_at"])
    if timezone.now() - staged_at > expiry():
        discard(token)
        return None
    return staged


def open_file(token: str, number: int) -> File | None:
    """The `number`th staged file (binary, to be closed by the caller), or None when absent."""
    name = f"{token}/{number}.bin"
    store = storage()
    return store.open(name, "rb") if store.exists(name) else None


def discard(token: str) -> None:
    """Remove everything staged under `token` (nothing when it is not a token)."""
    if not _TOKEN.match(token or ""):
        return
    store = storage()
    try:
        _folders, names = store.listdir(token)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in names:
        store.delete(f"{token}/{name}")
    _remove_empty_folder(store, token)


def sweep() -> int:
    """Remove every expired upload; return how many."""
    store = storage()
    try:
        folders, _names = store.listdir("")
    except FileNotFoundError:
        return 0
    removed = 0
    for token in folders:
        name = f"{token}/meta.json"
        if _TOKEN.match(token) and store.exists(name) and meta(token) is None:
            removed += not store.exists(name)  # (meta() removes what has expired)
    return removed


def _remove_empty_folder(store: Storage, token: str) -> None:
    # Object stores have no folders; a file-system store leaves an empty directory behind.
    path = getattr(store, "path", None)
    if path is None:
        return
    try:
        import os

        os.rmdir(path(token))
    except (OSError, NotImplementedError):
        pass
