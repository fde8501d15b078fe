"""Import raw article files (files, folders of .txt, .zip archives) as draft articles."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.importing import (
    CREATED,
    ERROR,
    UNCHANGED,
    UPDATED,
    collect_files,
    import_raw_articles,
)


class Command(BaseCommand):
    help = (
        "Import raw news captures as draft articles. Re-running is safe: unchanged files create "
        "nothing, changed files update their draft except fields an editor has edited."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, folders (their .txt files) or .zip")
        parser.add_argument(
            "--publish", action="store_true", help="publish the articles that have no flags"
        )
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument("--json", action="store_true", help="print one JSON array")

    def handle(self, *args, paths, publish, dry_run, json: bool, **options):
        files = list(collect_files(paths))
        if not files:
            raise CommandError("No files found in " + ", ".join(paths))
        bar = None
        if not json:
            bar = tqdm(total=len(files), unit="file", file=sys.stderr, disable=len(files) < 50)
        reports = import_raw_articles(
            files=files,
            publish=publish,
            dry_run=dry_run,
            progress=(lambda report: bar.update()) if bar else None,
        )
        if bar:
            bar.close()
        if json:
            self.stdout.write(_dumps([r.as_json() for r in reports]))
        else:
            self._summary(reports, dry_run=dry_run, publish=publish)
        if any(r.status == ERROR for r in reports):
            raise CommandError(f"{sum(r.status == ERROR for r in reports)} file(s) failed.")

    def _summary(self, reports, *, dry_run: bool, publish: bool) -> None:
        for r in reports:
            if r.status == ERROR:
                self.stdout.write(self.style.ERROR(f"error      {r.file}: {r.error}"))
                continue
            line = f"{r.status:<10} {r.file}"
            if r.parsed:
                line += f"  [{r.parsed.language}] {r.parsed.headline[:70] or '(no headline)'}"
            self.stdout.write(line)
            if r.parsed and r.parsed.flags and r.status != UNCHANGED:
                for flag in r.parsed.flags:
                    self.stdout.write(self.style.WARNING(f"{'':11}! {flag.message}"))
            if r.not_published_because:
                reasons = "; ".join(r.not_published_because)
                self.stdout.write(self.style.WARNING(f"{'':11}not published: {reasons}"))
        counts = {
            s: sum(r.status == s for r in reports) for s in (CREATED, UPDATED, UNCHANGED, ERROR)
        }
        summary = ", ".join(f"{n} {s}" for s, n in counts.items())
        if publish:
            summary += f", {sum(r.published for r in reports)} published"
        if dry_run:
            summary = "Dry run, nothing written: " + summary
        self.stdout.write(self.style.SUCCESS(summary + "."))


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
