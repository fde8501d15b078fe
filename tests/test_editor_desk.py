"""The editor's desk: recorded decisions applied through the services, flags settled by the
fields they are about, history that starts with the import."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles import services
from articles.models import Article

from .admin_forms import post_change_form
from .factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed_site():
    out = io.StringIO()
    call_command("import_seeds", str(SEEDS), stdout=out)
    call_command(
        "apply_editor_decisions", str(SEEDS / "editor_decisions.json"), publish=True, stdout=out
    )
    return out.getvalue()


def test_make_run_leaves_a_living_site_and_an_honest_draft():
    _seed_site()
    published = Article.objects.published()
    assert published.count() == 4
    assert all(a.headline and a.headline_en and a.source_id for a in published)
    waiting = Article.objects.get(status=Article.Status.DRAFT)
    # The yearless dateline is both the publication day and the event's: both wait for the desk.
    assert [f["code"] for f in waiting.flags] == ["date_without_year", "event_date_without_year"]
    assert waiting.published_on is None and waiting.event_start is None  # not invented


def test_history_shows_the_import_then_the_editor():
    _seed_site()
    article = Article.objects.get(headline__startswith="Đối thoại cấp cao")
    entries = list(article.history.order_by("history_date"))
    assert (entries[0].history_type, entries[0].history_change_reason) == ("+", "raw import")
    assert entries[0].headline == ""  # the importer found no headline; the editor wrote it
    assert entries[1].history_user.username == "desk-editor"
    assert entries[-1].history_change_reason == "draft → published"


def test_the_imports_first_version_holds_the_tags_it_gave():
    """So the first edit's comparison does not show every tag as added by the editor."""
    call_command("import_seeds", str(SEEDS), stdout=io.StringIO())
    tagged = 0
    for article in Article.objects.all():
        first = article.history.get()
        assert first.history_change_reason == "raw import"
        for relation, column in (("topics", "topic_id"), ("countries", "country_id")):
            recorded = set(getattr(first, relation).values_list(column, flat=True))
            assert recorded == set(getattr(article, relation).values_list("pk", flat=True))
            tagged += len(recorded)
    assert tagged


def test_decisions_applied_twice_change_nothing_more():
    _seed_site()
    versions = dict(Article.objects.values_list("pk", "version"))
    _seed_site()
    assert dict(Article.objects.values_list("pk", "version")) == versions


def test_filling_the_field_resolves_its_flag_in_the_admin(client, chief):
    source = SourceFactory()
    article = ArticleFactory(
        flags=[
            {"code": "outlet_missing", "message": "The text does not say which outlet."},
            {"code": "date_without_year", "message": "17 February without a year."},
        ],
        source=None,
    )
    client.force_login(chief)
    post_change_form(client, article, source=source.pk)
    assert [f["code"] for f in article.flags] == ["date_without_year"]
    resolved = article.import_details["resolved_flags"][-1]
    assert resolved["by"] == chief.username
    assert resolved["flags"][0]["code"] == "outlet_missing"


def test_the_admin_loads_the_sites_fonts_and_both_have_a_favicon(client, chief):
    client.force_login(chief)
    admin_page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "articles/admin-fonts.css" in admin_page
    assert "articles/favicon.svg" in admin_page
    assert "articles/favicon.svg" in client.get("/en/").content.decode()


def test_a_long_edit_note_fits_the_history(chief):
    article = ArticleFactory()
    services.edit_article(article=article, changes={"headline_en": "New"}, by=chief, note="x" * 300)
    reason = article.history.latest("history_date").history_change_reason
    assert len(reason) == 100 and reason.endswith("…")
