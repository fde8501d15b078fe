"""A spreadsheet import starts an article's history and adds a version for every change."""

import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Article
from articles.spreadsheets import import_articles

from .factories import SourceFactory, UserFactory, catalogue_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk():
    user = UserFactory(username="data-desk")
    user.groups.add(Group.objects.get(name="Data desk"))
    return user


ROW = {
    "slug": "mekong-patrol", "headline": "ลาดตระเวนแม่น้ำโขง", "headline_en": "Mekong patrol",
    "language": "th", "source": "Mekong Desk", "published_on": "2024-02-01",
    "topics": "meeting|drug-trafficking", "countries": "TH|LA", "agencies": "RTP",
    "body": "เนื้อหา",
}  # fmt: skip


def _import(rows, **kwargs):
    report = import_articles(io.BytesIO(catalogue_csv(rows)), name="desk.csv", **kwargs)
    assert report.errors == []
    return report


def test_a_created_article_s_history_starts_with_the_import_by_whom_with_its_tags(desk):
    SourceFactory(name="Mekong Desk")
    _import([ROW, {**ROW, "slug": "second", "headline": "อีกข่าว", "url": ""}], by=desk)
    article = Article.objects.get(slug="mekong-patrol")
    (first,) = article.history.all()
    assert (first.history_type, first.history_change_reason) == ("+", "spreadsheet import")
    assert first.history_user == desk
    assert (first.headline, first.body, first.source_id) == (
        "ลาดตระเวนแม่น้ำโขง",
        "เนื้อหา",
        article.source_id,
    )
    assert sorted(first.topics.values_list("topic__slug", flat=True)) == [
        "drug-trafficking",
        "meeting",
    ]
    assert sorted(first.countries.values_list("country_id", flat=True)) == ["LA", "TH"]
    assert list(first.agencies.values_list("agency__acronym", flat=True)) == ["RTP"]
    assert Article.objects.get(slug="second").history.get().history_user == desk


def test_an_update_adds_a_version_whose_diff_says_what_changed(desk):
    SourceFactory(name="Mekong Desk")
    _import([ROW], by=desk)
    _import(
        [{**ROW, "headline_en": "Mekong river patrol", "topics": "meeting|cybercrime"}], by=desk
    )
    article = Article.objects.get(slug="mekong-patrol")
    latest, first = article.history.all()[:2]
    assert (latest.history_type, latest.history_change_reason) == ("~", "spreadsheet import")
    assert latest.history_user == desk
    delta = latest.diff_against(first)
    assert sorted(delta.changed_fields) == ["headline_en", "topics"]
    (headline,) = [c for c in delta.changes if c.field == "headline_en"]
    assert (headline.old, headline.new) == ("Mekong patrol", "Mekong river patrol")
    # Unchanged rows add nothing.
    _import([{**ROW, "headline_en": "Mekong river patrol", "topics": "meeting|cybercrime"}])
    assert article.history.count() == 2


def test_the_history_page_shows_the_import_and_the_changed_tags(client, desk, admin_user):
    SourceFactory(name="Mekong Desk")
    _import([ROW], by=desk)
    _import([{**ROW, "topics": "meeting|cybercrime"}], by=desk)
    article = Article.objects.get(slug="mekong-patrol")
    client.force_login(admin_user)
    page = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    text = page.content.decode()
    assert text.count("spreadsheet import") == 2
    assert "Cybercrime" in text and "data-desk" in text


def test_a_dry_run_or_a_refused_file_leaves_no_history(desk):
    SourceFactory(name="Mekong Desk")
    history = Article.history.model
    import_articles(io.BytesIO(catalogue_csv([ROW])), name="desk.csv", dry_run=True, by=desk)
    bad = import_articles(
        io.BytesIO(catalogue_csv([ROW, {"slug": "bad", "topics": "nope"}])),
        name="desk.csv",
        by=desk,
    )
    assert bad.errors and not bad.applied
    assert not Article.objects.exists()
    assert not history.objects.exists()
    assert not history.topics.model.objects.exists()
