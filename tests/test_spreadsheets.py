import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Agency, Article, Country, Source, Topic
from articles.spreadsheets import (
    COLUMNS,
    SpreadsheetError,
    escape_formula,
    import_articles,
    unescape_formula,
    write_csv,
    write_xlsx,
)

from .factories import ArticleFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    source = SourceFactory(name="Bangkok Desk")
    articles = []
    for n in range(3):
        article = ArticleFactory(
            source=source,
            headline=f"ตำรวจไทยและเวียดนาม ครั้งที่ {n}",
            summary_en="Thai and Vietnamese police met.\nSecond line, with “quotes”, commas",
            body="Hội nghị về ma túy — nội dung dài\n\nย่อหน้าที่สอง",
            url=f"https://example.org/{n}",
            event_start=datetime.date(2022, 3, 1),
            event_end=datetime.date(2022, 3, 5),
        )
        article.topics.add(*Topic.objects.filter(slug__in=["drug-trafficking", "meeting"]))
        article.countries.add("TH", "VN")
        article.agencies.add(*Agency.objects.filter(acronym__in=["RTP", "MPS-VN"]))
        articles.append(article)
    return articles


def _csv_bytes(rows, header=COLUMNS):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _import(data: bytes, name="file.csv", **kwargs):
    return import_articles(io.BytesIO(data), name=name, **kwargs)


def _export(fmt="csv", queryset=None):
    handle = io.BytesIO()
    (write_csv if fmt == "csv" else write_xlsx)(queryset or Article.objects.all(), handle)
    return handle.getvalue()


def _snapshot():
    return {
        a.slug: (
            a.headline, a.headline_en, a.summary_en, a.body, a.source_id, a.url, a.event_start,
            a.event_end, a.status, sorted(a.topics.values_list("slug", flat=True)),
            sorted(a.countries.values_list("code", flat=True)),
        )
        for a in Article.objects.all()
    }  # fmt: skip


