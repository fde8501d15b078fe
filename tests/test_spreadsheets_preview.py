"""The spreadsheet import's dry run: what the data desk sees before anything is saved (issue 18)."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import admin_spreadsheets
from articles.models import Agency, Article, Topic
from articles.spreadsheets import Cell, import_articles, write_csv

from .factories import ArticleFactory, SourceFactory, UserFactory, catalogue_csv

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:articles_article_import_catalogue")
LONG_BODY = "ย่อหน้าแรกของข่าว " * 30 + "\n\nSecond paragraph, the end of the story."


@pytest.fixture
def stored():
    """One article as the desk exported it: source, dates, topics, countries, an agency."""
    article = ArticleFactory(
        slug="joint-patrol",
        headline="ลาดตระเวนร่วมไทย-ลาว",
        headline_en="Joint patrol on the Mekong",
        source=SourceFactory(name="Bangkok Desk"),
        event_start=datetime.date(2022, 3, 1),
        event_end=datetime.date(2022, 3, 5),
        body="Short body.",
    )
    article.topics.add(*Topic.objects.filter(slug__in=["drug-trafficking", "meeting"]))
    article.countries.add("TH", "LA")
    article.agencies.add(Agency.objects.get(acronym="RTP"))
    return article


def _exported() -> list[dict]:
    handle = io.BytesIO()
    write_csv(Article.objects.order_by("slug"), handle)
    return list(csv.DictReader(io.StringIO(handle.getvalue().decode("utf-8-sig"))))


def _upload(client, data: bytes, name="desk.csv"):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(IMPORT_URL, {"file": upload})


def _edited(stored_row: dict) -> dict:
    return {
        **stored_row,
        "headline_en": "Joint patrol on the Mekong river",
        "event_end": "2022-03-06",
        "topics": "meeting|cybercrime",
        "agencies": "",
        "body": LONG_BODY,
    }


def test_each_changed_cell_is_reported_old_to_new_as_a_person_reads_it(stored):
    (row,) = _exported()
    report = import_articles(
        io.BytesIO(catalogue_csv([_edited(row)])), name="desk.csv", dry_run=True, preview_rows=10
    )
    (outcome,) = report.updated_rows
    assert (outcome.row, outcome.slug, outcome.headline) == (2, "joint-patrol", stored.headline)
    assert outcome.cells == (
        Cell("headline_en", "Joint patrol on the Mekong", "Joint patrol on the Mekong river"),
        Cell("event_end", datetime.date(2022, 3, 5), datetime.date(2022, 3, 6)),
        Cell(
            "topics",
            ("Drug trafficking", "Meetings and dialogues"),
            ("Cybercrime", "Meetings and dialogues"),
        ),
        Cell("agencies", ("RTP",), None),
        Cell("body", "Short body.", LONG_BODY),
    )
    stored.refresh_from_db()
    assert stored.headline_en == "Joint patrol on the Mekong"  # a dry run writes nothing


def test_the_preview_page_shows_headline_and_old_to_new_with_long_text_clipped(desk_client, stored):
    (row,) = _exported()
    page = _upload(desk_client, catalogue_csv([_edited(row)])).content.decode()
    assert "0 new, 1 updated, 0 unchanged, 0 errors" in page
    assert stored.headline in page and "joint-patrol" in page
    assert "Joint patrol on the Mekong river" in page
    assert "Drug trafficking, Meetings and dialogues" in page
    assert "Cybercrime, Meetings and dialogues" in page
    assert "March 5, 2022" in page and "March 6, 2022" in page  # dates as dates
    # The long body is clipped, its whole text one click away (<details>, no script).
    assert "<details" in page and "Second paragraph, the end of the story." in page
    assert "<script" not in page.split('id="content-main"')[1]
    assert 'style="' not in page


def test_new_rows_show_their_key_fields_and_unchanged_rows_are_only_counted(desk_client, stored):
    SourceFactory(name="Hanoi Daily")
    ArticleFactory(slug="untouched-one")
    rows = _exported()
    rows.append(
        {"slug": "fresh-report", "headline": "Tin mới về ma túy", "language": "vi",
         "source": "Hanoi Daily", "published_on": "2023-05-29", "topics": "drug-trafficking",
         "countries": "VN|LA", "body": "Nội dung"}
    )  # fmt: skip
    response = _upload(desk_client, catalogue_csv(rows))
    page = response.content.decode()
    assert "1 new, 0 updated, 2 unchanged, 0 errors" in page
    assert "2 rows are unchanged and not listed." in page
    assert "untouched-one" not in page and "joint-patrol" not in page
    (new,) = response.context["new_rows"]
    assert new["headline"] == "Tin mới về ma túy"
    shown = {cell["column"]: cell["new"]["text"] for cell in new["cells"]}
    assert shown == {
        "language": "Vietnamese",
        "status": "draft",
        "source": "Hanoi Daily",
        "published_on": "May 29, 2023",
        "countries": "Laos, Vietnam",
        "topics": "Drug trafficking",
    }
    assert "Laos, Vietnam" in page


def test_a_large_file_lists_a_bounded_number_of_rows_with_bounded_queries(desk_client, monkeypatch):
    monkeypatch.setattr(admin_spreadsheets, "PREVIEW_ROWS", 5)
    source = SourceFactory(name="Bangkok Desk")

    def preview(count: int):
        Article.objects.all().delete()
        for n in range(count):
            ArticleFactory(slug=f"story-{n:03d}", source=source).topics.add(
                Topic.objects.get(slug="meeting")
            )
        rows = [{**row, "headline_en": row["headline_en"] + " (revised)"} for row in _exported()]
        with CaptureQueriesContext(connection) as queries:
            response = _upload(desk_client, catalogue_csv(rows))
        return response, len(queries.captured_queries)

    _small, small_queries = preview(3)  # fewer than the cap: every row listed
    large, large_queries = preview(120)
    assert len(large.context["updated_rows"]) == 5
    page = large.content.decode()
    assert "… and 115 more changed articles, not listed here" in page
    assert page.count('class="row-number"') == 5
    assert large_queries == small_queries, (small_queries, large_queries)


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        ("topics", "drugz", "unknown topic “drugz”; did you mean “drug-trafficking”"),
        ("topics", "Human trafficking", "did you mean “human-trafficking” (Human trafficking)?"),
        ("countries", "Thailand", "unknown country code “THAILAND”; did you mean “TH” (Thailand)?"),
        ("agencies", "Royal Thai Police", "did you mean “RTP” (Royal Thai Police)?"),
        ("source", "Bangkok Dsek", "unknown source “Bangkok Dsek”; did you mean “Bangkok Desk”?"),
    ],
)  # fmt: skip
def test_an_unknown_name_suggests_the_closest_existing_ones(stored, column, cell, message):
    report = import_articles(
        io.BytesIO(catalogue_csv([{"slug": "x", column: cell}])), name="desk.csv"
    )
    (error,) = report.errors
    assert (error.row, error.column) == (2, column)
    assert message in str(error)


def test_nothing_close_gets_no_guess():
    report = import_articles(
        io.BytesIO(catalogue_csv([{"slug": "x", "topics": "zzqx"}])), name="a.csv"
    )
    assert str(report.errors[0]) == "row 2, column “topics”: unknown topic “zzqx”"


def test_the_command_s_dry_run_prints_every_change_and_the_same_errors(stored, tmp_path):
    (row,) = _exported()
    path = tmp_path / "desk.csv"
    path.write_bytes(catalogue_csv([_edited(row), {"slug": "brand-new", "headline": "ใหม่"}]))
    out = io.StringIO()
    call_command("import_articles", str(path), "--dry-run", stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert f"desk.csv, row 2, joint-patrol “{stored.headline}”: updated" in text
    assert (
        "    headline_en: “Joint patrol on the Mekong” → “Joint patrol on the Mekong river”" in text
    )
    assert "    event_end: 2022-03-05 → 2022-03-06" in text
    assert "    agencies: RTP → (empty)" in text
    assert "desk.csv, row 3, brand-new “ใหม่”: new" in text
    assert "Dry run, nothing written: 1 created, 1 updated, 0 unchanged, 0 errors." in text
    assert Article.objects.count() == 1

    path.write_bytes(catalogue_csv([{"slug": "x", "topics": "drugz"}]))
    out = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was written"):
        call_command("import_articles", str(path), stdout=out, stderr=io.StringIO())
    assert (
        "desk.csv, row 2, column “topics”: unknown topic “drugz”; "
        "did you mean “drug-trafficking” (Drug trafficking)?"
    ) in out.getvalue()


def test_a_publisher_s_spreadsheet_cannot_publish_an_archived_article(client, stored):
    chief = UserFactory(username="chief-desk")
    chief.groups.add(*Group.objects.filter(name__in=["Data desk", "Chief editor"]))
    assert chief.has_perm("articles.publish_article")
    Article.objects.filter(pk=stored.pk).update(status="archived")
    client.force_login(chief)
    (row,) = _exported()
    page = _upload(client, catalogue_csv([{**row, "status": "published"}])).content.decode()
    assert "row 2, column “status”: an article cannot go from archived to published" in page
    assert 'name="token"' not in page
    stored.refresh_from_db()
    assert stored.status == "archived"
