"""Bad input on every import path: a clear reason, naming the file, and the database unchanged.

The database is compared table by table (row count and a digest of every row) before and after.
"""

import hashlib
import io
import zipfile

import openpyxl
import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.importing import RawFile, collect_files, import_raw_articles
from articles.spreadsheets import SpreadsheetError, import_articles

from .factories import ReadyArticleFactory
from .test_import_seeds import STORY

pytestmark = pytest.mark.django_db

GOOD_CSV = "slug,headline,topics\nok-one,ข่าวดี,meeting\n".encode()


def checksum() -> dict[str, tuple[int, str]]:
    """Every table of our app (articles, tags, history, vocabularies): rows and a digest."""
    state = {}
    models = list(apps.get_app_config("articles").get_models())
    models += [m.articles.through for m in (apps.get_model("articles", "Topic"),)]
    for model in apps.get_app_config("articles").get_models():
        for field in model._meta.many_to_many:
            models.append(field.remote_field.through)
    for model in set(models):
        rows = list(model.objects.order_by("pk").values_list())
        digest = hashlib.sha256(repr(rows).encode()).hexdigest()
        state[model._meta.db_table] = (len(rows), digest)
    return state


@pytest.fixture
def unchanged():
    """Assert the test leaves every table exactly as it found it."""
    ReadyArticleFactory(published=True, headline="มีอยู่แล้ว")
    before = checksum()
    yield
    assert checksum() == before


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _xlsx(rows, *, formula=None) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    if formula:
        book.active[formula[0]] = formula[1]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


RAW_CASES = {
    "empty": (b"", "empty"),
    "whitespace": (b" \n\t\n", "empty"),
    "binary": (bytes(range(256)) * 8, "binary"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "PDF"),
    "latin-1": ("Café crème, déjà vu, naïve résumé".encode("latin-1") * 3, "UTF-8"),
    "truncated utf-8": (STORY.encode()[:-1] + b"\xe0\xb8", "UTF-8"),
    "utf-16 without bom": (STORY.encode("utf-16-le"), "NUL"),
}


@pytest.mark.parametrize("case", RAW_CASES)
def test_raw_files(unchanged, case):
    data, reason = RAW_CASES[case]
    (report,) = import_raw_articles(files=[RawFile(f"{case}.txt", data=data)])
    assert report.status == "error"
    assert reason in report.error


def test_raw_file_over_the_size_limit(unchanged, tmp_path, settings):
    settings.NEWSROOM_MAX_IMPORT_FILE_BYTES = 1000
    big = tmp_path / "huge.txt"
    big.write_bytes(STORY.encode() * 10)
    (report,) = import_raw_articles(files=collect_files([big]))
    assert report.status == "error" and "limit" in report.error and "huge.txt" in report.file


@pytest.mark.parametrize(
    ("members", "reason"),
    [
        ({"../../etc/passwd.txt": STORY.encode()}, "unsafe path"),
        ({"/abs/story.txt": STORY.encode()}, "unsafe path"),
        ({"bomb.txt": b"0" * 1_500_000}, "zip bomb"),  # under the size limit, 1000:1
    ],
)
def test_raw_zips(unchanged, tmp_path, members, reason):
    archive = tmp_path / "batch.zip"
    archive.write_bytes(_zip(members))
    reports = import_raw_articles(files=collect_files([archive]))
    assert [r.status for r in reports] == ["error"]
    assert reason in reports[0].error and "batch.zip" in reports[0].file


def test_truncated_zip(unchanged, tmp_path):
    archive = tmp_path / "cut.zip"
    archive.write_bytes(_zip({"a.txt": STORY.encode(), "b.txt": STORY.encode()})[:60])
    (report,) = import_raw_articles(files=collect_files([archive]))
    assert report.status == "error" and "zip" in report.error


