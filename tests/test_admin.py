import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import search
from articles.models import Agency, Article, Country, Topic

from .admin_forms import post_change_form
from .factories import ArticleFactory, ReadyArticleFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def _action(client, action, articles):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [a.pk for a in articles]},
        follow=True,
    )


def test_admin_requires_login(client):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_staff_without_permission_cannot_see_articles(client):
    client.force_login(UserFactory(username="nobody"))
    assert client.get(CHANGELIST).status_code == 403


def test_publish_action_publishes_and_reports(client, chief):
    article = ReadyArticleFactory()
    client.force_login(chief)
    response = _action(client, "publish", [article])
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert "1 article published" in response.content.decode()


def test_publish_action_names_the_article_and_the_reason_it_was_refused(client, chief):
    article = ArticleFactory(headline="", headline_en="Nameless report", published_on=None)
    client.force_login(chief)
    page = _action(client, "publish", [article]).content.decode()
    assert "Nameless report" in page
    assert "no headline" in page
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_editor_is_not_offered_publish_actions(client, editor):
    article = ArticleFactory()
    client.force_login(editor)
    page = client.get(CHANGELIST).content.decode()
    assert 'value="send_for_review"' in page
    assert 'value="publish"' not in page
    _action(client, "publish", [article])
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_changelist_filters_and_search(client, chief):
    drug = Topic.objects.get(slug="drug-trafficking")
    match = ArticleFactory(headline_en="Meth seizure on the Mekong")
    match.topics.add(drug)
    ArticleFactory(headline_en="Unrelated")
    search.index_articles()  # (on commit, which a test transaction never reaches)
    client.force_login(chief)
    page = client.get(CHANGELIST, {"topics__id__exact": drug.pk}).content.decode()
    assert "Meth seizure" in page and "Unrelated" not in page
    page = client.get(CHANGELIST, {"q": "Mekong"}).content.decode()
    assert "Meth seizure" in page and "Unrelated" not in page
    page = client.get(CHANGELIST, {"flagged": "yes"}).content.decode()
    assert "Meth seizure" not in page


def test_editing_an_imported_field_is_remembered(client, chief):
    article = ArticleFactory(headline="เดิม", import_ref="text:abc")
    client.force_login(chief)
    post_change_form(client, article, headline="แก้ไขแล้ว", language="th")
    assert article.headline == "แก้ไขแล้ว"
    assert "headline" in article.edited_fields


def test_saving_an_untouched_body_keeps_it_and_does_not_mark_it_edited(client, chief):
    article = ArticleFactory(body="ย่อหน้าแรก\n\nย่อหน้าที่สอง", import_ref="text:abc")
    client.force_login(chief)
    # What a browser sends back for the untouched text area: CRLF line ends.
    post_change_form(client, article, body=article.body.replace("\n", "\r\n"), language="th")
    assert article.body == "ย่อหน้าแรก\n\nย่อหน้าที่สอง"
    assert "body" not in article.edited_fields


def _make_articles(n):
    source = SourceFactory()
    topics = list(Topic.objects.all()[:3])
    countries = list(Country.objects.filter(code__in=["TH", "VN", "KH"]))
    agencies = list(Agency.objects.all()[:3])
    for _ in range(n):
        article = ArticleFactory(source=source)
        article.topics.add(*topics)
        article.countries.add(*countries)
        article.agencies.add(*agencies)


def _changelist_queries(client, per_page):
    cache.clear()  # the filters' option lists are cached for a minute: count them being read
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(CHANGELIST, {"o": "1"} if per_page else {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_changelist_query_count_does_not_grow_with_page_size(client, chief, monkeypatch):
    from articles.admin import ArticleAdmin

    client.force_login(chief)
    _make_articles(10)
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 10)
    small = _changelist_queries(client, 10)
    _make_articles(90)
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 100)
    large = _changelist_queries(client, 100)
    assert large == small, f"{small} queries for 10 rows, {large} for 100"


def test_raw_upload_previews_then_imports_on_confirm(client, chief):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .test_import_seeds import STORY

    client.force_login(chief)
    url = reverse("admin:articles_article_import_raw")
    assert "Import raw articles" in client.get(CHANGELIST).content.decode()
    upload = [
        SimpleUploadedFile("story.txt", STORY.encode(), "text/plain"),
        SimpleUploadedFile("broken.txt", b"\x00\x01\x02binary", "text/plain"),
    ]
    preview = client.post(url, {"files": upload})
    page = preview.content.decode()
    assert "ตำรวจไทยและกัมพูชาร่วมกวาดล้างแก๊งคอลเซ็นเตอร์" in page
    assert "NUL bytes" in page
    assert Article.objects.count() == 0, "the preview must not write"

    token = preview.context["confirm_form"].initial["token"]
    response = client.post(url, {"token": token}, follow=True)
    assert "1 created" in response.content.decode()
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.created_by == chief

    again = client.post(url, {"token": token}, follow=True)
    assert "expired" in again.content.decode()
    assert Article.objects.count() == 1


def test_raw_upload_needs_add_permission(client):
    client.force_login(UserFactory(username="viewer"))
    assert client.get(reverse("admin:articles_article_import_raw")).status_code == 403
