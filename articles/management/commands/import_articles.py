"""Import a catalogue spreadsheet (CSV or XLSX) too big for a browser: all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.catalogue import SpreadsheetError, import_articles
from articles.management.progress import progress_bar

MAX_LISTED_ERRORS = 200


class Command(BaseCommand):
    help = (
        "Import articles from a .csv or .xlsx file with the export's columns. One bad row and "
        "nothing is written; every error is listed with its row and column."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
        parser.add_argument(
            "--max-size", type=int, default=None, help="size limit in bytes for this run"
        )

    def handle(self, *args, file, dry_run, max_size, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
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
            self.stdout.write(self.style.SUCCESS(f"Dry run, nothing written: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported: {summary}."))
