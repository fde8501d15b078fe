"""What an import found, row by row and cell by cell, and how the preview shows it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


class SpreadsheetError(ValueError):
    """The file as a whole cannot be imported; the message names the file and says why."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class Cell:
    """One column of a previewed row, as a person reads it: text, a date, a tuple of tag names
    (topics and countries by name, agencies by acronym), a source's name, or None for empty."""

    column: str
    old: object = None
    new: object = None


@dataclass
class RowOutcome:
    """A row that creates or changes an article, as the preview shows it."""

    row: int
    slug: str
    status: str  # new / updated
    headline: str = ""
    cells: tuple[Cell, ...] = ()  # updated: every changed column, old → new; new: key fields

    @property
    def changed(self) -> tuple[str, ...]:
        return tuple(cell.column for cell in self.cells) if self.status == "updated" else ()


@dataclass
class ImportReport:
    file: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)  # the first preview_rows of each kind
    applied: bool = False
    indexed: int = 0  # search documents written after the import
    touched: list[int] = field(default_factory=list)  # articles created or changed

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + len({e.row for e in self.errors})

    @property
    def updated_rows(self) -> list[RowOutcome]:
        return [row for row in self.rows if row.status == "updated"]

    @property
    def new_rows(self) -> list[RowOutcome]:
        return [row for row in self.rows if row.status == "new"]

    @property
    def updated_not_shown(self) -> int:
        return self.updated - len(self.updated_rows)

    @property
    def new_not_shown(self) -> int:
        return self.created - len(self.new_rows)


def clipped_pair(old: str, new: str, *, width: int) -> tuple[str, str]:
    """Old and new text on one line each, cut to about width characters around the place
    where they first differ (so that a changed last paragraph shows the change)."""
    old, new = " ".join(old.split()), " ".join(new.split())
    pairs = enumerate(zip(old, new, strict=False))
    same = next((i for i, (a, b) in pairs if a != b), min(len(old), len(new)))
    begin = max(0, same - width // 4) if max(len(old), len(new)) > width else 0

    def cut(text: str) -> str:
        if len(text) <= width and not begin:
            return text
        piece = text[begin : begin + width].strip()
        return ("…" if begin else "") + piece + ("…" if begin + width < len(text) else "")

    return cut(old), cut(new)


def shown_text(value, *, width: int = 0) -> str:
    """A previewed value (see Cell) on one line: dates as YYYY-MM-DD, tags comma-separated,
    long text clipped to width characters (0: whole)."""
    if value is None:
        return "(empty)"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(value)
    text = " ".join(str(value).split())
    if width:
        text = clipped_pair(text, text, width=width)[0]
    return f"“{text}”"


def shown_change(cell: Cell, *, width: int) -> str:
    """A changed cell as “old” → “new” on one line, long text cut where the two differ."""
    if isinstance(cell.old, str) and isinstance(cell.new, str):
        old, new = clipped_pair(cell.old, cell.new, width=width)
        return f"“{old}” → “{new}”"
    return f"{shown_text(cell.old, width=width)} → {shown_text(cell.new, width=width)}"
