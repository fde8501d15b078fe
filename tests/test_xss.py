"""Hostile text in every field stays inert everywhere it is shown."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles import search
from articles.models import Article, Topic

from .factories import ReadyArticleFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>"\'><svg onload=alert(2)>'
DANGEROUS = ("<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>")


@pytest.fixture
def hostile():
    source = SourceFactory(
        name=f"Outlet {PAYLOAD}", slug="hostile-outlet", homepage="https://x.example"
    )
    topic = Topic.objects.get(slug="meeting")
    topic.name_en = f"Meetings {PAYLOAD}"
    topic.description = PAYLOAD
    topic.save()
    article = ReadyArticleFactory(
        published=True,
        headline=f"ข่าว {PAYLOAD}",
        headline_en=f"News {PAYLOAD}",
        summary=PAYLOAD,
        summary_en=PAYLOAD,
        body=f"{PAYLOAD}\n\n{PAYLOAD}",
        url="https://x.example/a?b=<script>",
        source=source,
        raw_text=PAYLOAD,
        flags=[{"code": "x", "message": PAYLOAD}],
        import_details={"removed": [{"reason": PAYLOAD, "text": PAYLOAD}]},
    )
    article.topics.set([topic])
    article.countries.set(["TH", "VN"])
    search.index_articles([article.pk])
    return article


def _inert(page: str):
    for marker in DANGEROUS:
        assert marker not in page, marker


def test_public_pages_feeds_and_overview(client, hostile):
    for url in (
        "/en/", "/en/?q=News", "/en/?q=alert+onerror", hostile.get_absolute_url(),
        "/en/topics/meeting/",
        "/en/sources/hostile-outlet/", "/en/cooperation/", "/en/cooperation/TH-VN/",
        "/en/feeds/rss/", "/en/feeds/atom/", "/sitemap.xml",
    ):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        _inert(response.content.decode())


def test_admin_pages(client, hostile):
    chief = UserFactory(username="xss-chief")
    chief.groups.add(Group.objects.get(name="Chief editor"))
    client.force_login(chief)
    for url in (
        reverse("admin:index"),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[hostile.pk]),
        reverse("admin:articles_article_history", args=[hostile.pk]),
        reverse("admin:articles_source_changelist"),
        reverse("admin:articles_topic_changelist"),
        reverse("articles:preview", args=[hostile.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        _inert(response.content.decode())


def test_exports_are_files_not_pages(client, hostile):
    desk = UserFactory(username="xss-desk")
    desk.groups.add(Group.objects.get(name="Data desk"))
    client.force_login(desk)
    response = client.get(reverse("admin:articles_article_export", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert PAYLOAD.replace('"', '""') in body  # kept verbatim, as data
    assert Article.objects.count() == 1
