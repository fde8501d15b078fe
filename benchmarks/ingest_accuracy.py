"""Accuracy of the raw importer on the labelled corpus of real captures (tests/corpus/).

    .venv/bin/python benchmarks/ingest_accuracy.py [--misses] [--split dev|holdout|fresh|all]

Runs the importer's pure parser on every capture with the vocabularies of a freshly migrated
scratch database, compares with the labels a person wrote, and prints per field and per
language right / total; tags as precision and recall; dates the importer invented; clutter
lines left in the body and report lines lost from it.

The corpus is split by id: every third capture (number divisible by 3) is *held out* — the
importer's rules were not tuned by reading its misses — the rest is *dev*. Ids from 101 on are
the *fresh* set, found and labelled later by people who had not seen the importer (their
first score was taken before any rule looked at them). `--misses` lists the misses of the dev
split only, unless `--split holdout` or `--split fresh` asks for them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
LANGUAGES = ("th", "vi", "en", "id", "ms")
SCALARS = ("language", "headline", "outlet", "published_on", "event_date", "year_missing")
TAGS = ("topics", "countries", "agencies")
YEARLESS_FLAGS = {"date_without_year", "event_date_without_year", "yearless_date_seen"}
HEADLINE_FLAGS = {"headline_missing", "headline_truncated", "headline_unsure"}
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SPACE = re.compile(r"\s+")
# Each fresh set, from its first id: found and labelled by people who had not read the importer.
FRESH_SETS = (
    ("fresh13", 221), ("fresh12", 211), ("fresh11", 201), ("fresh10", 191), ("fresh9", 181),
    ("fresh8", 171), ("fresh7", 161), ("fresh6", 151), ("fresh5", 141), ("fresh4", 131),
    ("fresh3", 121), ("fresh2", 111), ("fresh", 101),
)  # fmt: skip
SPLITS = ("dev", "holdout", *reversed([name for name, _ in FRESH_SETS]))


def load_labels(corpus: Path = CORPUS) -> list[dict]:
    """Return every label, in id order."""
    labels = []
    for path in sorted((corpus / "labels").glob("*.json")):
        labels.extend(json.loads(path.read_text(encoding="utf-8")))
    return sorted(labels, key=lambda label: label["id"])


def split_of(label_id: str) -> str:
    """The fresh set an id falls in (by its number); of the rest, every third is held out."""
    number = int(label_id.rsplit("-", 1)[1])
    for name, first in FRESH_SETS:
        if number >= first:
            return name
    return "holdout" if number % 3 == 0 else "dev"


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "")
    return _SPACE.sub(" ", text).strip().casefold()


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _years_written(text: str) -> set[int]:
    """The Gregorian years a text states, in any of the forms the material uses."""
    text = text.translate(_THAI_DIGITS)
    years = set()
    for match in re.finditer(r"(?<!\d)(\d{4})(?!\d)", text):
        value = int(match.group(1))
        years.update({value, value - 543})
    for match in re.finditer(r"(?<!\d)(\d{2})(?!\d)", text):
        value = int(match.group(1))
        years.update({2000 + value, 2500 + value - 543})
    return years


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def __str__(self) -> str:
        return f"{self.right}/{self.total}" if self.total else "–"

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    """Scores per field, overall and per language, with the misses that explain them."""

    fields: dict[str, dict[str, Tally]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Tally))
    )
    tags: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counts))
    )
    invented: list[str] = field(default_factory=list)
    headline_bad_unflagged: list[str] = field(default_factory=list)
    clutter_total: int = 0
    clutter_left: int = 0
    report_lines: int = 0
    report_lost: int = 0
    misses: list[str] = field(default_factory=list)
    files: int = 0

    def tally(self, name: str, language: str, ok: bool) -> None:
        self.fields[name]["all"].add(ok)
        self.fields[name][language].add(ok)

    def rate(self, name: str) -> float:
        return self.fields[name]["all"].rate

    @property
    def clutter_removed(self) -> float:
        return 1 - self.clutter_left / self.clutter_total if self.clutter_total else 1.0


def _headline_right(label: dict, parsed) -> bool:
    forms = [label["headline"], *(label.get("headline_also") or [])]
    if label["headline"] is None:
        return not parsed.headline
    return _norm(parsed.headline) in {_norm(f) for f in forms if f}


def _outlet_right(label: dict, parsed) -> bool:
    expected = label["outlet"]
    got = parsed.outlet
    if expected is None:
        return got.source_slug is None and not got.name
    if got.source_slug:
        return got.source_slug == expected.get("slug")
    names = {_norm(expected.get("name")), _norm(expected.get("slug"))}
    if got.name:
        # A suggested name is right when it names the outlet: "GLO" for "Báo Gia Lai (GLO)",
        # "SENAYANPOST.com" for Senayanpost.
        found = re.sub(r"\W|(?:com|co|net|vn|id|my)$", "", _norm(got.name))
        compact = {re.sub(r"\W", "", n) for n in names if n}
        return len(found) >= 3 and any(found in n or n in found for n in compact if n)
    # Only a domain was found ("TEMPO.CO, Jakarta –"): right when it is the outlet's.
    compact = {re.sub(r"\W", "", n) for n in names if n}
    domain = re.sub(r"\W", "", (got.domain or "").casefold())
    return any(n and n in domain for n in compact)


def _event_right(label: dict, parsed, flags: set[str]) -> bool:
    start, end = _date(label["event_start"]), _date(label["event_end"])
    if start:
        # A one-day event may leave its end empty or repeat the start.
        return parsed.event_start == start and (parsed.event_end or start) == (end or start)
    if label["event_year_missing"]:
        # Either flag tells the editor the date has no year (a yearless dateline is read as
        # the publication date, "กทม. 2 ธ.ค.-").
        return parsed.event_start is None and bool(flags & YEARLESS_FLAGS)
    return parsed.event_start is None


def _published_right(label: dict, parsed, flags: set[str]) -> bool:
    expected = _date(label["published_on"])
    if expected:
        return parsed.published_on == expected
    if label["published_year_missing"]:
        return parsed.published_on is None and "date_without_year" in flags
    return parsed.published_on is None


# The page store puts " date 2025-11-03" before some captures' first line; the importer takes
# it as page metadata, so it is not part of the line the label calls report text.
_STORE_DATE = re.compile(r"^\s*date \d{4}-\d{2}(?:-\d{2})?\s*")


def _lines(text: str) -> list[str]:
    """The text's lines as the importer reads them (its normalisation: spaces, a no-break space
    the page stored as "Â"), without the store's date prefix, compared case-blind."""
    from articles.ingest.decode import normalise

    lines = normalise(text).splitlines()
    return [_norm(_STORE_DATE.sub("", line)) for line in lines if line.strip()]


