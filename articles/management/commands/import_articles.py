"""Import a catalogue spreadsheet (CSV or XLSX) too big for a browser: all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.management.progress import progress_bar
from articles.spreadsheets import (
    RowOutcome,
    SpreadsheetError,
    import_articles,
    shown_change,
    shown_text,
)

MAX_LISTED_ERRORS = 200
WIDTH = 70  # characters of a long text shown per changed cell


def describe(outcome: RowOutcome, file: str) -> list[str]:
    """The preview of one row as lines: the article, then each changed cell old → new."""
    headline = shown_text(outcome.headline or None, width=WIDTH)
    lines = [f"{file}, row {outcome.row}, {outcome.slug} {headline}: {outcome.status}"]
    for cell in outcome.cells:
        if outcome.status == "updated":
            lines.append(f"    {cell.column}: {shown_change(cell, width=WIDTH)}")
        else:
            lines.append(f"    {cell.column}: {shown_text(cell.new, width=WIDTH)}")
    return lines


class Command(BaseCommand):
    help = (
        "Import articles from a .csv or .xlsx file with the export's columns. One bad row and "
        "nothing is written; every error is listed with its row and column. A dry run lists "
        "every row it would create or change, with each changed cell old → new."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check, list what would change, write nothing"
        )
        parser.add_argument(
            "--max-size", type=int, default=None, help="size limit in bytes for this run"
        )

    def handle(self, *args, file, dry_run, max_size, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        listing: list[str] = []
        try:
            with (
                path.open("rb") as handle,
                progress_bar("rows checked", unit="row") as progress,
                progress_bar("search index", unit="article") as index_progress,
            ):
                report = import_articles(
                    handle,
                    name=path.name,
                    dry_run=dry_run,
                    max_bytes=max_size,
                    progress=progress,
                    index_progress=index_progress,
                    on_row=(lambda row: listing.extend(describe(row, path.name)))
                    if dry_run
                    else None,
                )
        except SpreadsheetError as error:
            raise CommandError(str(error)) from None
        for error in report.errors[:MAX_LISTED_ERRORS]:
            self.stdout.write(self.style.ERROR(f"{path.name}, {error}"))
        if len(report.errors) > MAX_LISTED_ERRORS:
            self.stdout.write(f"… and {len(report.errors) - MAX_LISTED_ERRORS} more errors")
        summary = (
            f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
            f"{len(report.errors)} errors"
        )
        if report.errors:
            raise CommandError(f"Nothing was written. {summary}.")
        if dry_run:
            for line in listing:
                self.stdout.write(line)
            self.stdout.write(self.style.SUCCESS(f"Dry run, nothing written: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported: {summary}."))