def test_csv_export_has_the_columns_in_order_and_a_bom(catalogue):
    data = _export("csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    row = dict(zip(COLUMNS, rows[1], strict=True))
    assert row["topics"] == "drug-trafficking|meeting"
    assert row["countries"] == "TH|VN"
    assert row["agencies"] == "MPS-VN|RTP"
    assert row["source"] == "Bangkok Desk"
    assert row["event_start"] == "2022-03-01"


@pytest.mark.parametrize(("fmt", "name"), [("csv", "a.csv"), ("xlsx", "a.xlsx")])
def test_export_then_import_reports_every_row_unchanged(catalogue, fmt, name):
    before = _snapshot()
    report = _import(_export(fmt), name=name)
    assert (report.created, report.updated, report.unchanged, report.errors) == (0, 0, 3, [])
    assert _snapshot() == before


def test_changing_one_cell_in_xlsx_changes_exactly_that_field(catalogue):
    book = openpyxl.load_workbook(io.BytesIO(_export("xlsx")))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    sheet.cell(row=3, column=header.index("headline_en") + 1, value="A new English headline")
    edited = io.BytesIO()
    book.save(edited)
    before = _snapshot()
    report = _import(edited.getvalue(), name="edited.xlsx", preview_rows=10)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    (changed,) = [r for r in report.rows if r.status == "updated"]
    assert changed.changed == ("headline_en",)
    after = _snapshot()
    slug = changed.slug
    assert after[slug][1] == "A new English headline"
    assert after[slug][:1] + after[slug][2:] == before[slug][:1] + before[slug][2:]
    assert {k: v for k, v in after.items() if k != slug} == {
        k: v for k, v in before.items() if k != slug
    }


def test_changing_a_tag_list_in_csv_changes_only_the_links(catalogue):
    rows = list(csv.reader(io.StringIO(_export("csv").decode("utf-8-sig"))))
    rows[1][COLUMNS.index("topics")] = "meeting|cybercrime"
    report = _import(_csv_bytes(rows[1:]), preview_rows=10)
    assert report.updated == 1
    article = Article.objects.get(slug=rows[1][0])
    assert sorted(article.topics.values_list("slug", flat=True)) == ["cybercrime", "meeting"]
    assert sorted(article.countries.values_list("code", flat=True)) == ["TH", "VN"]


def test_new_rows_are_created_with_their_tags():
    SourceFactory(name="Hanoi Daily")
    data = _csv_bytes(
        [["new-one", "Tin mới", "", "vi", "draft", "Hanoi Daily", "", "2023-05-29", "", "", "",
          "VN|LA", "meeting", "MPS-VN", "", "", "Nội dung"]]
    )  # fmt: skip
    report = _import(data)
    assert report.created == 1 and report.applied
    article = Article.objects.get(slug="new-one")
    assert article.source.name == "Hanoi Daily"
    assert sorted(article.countries.values_list("code", flat=True)) == ["LA", "VN"]


def test_one_bad_row_means_nothing_is_written_and_every_error_is_listed(catalogue):
    def row(**values):
        return [values.get(column, "") for column in COLUMNS]

    rows = [
        row(slug="ok-row", headline="Fine"),
        row(slug="bad-topic", topics="drugz"),
        row(slug="bad-source", source="Bangkok Psot"),
        row(slug="bad-date", published_on="3/1/2022", countries="XX", agencies="NOPE"),
        row(slug="ok-row", headline="duplicate"),
    ]
    report = _import(_csv_bytes(rows))
    assert not report.applied
    assert not Article.objects.filter(slug="ok-row").exists()
    messages = [str(e) for e in report.errors]
    assert (
        "row 3, column “topics”: unknown topic “drugz”; "
        "did you mean “drug-trafficking” (Drug trafficking)?"
    ) in messages
    assert (
        "row 4, column “source”: unknown source “Bangkok Psot”; did you mean “Bangkok Post”?"
        in (messages)
    )
    assert any("row 5, column “published_on”" in m and "YYYY-MM-DD" in m for m in messages)
    assert any("row 5, column “countries”" in m and "XX" in m for m in messages)
    assert any("row 5, column “agencies”" in m and "NOPE" in m for m in messages)
    assert any("row 6, column “slug”" in m and "row 2" in m for m in messages)


def test_publication_rules_apply_to_imported_rows():
    rows = [["no-date", "Headline", "", "th", "published", *[""] * 12]]
    report = _import(_csv_bytes(rows))
    columns = {e.column for e in report.errors}
    assert {"published_on", "headline_en", "source", "topics"} <= columns


def test_only_publishers_may_publish_through_an_import():
    desk = UserFactory(username="desk")
    desk.groups.add(Group.objects.get(name="Data desk"))
    rows = [["pub", "Headline", "Headline", "th", "published", "Reuters", "", "2024-01-01",
             "", "", "", "", "meeting", "", "", "", ""]]  # fmt: skip
    report = _import(_csv_bytes(rows), by=desk)
    assert any("only users who may publish" in str(e) for e in report.errors)
    assert _import(_csv_bytes(rows), by=None).created == 1
    assert Article.objects.published().filter(slug="pub").exists()


def _status_row(article, status):
    """The article's exported row with another status."""
    header, row = list(csv.reader(io.StringIO(_export(queryset=Article.objects.filter(
        pk=article.pk)).decode("utf-8-sig"))))  # fmt: skip
    row[header.index("status")] = status
    return _csv_bytes([row], header=header)


def test_an_archived_article_cannot_be_published_by_a_spreadsheet(catalogue):
    archived = catalogue[0]
    Article.objects.filter(pk=archived.pk).update(status="archived", headline_en="Meeting")
    report = _import(_status_row(archived, "published"), by=None)
    assert any("cannot go from" in str(e) and e.column == "status" for e in report.errors)
    archived.refresh_from_db()
    assert archived.status == "archived"
    assert _import(_status_row(archived, "draft"), by=None).updated == 1
    move = archived.status_changes.get()
    assert (move.from_status, move.to_status, move.note) == (
        "archived",
        "draft",
        "spreadsheet import",
    )


def test_the_data_desk_cannot_take_a_scheduled_article_back_to_draft(catalogue):
    desk = UserFactory(username="desk")
    desk.groups.add(Group.objects.get(name="Data desk"))
    scheduled = catalogue[1]
    Article.objects.filter(pk=scheduled.pk).update(
        status="scheduled",
        headline_en="Meeting",
        published_on=datetime.date(2022, 3, 1),
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    report = _import(_status_row(scheduled, "draft"), by=desk)
    assert any("only users who may publish" in str(e) for e in report.errors)
    scheduled.refresh_from_db()
    assert scheduled.status == "scheduled"


def test_formulas_are_escaped_on_export_and_restored_on_import(catalogue):
    article = catalogue[0]
    article.headline_en = '=HYPERLINK("http://evil.example","click")'
    article.summary = "+1 -2 @SUM(A1)"
    article.save()
    rows = list(csv.reader(io.StringIO(_export("csv").decode("utf-8-sig"))))
    row = dict(zip(COLUMNS, next(r for r in rows if r[0] == article.slug), strict=True))
    assert row["headline_en"].startswith("'=")
    assert row["summary"].startswith("'+")
    book = openpyxl.load_workbook(io.BytesIO(_export("xlsx")))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert all(not (isinstance(v, str) and v.startswith("=")) for v in values)
    assert _import(_export("csv")).unchanged == 3
    assert _import(_export("xlsx"), name="x.xlsx").unchanged == 3


def test_escape_is_reversible():
    for value in ["=1+1", "+x", "-5", "@a", "plain", "'quoted", "'=kept"]:
        assert unescape_formula(escape_formula(value)) == value


def test_formula_cells_in_an_uploaded_workbook_are_refused():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["slug", "headline"])
    sheet.append(["evil", "=1+1"])
    data = io.BytesIO()
    book.save(data)
    report = _import(data.getvalue(), name="f.xlsx")
    assert "formula" in str(report.errors[0])
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "a.csv", "empty"),
        (b"slug,headline\nx,y\n", "a.xlsx", "not an XLSX"),
        (b"PK\x03\x04rest-of-a-zip", "a.csv", "binary"),
        ("slug,headline\nx,Café\n".encode("latin-1"), "a.csv", "UTF-8"),
        (b"headline\nx\n", "a.csv", "missing required column(s): slug"),
        (b"slug,colour\nx,red\n", "a.csv", "unknown column(s): “colour”"),
        (b"slug\nx\n", "a.txt", ".csv or .xlsx"),
        (b"PK\x03\x04not really", "a.xlsx", "not a readable XLSX"),
    ],
)
def test_unreadable_files_are_refused_naming_the_file(data, name, reason):
    with pytest.raises(SpreadsheetError) as error:
        _import(data, name=name)
    assert str(error.value).startswith(name)
    assert reason in str(error.value)


