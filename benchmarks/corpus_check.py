"""Check the corpus labels are well formed: python benchmarks/corpus_check.py [labels/*.json]."""

import datetime
import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
KEYS = {
    "id", "url", "language", "headline", "headline_also", "outlet", "wire", "published_on",
    "published_year_missing", "event_start", "event_end", "event_year_missing", "topics",
    "topic_evidence", "countries", "agencies", "new_agencies", "agencies_outside_vocabulary",
    "clutter", "metadata", "notes",
}  # fmt: skip
TOPICS = {
    "drug-trafficking", "human-trafficking", "online-scams", "cybercrime", "terrorism",
    "border-management", "illegal-migration", "wildlife-trafficking", "maritime-security",
    "money-laundering", "economic-crime", "information-sharing", "capacity-building",
    "agreement", "joint-operation", "meeting", "victim-support",
}  # fmt: skip


def problems(label: dict) -> list[str]:
    found = []
    missing = KEYS - label.keys()
    if missing:
        found.append(f"missing keys {sorted(missing)}")
    path = CORPUS / f"{label.get('id')}.txt"
    if not path.exists():
        return [*found, f"no file {path.name}"]
    lines = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    if label.get("headline") and label["headline"].strip() not in "\n".join(lines):
        found.append("headline is not in the file")
    for kind in ("clutter", "metadata"):
        for line in label.get(kind) or []:
            if line.strip() not in lines:
                found.append(f"{kind} line not a line of the file: {line[:60]!r}")
    for key in ("published_on", "event_start", "event_end"):
        if label.get(key):
            try:
                datetime.date.fromisoformat(label[key])
            except ValueError:
                found.append(f"{key} is not YYYY-MM-DD")
    unknown = set(label.get("topics") or []) - TOPICS
    if unknown:
        found.append(f"unknown topics {sorted(unknown)}")
    for code in label.get("countries") or []:
        if not re.fullmatch(r"[A-Z]{2}", code):
            found.append(f"country {code!r} is not ISO alpha-2")
    return found


def main(paths: list[str]) -> int:
    files = [Path(p) for p in paths] or sorted((CORPUS / "labels").glob("*.json"))
    bad = 0
    seen = set()
    for file in files:
        for label in json.loads(file.read_text(encoding="utf-8")):
            if label.get("id") in seen:
                print(f"{file.name}: duplicate id {label.get('id')}")
                bad += 1
            seen.add(label.get("id"))
            for problem in problems(label):
                print(f"{file.name} {label.get('id')}: {problem}")
                bad += 1
    print(f"{len(seen)} labels, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
