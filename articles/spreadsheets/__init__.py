"""The catalogue as a spreadsheet: fast, streaming, all-or-nothing CSV/XLSX import and export.

django-import-export saves row by row (about 8 queries a row) and its formula escaping drops the
`=`; this engine keeps the same columns as ArticleResource but reads and writes in batches with
every lookup cached once, streams both ways, escapes formulas losslessly and never evaluates a cell.

Modules, each with one job: `columns` (the one column contract: the columns, text, dates and
lists, formula escaping), `reading` (rows out of a CSV or XLSX upload), `cleaning` (cells into
an article's values, lookups with the closest spelling offered), `importing` (all or nothing,
with a dry run), `report` (what an import found, for the preview), `exporting` (CSV and XLSX
out, streamed; `xlsx` the streaming writer), `resources` (django-import-export resources for the
vocabularies, on the same columns). What the rest of the app uses is imported here.
"""

from .columns import COLUMNS, LIST_SEPARATOR, escape_formula, unescape_formula
from .exporting import csv_chunks, export_rows, write_csv, write_xlsx
from .importing import import_articles
from .report import (
    Cell,
    ImportReport,
    RowError,
    RowOutcome,
    SpreadsheetError,
    clipped_pair,
    shown_change,
    shown_text,
)

__all__ = [
    "COLUMNS",
    "LIST_SEPARATOR",
    "Cell",
    "ImportReport",
    "RowError",
    "RowOutcome",
    "SpreadsheetError",
    "clipped_pair",
    "csv_chunks",
    "escape_formula",
    "export_rows",
    "import_articles",
    "shown_change",
    "shown_text",
    "unescape_formula",
    "write_csv",
    "write_xlsx",
]
