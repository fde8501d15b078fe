"""The importer on the labelled corpus of real captures: each field stays at or above its floor.

The floors sit a little under what `benchmarks/ingest_accuracy.py` measures today (its table is
in docs/benchmarks.md), so a change that makes a field worse on real input fails here; raise
them when the importer gets better.
"""

import pytest

from articles.vocabulary import load_vocabulary
from benchmarks.ingest_accuracy import evaluate, load_labels

# On all 577 captures: the first 98 (dev and held-out) and the thirteen fresh sets (36, 32, 32,
# eight of 38, 37, 38). Each fresh set lowered some floors when it came in — the outlet floor
# with the fifth, the event and topic floors with the sixth, the outlet, agency and clutter
# floors with the seventh, most floors with the eighth to the thirteenth: their new sites name
# themselves, date and dress their pages in new ways (docs/benchmarks.md has each set's blind
# score). The topic recall floor went down with the rule that arrest words alone make a joint
# operation only where two countries' forces act: precision rose three points, recall fell one.
FLOORS = {
    "language": 0.99,
    "headline": 0.97,
    "outlet": 0.81,
    "published_on": 0.96,
    "event_date": 0.84,
    "year_missing": 0.92,
}
TAG_FLOORS = {  # (precision, recall)
    "topics": (0.78, 0.85),
    "countries": (0.90, 0.96),
    "agencies": (0.95, 0.90),
}


_REPORTS = {}


@pytest.fixture
def report(db):
    """The corpus scored once per run (parsing 274 captures takes a second or two)."""
    if "report" not in _REPORTS:
        _REPORTS["report"] = evaluate(load_labels(), load_vocabulary())
    return _REPORTS["report"]


def test_the_corpus_is_large_and_varied():
    labels = load_labels()
    languages = [label["language"] for label in labels]
    assert len(labels) >= 80
    assert languages.count("th") >= 25 and languages.count("vi") >= 25
    assert languages.count("en") >= 15
    assert languages.count("id") + languages.count("ms") >= 10
    outlets = {label["url"].split("/")[2].removeprefix("www.") for label in labels}
    assert len(outlets) >= 25


@pytest.mark.parametrize("field", FLOORS)
def test_field_floor(report, field):
    assert report.rate(field) >= FLOORS[field], report.fields[field]["all"]


@pytest.mark.parametrize("kind", TAG_FLOORS)
def test_tag_floor(report, kind):
    counts = report.tags[kind]["all"]
    precision, recall = TAG_FLOORS[kind]
    assert counts.precision >= precision
    assert counts.recall >= recall


def test_no_date_is_invented(report):
    assert report.invented == []


def test_clutter_goes_and_the_report_stays(report):
    assert report.clutter_removed >= 0.87
    assert report.report_lost <= 1  # th-225: a standfirst-like first line taken for the headline
