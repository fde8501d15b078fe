"""The one column contract of the catalogue's spreadsheets: the columns, which are text, dates and
lists, how lists are joined, and how a cell that a spreadsheet would run as a formula is escaped
(losslessly: an import restores it). The import, the export and the django-import-export
resources (`resources`) all take their columns from here."""

from __future__ import annotations

COLUMNS = (
    "slug", "headline", "headline_en", "language", "status", "source", "url", "published_on",
    "updated_on", "event_start", "event_end", "countries", "topics", "agencies", "summary",
    "summary_en", "body",
)  # fmt: skip
REQUIRED_COLUMNS = ("slug",)
TEXT_COLUMNS = ("headline", "headline_en", "summary", "summary_en", "body")
DATE_COLUMNS = ("published_on", "updated_on", "event_start", "event_end")
LIST_COLUMNS = ("countries", "topics", "agencies")
SCALARS = (
    "headline", "headline_en", "language", "status", "source_id", "url", *DATE_COLUMNS,
    "summary", "summary_en", "body",
)  # fmt: skip
# What the preview shows of a new row (the headline heads it).
NEW_ROW_COLUMNS = (
    "headline_en", "language", "status", "source", "published_on", "event_start", "countries",
    "topics", "agencies",
)  # fmt: skip
LIST_SEPARATOR = "|"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_ESCAPED = (*FORMULA_START, "'")


def escape_formula(value: str) -> str:
    """Make a cell that a spreadsheet would read as a formula into plain text (reversibly).

    A leading apostrophe marks text in Excel and LibreOffice; a value that already starts with
    one gets another, so unescape_formula can always tell the two apart.
    """
    return "'" + value if value.startswith(_ESCAPED) else value


def unescape_formula(value: str) -> str:
    """Undo escape_formula on import so an export → import round trip is lossless."""
    return value[1:] if value.startswith("'") and value[1:].startswith(_ESCAPED) else value