def score_one(report: Report, label: dict, text: str, parsed) -> None:
    """Add one capture's comparison to the report."""
    lid, language = label["id"], label["language"]
    flags = {f.code for f in parsed.flags}
    report.files += 1

    def check(name: str, ok: bool, detail: str) -> None:
        report.tally(name, language, ok)
        if not ok:
            report.misses.append(f"{lid} {name}: {detail}")

    check("language", parsed.language == language, f"got {parsed.language!r}")
    headline_ok = _headline_right(label, parsed)
    check("headline", headline_ok, f"got {parsed.headline!r}, expected {label['headline']!r}")
    if not headline_ok and parsed.headline and not flags & HEADLINE_FLAGS:
        report.headline_bad_unflagged.append(lid)
    if label["outlet"] is not None:
        check(
            "outlet",
            _outlet_right(label, parsed),
            f"got {parsed.outlet.source_slug or parsed.outlet.name!r}, "
            f"expected {label['outlet'].get('slug')!r} ({label['outlet'].get('evidence')!r})",
        )
    if label["published_on"] or label["published_year_missing"]:
        check(
            "published_on",
            _published_right(label, parsed, flags),
            f"got {parsed.published_on}, expected {label['published_on']}"
            + (" (no year: flag)" if label["published_year_missing"] else ""),
        )
    if label["event_start"] or label["event_year_missing"]:
        check(
            "event_date",
            _event_right(label, parsed, flags),
            f"got {parsed.event_start}..{parsed.event_end}, expected "
            f"{label['event_start']}..{label['event_end']}"
            + (" (no year: flag)" if label["event_year_missing"] else ""),
        )
    if label["published_year_missing"] or label["event_year_missing"]:
        check("year_missing", bool(flags & YEARLESS_FLAGS), f"flags {sorted(flags)}")

    stated = {_date(label[k]) for k in ("published_on", "event_start", "event_end")} - {None}
    years = _years_written(text)
    for name in ("published_on", "updated_on", "event_start", "event_end"):
        value = getattr(parsed, name)
        if value and value not in stated and value.year not in years:
            report.invented.append(f"{lid} {name} {value}")

    for kind in TAGS:
        got = {s.key for s in getattr(parsed, kind)}
        want = set(label[kind])
        for bucket in ("all", language):
            counts = report.tags[kind][bucket]
            counts.tp += len(got & want)
            counts.fp += len(got - want)
            counts.fn += len(want - got)
        if got != want:
            report.misses.append(
                f"{lid} {kind}: extra {sorted(got - want)}, missing {sorted(want - got)}"
            )

    body_lines = set(_lines(parsed.body))
    body = _norm(parsed.body)
    clutter = {_norm(line) for line in label["clutter"]}
    report.clutter_total += len(clutter)
    left = sorted(line for line in clutter if line in body_lines)
    report.clutter_left += len(left)
    for line in left:
        report.misses.append(f"{lid} clutter left: {line[:70]!r}")
    # A label line may carry the store's date prefix, which _lines takes off the file's lines.
    skip = (
        {_norm(_STORE_DATE.sub("", line)) for line in [*label["clutter"], *label["metadata"]]}
        | clutter
        | {_norm(label["headline"])}
    )
    for line in _lines(text):
        if line in skip or len(line) < 3:
            continue
        report.report_lines += 1
        if line not in body:
            report.report_lost += 1
            report.misses.append(f"{lid} report line lost: {line[:70]!r}")


