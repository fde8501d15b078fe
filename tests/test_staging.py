"""Uploads waiting between a preview and its confirmation: in the staging storage (shared by
every app server), refused and removed once expired."""

import datetime

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles import staging
from articles.models import Article

from .test_import_seeds import STORY

pytestmark = pytest.mark.django_db
RAW = "admin:articles_article_import_raw"


def _preview(client, chief) -> str:
    client.force_login(chief)
    upload = [SimpleUploadedFile("story.txt", STORY.encode(), "text/plain")]
    preview = client.post(reverse(RAW), {"files": upload})
    return preview.context["confirm_form"].initial["token"]


def test_a_preview_waits_in_the_staging_storage_and_is_gone_once_confirmed(client, chief):
    token = _preview(client, chief)
    store = storages["staging"]
    assert store.exists(f"{token}/0.bin") and store.exists(f"{token}/meta.json")
    client.post(reverse(RAW), {"token": token}, follow=True)
    assert Article.objects.count() == 1
    assert not store.exists(f"{token}/meta.json")


def test_another_server_with_the_same_storage_confirms_the_preview(client, chief, settings):
    """Nothing of the preview is kept in the process: a fresh storage object over the same
    place (another app server) finds it."""
    token = _preview(client, chief)
    storages._storages.pop("staging", None)  # as a process that never saw the upload
    response = client.post(reverse(RAW), {"token": token}, follow=True)
    assert "1 created" in response.content.decode()


def test_an_expired_preview_is_refused_and_removed(client, chief, settings, monkeypatch):
    token = _preview(client, chief)
    later = timezone.now() + datetime.timedelta(hours=settings.NEWSROOM_STAGED_UPLOAD_HOURS + 1)
    monkeypatch.setattr(staging.timezone, "now", lambda: later)
    response = client.post(reverse(RAW), {"token": token}, follow=True)
    assert "expired" in response.content.decode()
    assert Article.objects.count() == 0
    assert not storages["staging"].exists(f"{token}/meta.json")


def test_the_sweep_removes_only_expired_uploads(monkeypatch, settings):
    old = staging.stage([("a.txt", b"old")], {"name": "a.txt"})
    later = timezone.now() + datetime.timedelta(hours=settings.NEWSROOM_STAGED_UPLOAD_HOURS + 1)
    monkeypatch.setattr(staging.timezone, "now", lambda: later)
    fresh = staging.stage([("b.txt", b"new")], {"name": "b.txt"})  # staging sweeps first
    assert staging.meta(old) is None and not storages["staging"].exists(f"{old}/0.bin")
    assert staging.meta(fresh)["name"] == "b.txt"
    call_command("sweep_staged_uploads")
    assert staging.meta(fresh) is not None


@pytest.mark.parametrize("token", ["", "../../etc", "a/b", "x" * 200])
def test_a_forged_token_finds_nothing(token):
    assert staging.meta(token) is None
    staging.discard(token)  # and removes nothing