def test_files_over_the_limit_are_refused(settings):
    settings.NEWSROOM_MAX_SPREADSHEET_BYTES = 100
    with pytest.raises(SpreadsheetError, match="over the 100-byte limit"):
        _import(_csv_bytes([["x" * 200]]))


def test_a_bom_or_none_is_accepted():
    plain = _csv_bytes([["a-slug", "ไทย"]], header=("slug", "headline"))
    assert _import(plain).created == 1
    assert _import(b"\xef\xbb\xbf" + plain).unchanged == 1


def test_import_runs_a_constant_number_of_queries_per_batch():
    def queries(n):
        rows = [[f"slug-{n}-{i}", "ข่าว", "", "th", "draft", "", "", "", "", "", "", "TH",
                 "meeting", "RTP", "", "", "body"] for i in range(n)]  # fmt: skip
        with CaptureQueriesContext(connection) as ctx:
            report = _import(_csv_bytes(rows))
        assert report.created == n
        return len(ctx.captured_queries)

    # Batches, not rows: 20× the rows costs a few more bulk statements, never one per row.
    small, large = queries(20), queries(400)
    assert large < small + 20, (small, large)


def test_export_runs_a_constant_number_of_queries_per_chunk(catalogue):
    with CaptureQueriesContext(connection) as small:
        _export()
    for _ in range(30):
        ArticleFactory().topics.add(Topic.objects.first())
    with CaptureQueriesContext(connection) as large:
        _export()
    assert len(large.captured_queries) == len(small.captured_queries)


# --- admin -------------------------------------------------------------------------------

CHANGELIST = reverse("admin:articles_article_changelist")