def _bomb_xlsx() -> bytes:
    """A real workbook whose sheet unpacks to a few hundred megabytes."""
    row = "<row>" + "".join(f'<c t="inlineStr"><is><t>{"x" * 40}</t></is></c>' for _ in range(20))
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData>'
        + (row + "</row>") * 150_000
        + "</sheetData></worksheet>"
    )
    good = zipfile.ZipFile(io.BytesIO(_xlsx([["slug"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in good.infolist():
            data = sheet.encode() if item.filename.endswith("sheet1.xml") else good.read(item)
            archive.writestr(item.filename, data)
    return out.getvalue()


SPREADSHEET_CASES = {
    "empty csv": (b"", "x.csv", "empty"),
    "binary as csv": (bytes(range(256)), "x.csv", "binary"),
    "xlsx named csv": (_xlsx([["slug"], ["a"]]), "x.csv", "binary"),
    "csv named xlsx": (GOOD_CSV, "x.xlsx", "not an XLSX"),
    "cut xlsx": (_xlsx([["slug"], ["a"]])[:300], "x.xlsx", "not a readable XLSX"),
    "latin-1 csv": ("slug,headline\nx,Café\n".encode("latin-1"), "x.csv", "UTF-8"),
    "missing column": (b"headline\nx\n", "x.csv", "missing required column"),
    "unknown column": (b"slug,colour\nx,red\n", "x.csv", "unknown column"),
    "wrong extension": (GOOD_CSV, "x.ods", ".csv or .xlsx"),
}


@pytest.mark.parametrize("case", SPREADSHEET_CASES)
def test_spreadsheets_refused_whole(unchanged, case):
    data, name, reason = SPREADSHEET_CASES[case]
    with pytest.raises(SpreadsheetError) as error:
        import_articles(io.BytesIO(data), name=name)
    assert str(error.value).startswith(name) and reason in str(error.value)


def test_spreadsheet_zip_bomb(unchanged, settings):
    settings.NEWSROOM_MAX_SPREADSHEET_BYTES = 5_000_000
    with pytest.raises(SpreadsheetError, match="zip bomb"):
        import_articles(io.BytesIO(_bomb_xlsx()), name="bomb.xlsx")


def test_spreadsheet_over_the_size_limit(unchanged, settings):
    settings.NEWSROOM_MAX_SPREADSHEET_BYTES = 50
    with pytest.raises(SpreadsheetError, match="over the 50-byte limit"):
        import_articles(io.BytesIO(GOOD_CSV * 3), name="big.csv")


SPREADSHEET_ROW_CASES = {
    "duplicate slug": (b"slug,headline\ndup,a\ndup,b\n", "x.csv", "also on row 2"),
    "truncated csv": (b'slug,headline,body\nok,a,b\ncut,b,"half a body', "x.csv", "CSV"),
    "short row": (b"slug,headline,body\nok,a\n", "x.csv", "cut short"),
    "formula cell": (_xlsx([["slug", "headline"], ["f", "x"]], formula=("B2", "=1+1")), "x.xlsx",
                     "formula"),
}  # fmt: skip


@pytest.mark.parametrize("case", SPREADSHEET_ROW_CASES)
def test_spreadsheet_rows_refused_with_nothing_written(unchanged, case):
    data, name, reason = SPREADSHEET_ROW_CASES[case]
    try:
        report = import_articles(io.BytesIO(data), name=name)
    except SpreadsheetError as error:
        assert reason in str(error)
    else:
        assert not report.applied
        assert any(reason in str(e) for e in report.errors)


def test_admin_uploads(unchanged, client, django_user_model):
    admin = django_user_model.objects.create_superuser("boss", "b@example.org", "pw")
    client.force_login(admin)
    raw = client.post(
        reverse("admin:articles_article_import_raw"),
        {"files": [SimpleUploadedFile("binary.txt", bytes(range(256)) * 4)]},
    )
    assert "binary" in raw.content.decode() and 'name="token"' not in raw.content.decode()
    sheet = client.post(
        reverse("admin:articles_article_import_catalogue"),
        {"file": SimpleUploadedFile("bad.xlsx", b"not a workbook")},
    )
    assert "bad.xlsx: this is not an XLSX workbook" in sheet.content.decode()
    dup = client.post(
        reverse("admin:articles_article_import_catalogue"),
        {"file": SimpleUploadedFile("dup.csv", b"slug,headline\nd,a\nd,b\n")},
    )
    assert "also on row 2" in dup.content.decode() and 'name="token"' not in dup.content.decode()


def test_the_checksum_notices_any_change():
    from articles.models import Article, Topic

    article = ReadyArticleFactory()
    before = checksum()
    Article.objects.filter(pk=article.pk).update(body="one more character!")
    assert checksum() != before
    before = checksum()
    article.topics.add(Topic.objects.get(slug="terrorism"))
    assert checksum() != before
