"""The article's history as an editor reads it: old → new in words, flags by their message and
how each was settled, no entry for a save that changed nothing, the import first."""

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


def _history(client, article):
    response = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert response.status_code == 200
    return response


def _entries(response):
    """Each shown entry's changes as {label: (old, new)}, oldest first."""
    return [
        {change.label: (change.old, change.new) for change in record.readable.changes}
        for record in response.context["page_obj"]
    ]


def test_each_entry_lists_the_changed_fields_old_to_new_in_words(client, chief):
    old_source = SourceFactory(name="Mekong Daily")
    new_source = SourceFactory(name="Thai News Agency")
    article = ArticleFactory(source=old_source, language=Article.Language.THAI)
    client.force_login(chief)
    post_change_form(
        client, article, source=new_source.pk, language="vi", published_on="2024-02-17"
    )
    response = _history(client, article)
    *_, last = _entries(response)
    assert last == {
        "Language": ("Thai", "Vietnamese"),
        "Source": ("Mekong Daily", "Thai News Agency"),
        "Published on": ("May 29, 2023", "Feb. 17, 2024"),
    }
    page = response.content.decode()
    assert "Mekong Daily" in page and "→" in page
    assert "pk=" not in page and "Updated by" not in page  # bookkeeping is not a change


def test_a_save_that_changes_nothing_is_not_an_entry(client, chief):
    article = ArticleFactory()
    client.force_login(chief)
    post_change_form(client, article, headline_en="Changed once")
    shown = len(_entries(_history(client, article)))
    post_change_form(client, article)  # the form saved as it was
    assert len(_entries(_history(client, article))) == shown
    assert article.history.count() >= shown


def test_flags_read_as_their_messages_and_how_each_was_settled(client, chief):
    article = ArticleFactory(
        source=None,
        flags=[
            {"code": "outlet_missing", "message": "The text does not say which outlet."},
            {"code": "yearless_date_seen", "message": "A date without a year sits beside it."},
        ],
    )
    client.force_login(chief)
    post_change_form(
        client,
        article,
        source=SourceFactory(name="MCOT").pk,
        dismiss_yearless_date_seen="the dateline is the event's",
    )
    response = _history(client, article)
    record = list(response.context["page_obj"])[-1]
    (flags,) = [c for c in record.readable.changes if c.label == "Review flags"]
    assert (flags.old, flags.new) == ("2 open flags", "none")
    assert flags.notes == [
        "settled: “The text does not say which outlet.” — Source was filled in",
        "settled: “A date without a year sits beside it.” — dismissed: the dateline is the event's",
    ]
    assert '"code"' not in response.content.decode()  # no JSON


def test_status_moves_read_in_words(client, chief):
    from .factories import ReadyArticleFactory

    article = ReadyArticleFactory()
    services.publish_articles(articles=[article], by=chief)
    client.force_login(chief)
    *_, last = _entries(_history(client, article))
    assert last["Status"] == ("draft", "published")


def test_the_import_is_the_first_entry_and_its_tags_are_the_importers(client, chief):
    call_command("import_seeds", str(SEEDS), stdout=io.StringIO())
    call_command(
        "apply_editor_decisions",
        str(SEEDS / "editor_decisions.json"),
        publish=True,
        stdout=io.StringIO(),
    )
    draft = Article.objects.get(status=Article.Status.DRAFT)
    client.force_login(chief)
    response = _history(client, draft)
    records = list(response.context["page_obj"])
    assert records[0].history_type == "+" and records[0].readable.first
    assert "Imported" in response.content.decode()
    imported = _entries(response)[0]
    assert imported["Topics"][1]  # what the importer tagged, in its own entry
    assert "17 February" in " ".join(records[0].readable.changes[-1].notes)  # the flag raised
    # The desk editor wrote the English headline; the tags were not theirs.
    assert _entries(response)[1] == {
        "English headline": (
            "empty",
            "Thai police meet envoys of five countries to share information against "
            "call-centre gangs",
        )
    }
