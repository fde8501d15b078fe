"""Round trips through a real LibreOffice: what the data desk actually does with our files."""

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from articles.models import Article
from articles.spreadsheets import import_articles, write_csv, write_xlsx

from .test_spreadsheets import catalogue  # noqa: F401  (fixture)

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui",
    ),
]
CSV_UTF8 = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"


def _resave(path: Path, tmp_path: Path, target: str) -> Path:
    """Open a file in LibreOffice and save it again, as a person would."""
    out = tmp_path / f"saved-by-libreoffice-{path.stem}"
    out.mkdir()
    command = [
        SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
        "--convert-to", CSV_UTF8 if target == "csv" else "xlsx", "--outdir", str(out), str(path),
    ]  # fmt: skip
    if path.suffix == ".csv":
        command.insert(3, "--infilter=CSV:44,34,76,1")
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return out / f"{path.stem}.{target}"


def _import(path: Path, **kwargs):
    with path.open("rb") as handle:
        return import_articles(handle, name=path.name, **kwargs)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_file_saved_again_by_libreoffice_imports_unchanged(catalogue, tmp_path, fmt):  # noqa: F811
    article = catalogue[0]
    article.headline_en = "=1+1 is not a formula"
    article.save()
    exported = tmp_path / f"catalogue.{fmt}"
    with exported.open("wb") as handle:
        (write_xlsx if fmt == "xlsx" else write_csv)(Article.objects.all(), handle)
    report = _import(_resave(exported, tmp_path, fmt), dry_run=True)
    assert (report.created, report.updated, report.errors) == (0, 0, [])
    assert report.unchanged == len(catalogue)


def test_one_cell_changed_in_a_libreoffice_workbook_changes_only_that_field(catalogue, tmp_path):  # noqa: F811
    exported = tmp_path / "catalogue.xlsx"
    with exported.open("wb") as handle:
        write_xlsx(Article.objects.all(), handle)
    saved = _resave(exported, tmp_path, "xlsx")
    book = openpyxl.load_workbook(saved)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    slug = sheet.cell(row=2, column=1).value
    sheet.cell(row=2, column=header.index("summary") + 1, value="Tóm tắt mới — สรุปใหม่")
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    report = _import(_resave(edited, tmp_path, "xlsx"), preview_rows=10)
    assert report.errors == []
    assert [(r.slug, r.changed) for r in report.rows if r.status == "updated"] == [
        (slug, ("summary",))
    ]
    assert Article.objects.get(slug=slug).summary == "Tóm tắt mới — สรุปใหม่"
