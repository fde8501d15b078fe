import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.urls import reverse

from .factories import ReadyArticleFactory, UserFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def _headers_ok(response):
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "http" not in policy  # no other host anywhere in the policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_security_headers_on_public_pages_feeds_and_errors(client):
    article = ReadyArticleFactory(published=True)
    for url in ("/en/", article.get_absolute_url(), "/en/feeds/rss/", "/en/cooperation/",
                "/sitemap.xml", "/en/no-such-page/"):  # fmt: skip
        _headers_ok(client.get(url))


def test_security_headers_in_the_admin(client, chief):
    _headers_ok(client.get(reverse("admin:login")))
    client.force_login(chief)
    article = ReadyArticleFactory()
    for url in (reverse("admin:index"), reverse("admin:articles_article_changelist"),
                reverse("admin:articles_article_change", args=[article.pk]),
                reverse("admin:articles_article_import_raw")):  # fmt: skip
        _headers_ok(client.get(url))


def test_login_is_locked_after_repeated_failures(client, settings):
    UserFactory(username="target")  # password "pw"
    login = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login, {"username": "target", "password": "wrong"})
        assert response.status_code == 200  # the ordinary "wrong password" form
    response = client.post(login, {"username": "target", "password": "wrong"})
    assert response.status_code == 429
    # Locked out: even the right password is refused now, with a clear page.
    response = client.post(login, {"username": "target", "password": "pw"})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    # Another person is not locked out by it.
    UserFactory(username="colleague")
    assert client.post(login, {"username": "colleague", "password": "pw"}).status_code == 302


def test_password_validators_are_on():
    for weak in ("12345678", "password", "abc"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("a-Long-and-unusual-passphrase-2026")


def _prod(*args, **env):
    base = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS")}
    base.update(DJANGO_SETTINGS_MODULE="newsroom.settings.prod", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=base, capture_output=True, text=True
    )


def test_production_settings_pass_check_deploy():
    result = _prod(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="k" * 20 + "-production-secret-with-enough-entropy-0123456789",
        ALLOWED_HOSTS="news.example.org", DATABASE_URL="sqlite:////tmp/prod-check.sqlite3",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_its_settings(missing):
    env = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "news.example.org",
           "DATABASE_URL": "sqlite:////tmp/prod-check.sqlite3"}  # fmt: skip
    env.pop(missing)
    if missing == "DATABASE_URL":
        env["DATABASE_URL"] = ""
    result = _prod("check", **env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_database_down_gives_a_friendly_503_and_recovers(client, monkeypatch):
    from articles import views

    ReadyArticleFactory(published=True)
    original = views.ArticleListView.get_queryset

    def unreachable(self):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr(views.ArticleListView, "get_queryset", unreachable)
    response = client.get("/th/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = response.content.decode()
    assert "Newsroom" in text and "Connection refused" not in text and "Traceback" not in text
    monkeypatch.setattr(views.ArticleListView, "get_queryset", original)
    assert client.get("/th/").status_code == 200
