"""Export the catalogue to a CSV (UTF-8 with BOM) or XLSX file, streamed."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.models import Article
from articles.spreadsheets import write_csv, write_xlsx


class Command(BaseCommand):
    help = "Export articles to FILE (.csv or .xlsx), optionally only some statuses."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--status",
            action="append",
            choices=Article.Status.values,
            help="only these statuses (repeat for several); default: all",
        )

    def handle(self, *args, file, status, **options):
        path = Path(file)
        writer = {".csv": write_csv, ".xlsx": write_xlsx}.get(path.suffix.lower())
        if writer is None:
            raise CommandError(f"{file}: use a .csv or .xlsx file name")
        queryset = Article.objects.all()
        if status:
            queryset = queryset.filter(status__in=status)
        total = queryset.count()
        partial = path.with_name(path.name + ".partial")
        with (
            tqdm(total=total, unit="row", file=sys.stderr, disable=None) as bar,
            partial.open("wb") as handle,
        ):
            count = writer(queryset, handle, progress=bar.update)
        partial.replace(path)  # a killed export never leaves a half-written file behind
        self.stdout.write(self.style.SUCCESS(f"Exported {count} articles to {path}."))