def test_admin_export_follows_the_changelist_filters(desk_client, catalogue):
    ArticleFactory(headline="ร่าง", slug="other-draft", status=Article.Status.DRAFT, language="vi")
    response = desk_client.get(
        reverse("admin:articles_article_export", args=["csv"]), {"language__exact": "vi"}
    )
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    slugs = [r[0] for r in csv.reader(io.StringIO(body))][1:]
    assert slugs == ["other-draft"]
    xlsx = desk_client.get(reverse("admin:articles_article_export", args=["xlsx"]))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    assert book.active.max_row == 1 + Article.objects.count()


def test_admin_import_previews_per_row_then_applies(desk_client, catalogue):
    rows = list(csv.reader(io.StringIO(_export("csv").decode("utf-8-sig"))))
    rows[1][COLUMNS.index("headline_en")] = "Changed"
    rows.append(["brand-new", "ใหม่", *[""] * 15])
    upload = io.BytesIO(_csv_bytes(rows[1:]))
    upload.name = "desk.csv"
    url = reverse("admin:articles_article_import_catalogue")
    preview = desk_client.post(url, {"file": upload})
    page = preview.content.decode()
    assert "1 new, 1 updated, 2 unchanged, 0 errors" in page
    assert "headline_en" in page
    assert not Article.objects.filter(slug="brand-new").exists()
    done = desk_client.post(url, {"token": preview.context["token"]}, follow=True)
    assert "1 created, 1 updated, 2 unchanged" in done.content.decode()
    assert Article.objects.filter(slug="brand-new").exists()


def test_admin_import_shows_errors_and_offers_no_confirm(desk_client):
    upload = io.BytesIO(
        _csv_bytes([["x", "h", "", "xx"]], header=("slug", "headline", "url", "language"))
    )
    upload.name = "bad.csv"
    page = desk_client.post(reverse("admin:articles_article_import_catalogue"), {"file": upload})
    text = page.content.decode()
    assert "row 2, column “language”" in text
    assert 'name="token"' not in text


def test_spreadsheet_views_need_the_data_desk_permissions(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:articles_article_import_catalogue")).status_code == 403
    assert client.get(reverse("admin:articles_article_export", args=["csv"])).status_code == 403
    page = client.get(CHANGELIST).content.decode()
    assert "Export CSV" not in page


def test_vocabulary_resources_round_trip_with_natural_keys():
    from articles.spreadsheets.resources import AgencyResource, SourceResource, TopicResource

    for resource, model in (
        (TopicResource, Topic),
        (AgencyResource, Agency),
        (SourceResource, Source),
    ):
        dataset = resource().export()
        result = resource().import_data(dataset, dry_run=True)
        assert not result.has_errors() and not result.has_validation_errors(), model
        assert result.totals["skip"] == model.objects.count()
    dataset = AgencyResource().export()
    dataset.append(["NEWPOL", "New Police", "", "", "", "ZZ"])
    result = AgencyResource().import_data(dataset, dry_run=True)
    assert result.has_validation_errors() or result.has_errors()
    assert not Country.objects.filter(code="ZZ").exists()


def test_xlsx_export_is_a_real_workbook_with_dates_and_thai_text(catalogue):
    article = catalogue[0]
    article.body = "ข้อความ\x07ที่มีอักขระควบคุม & <แท็ก>"
    article.save()
    book = openpyxl.load_workbook(io.BytesIO(_export("xlsx")))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert tuple(header) == COLUMNS
    assert sheet["A1"].font.b
    rows = {
        row[0]: dict(zip(COLUMNS, row, strict=False))
        for row in sheet.iter_rows(2, values_only=True)
    }
    row = rows[article.slug]
    assert row["event_start"] == datetime.datetime(2022, 3, 1)
    assert row["body"] == "ข้อความที่มีอักขระควบคุม & <แท็ก>"  # control characters are not XML
    assert row["countries"] == "TH|VN"


def test_spreadsheet_updates_are_versioned_in_the_history(catalogue):
    article = catalogue[0]
    before = article.history.count()
    rows = list(csv.reader(io.StringIO(_export("csv").decode("utf-8-sig"))))
    row = next(r for r in rows if r[0] == article.slug)
    row[COLUMNS.index("headline_en")] = "From the spreadsheet"
    assert _import(_csv_bytes([row])).updated == 1
    latest = article.history.latest()
    assert article.history.count() == before + 1
    assert latest.headline_en == "From the spreadsheet"
    assert latest.history_change_reason == "spreadsheet import"
    article.refresh_from_db()
    assert article.version == 2