def evaluate(labels: list[dict], vocabulary, corpus: Path = CORPUS) -> Report:
    """Parse every labelled capture and score it."""
    from articles.ingest import parse_article

    report = Report()
    for label in labels:
        data = (corpus / f"{label['id']}.txt").read_bytes()
        parsed = parse_article(data, vocabulary=vocabulary)
        score_one(report, label, data.decode("utf-8"), parsed)
    return report


def print_report(report: Report, *, title: str) -> None:
    languages = [lang for lang in LANGUAGES if report.fields["language"][lang].total]
    print(f"\n## {title}: {report.files} captures\n")
    print("| field | all | " + " | ".join(languages) + " |")
    print("|---|---|" + "---|" * len(languages))
    for name in SCALARS:
        row = report.fields[name]
        cells = [f"{row['all']} ({row['all'].rate:.0%})"] + [str(row[lang]) for lang in languages]
        print(f"| {name} | " + " | ".join(cells) + " |")
    for kind in TAGS:
        counts = report.tags[kind]

        def cell(c: Counts) -> str:
            return f"P {c.precision:.0%} R {c.recall:.0%}" if c.tp + c.fp + c.fn else "–"

        cells = [cell(counts["all"])] + [cell(counts[lang]) for lang in languages]
        print(f"| {kind} | " + " | ".join(cells) + " |")
    print(
        f"\ninvented dates: {len(report.invented)}; wrong headlines not flagged: "
        f"{len(report.headline_bad_unflagged)}; clutter lines removed: "
        f"{report.clutter_total - report.clutter_left}/{report.clutter_total} "
        f"({report.clutter_removed:.0%}); report lines lost: "
        f"{report.report_lost}/{report.report_lines}"
    )
    for item in report.invented:
        print(f"   invented: {item}")


def scratch_vocabulary():
    """The vocabularies of a freshly migrated scratch SQLite database."""
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/accuracy.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from articles.vocabulary import load_vocabulary

    return load_vocabulary()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list what was missed")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    args = parser.parse_args()
    labels = load_labels()
    vocabulary = scratch_vocabulary()
    splits = SPLITS if args.split == "all" else (args.split,)
    print_report(evaluate(labels, vocabulary), title="All")
    for split in splits:
        chosen = [label for label in labels if split_of(label["id"]) == split]
        report = evaluate(chosen, vocabulary)
        print_report(report, title=f"Split {split}")
        if args.misses and (split == "dev" or args.split == split):
            print()
            for miss in report.misses:
                print("  ", miss)


if __name__ == "__main__":
    main()
