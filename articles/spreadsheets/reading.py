"""Rows out of an uploaded CSV or XLSX file, with a clear error naming the file, row and field
for a file that is not one."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from .columns import COLUMNS, REQUIRED_COLUMNS
from .report import SpreadsheetError

XLSX_UNPACKED_FACTOR = 10  # XML compresses ~5-10x; a bomb compresses a thousandfold


def _format_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise SpreadsheetError(
            f"{name}: use a .csv or .xlsx file (got “{suffix or 'no extension'}”)"
        )
    return suffix[1:]


def open_table(handle, *, name: str, max_bytes: int | None = None):
    """Return (header, rows) where rows yields (row number, {column: cell}) lazily.

    Refuses, naming the file: a size over the limit, content that is not what the extension says,
    text that is not UTF-8, missing required or unknown columns, formula cells.
    """
    fmt = _format_of(name)
    limit = max_bytes if max_bytes is not None else settings.NEWSROOM_MAX_SPREADSHEET_BYTES
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    if size > limit:
        raise SpreadsheetError(f"{name}: {size:,} bytes is over the {limit:,}-byte limit")
    if size == 0:
        raise SpreadsheetError(f"{name}: the file is empty")
    head = handle.read(4096)
    handle.seek(0)
    is_zip = head.startswith(b"PK\x03\x04")
    if fmt == "xlsx":
        if not is_zip:
            raise SpreadsheetError(f"{name}: this is not an XLSX workbook (it is not a zip file)")
        header, rows = _xlsx_rows(handle, name)
    else:
        if is_zip or b"\x00" in head:
            raise SpreadsheetError(f"{name}: this is a binary file, not CSV text")
        header, rows = _csv_rows(handle, name)
    _check_header(header, name)
    return header, rows


def _check_header(header: list[str], name: str) -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    repeated = sorted({c for c in header if header.count(c) > 1})
    problems = []
    if missing:
        problems.append("missing required column(s): " + ", ".join(missing))
    if unknown:
        problems.append(
            "unknown column(s): "
            + ", ".join(f"“{c}”" for c in unknown)
            + " (expected: "
            + ", ".join(COLUMNS)
            + ")"
        )
    if repeated:
        problems.append("repeated column(s): " + ", ".join(repeated))
    if problems:
        raise SpreadsheetError(f"{name}: " + "; ".join(problems))


def _csv_rows(handle, name: str):
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    reader = csv.reader(text, strict=True)  # an unclosed quote (a cut file) is an error
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise SpreadsheetError(f"{name}: the file has no header row") from None
    except UnicodeDecodeError:
        raise SpreadsheetError(f"{name}: the header is not UTF-8 text; save as CSV UTF-8") from None

    def rows() -> Iterator[tuple[int, dict]]:
        number = 1
        try:
            for number, values in enumerate(reader, start=2):
                if not any(values):
                    continue
                if len(values) != len(header):
                    problem = f"{len(values)} cells where the header has {len(header)}"
                    if len(values) < len(header):
                        problem += " (is the file cut short?)"
                    yield number, {"__error__": problem}
                    continue
                yield number, dict(zip(header, values, strict=False))
        except UnicodeDecodeError:
            raise SpreadsheetError(
                f"{name}: text after row {number} is not UTF-8; save the file as CSV UTF-8"
            ) from None
        except csv.Error as error:
            raise SpreadsheetError(f"{name}: row {number + 1} is not valid CSV ({error})") from None
        finally:
            text.detach()  # leave the caller's file open

    return header, rows()


def _xlsx_rows(handle, name: str):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # A workbook is a zip: refuse one that would unpack to far more than its size allows.
        unpacked = sum(member.file_size for member in zipfile.ZipFile(handle).infolist())
        handle.seek(0)
        if unpacked > XLSX_UNPACKED_FACTOR * settings.NEWSROOM_MAX_SPREADSHEET_BYTES:
            raise SpreadsheetError(
                f"{name}: the workbook unpacks to {unpacked:,} bytes; that is a zip bomb, "
                "or far too big to import at once"
            )
        book = openpyxl.load_workbook(handle, read_only=True, data_only=False)
        sheet = book.worksheets[0]
        cells = sheet.iter_rows()
        header = [str(c.value).strip() if c.value is not None else "" for c in next(cells)]
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, IndexError, StopIteration):
        raise SpreadsheetError(f"{name}: this is not a readable XLSX workbook") from None
    while header and header[-1] == "":
        header.pop()

    def rows() -> Iterator[tuple[int, dict]]:
        for number, row in enumerate(cells, start=2):
            values = {}
            formula = None
            for column, cell in zip(header, row, strict=False):
                if cell.data_type == "f":
                    formula = column
                values[column] = cell.value
            if not any(v not in (None, "") for v in values.values()):
                continue
            if formula:
                yield (
                    number,
                    {
                        "__error__": f"column “{formula}” holds a formula; "
                        "formulas are not accepted, type the value"
                    },
                )
                continue
            yield number, values

    return header, rows()
