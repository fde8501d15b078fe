"""Field-by-field accuracy of the importer on the seeds (`import_seeds --dry-run --json`).

    .venv/bin/python benchmarks/seed_accuracy.py [--seeds DIR] [--truth FILE.json]

Scalar fields count as right when equal to the truth (null = the text does not say, so the
importer must leave it empty). Tag lists are scored by precision and recall over all files.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCALARS = [
    "language",
    "headline",
    "published_on",
    "updated_on",
    "event_start",
    "event_end",
    "source_slug",
]
LISTS = ["topics", "countries", "agencies"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    parser.add_argument("--truth", default=str(ROOT / "benchmarks" / "seed_truth.json"))
    args = parser.parse_args()
    truth = {
        k: v for k, v in json.loads(Path(args.truth).read_text()).items() if not k.startswith("_")
    }
    # A scratch database with the vocabularies, so that the result does not depend on yours.
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tempfile.mkdtemp()}/accuracy.sqlite3"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    out = subprocess.run(
        [sys.executable, "manage.py", "import_seeds", args.seeds, "--dry-run", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    rows = {Path(r["file"]).name: r for r in json.loads(out.stdout)}

    print(f"{'field':<14} right/total")
    for field in SCALARS:
        right = 0
        for name, expected in truth.items():
            row = rows[name]
            got = row["outlet"]["source_slug"] if field == "source_slug" else row[field]
            got = got or None
            ok = got == expected[field]
            right += ok
            if not ok:
                print(f"   miss {name} {field}: got {got!r}, expected {expected[field]!r}")
        print(f"{field:<14} {right}/{len(truth)}")
    for field in LISTS:
        tp = fp = fn = 0
        for name, expected in truth.items():
            got, want = set(rows[name][field]), set(expected[field])
            tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
            if got != want:
                print(
                    f"   {name} {field}: extra {sorted(got - want)}, missing {sorted(want - got)}"
                )
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(
            f"{field:<14} precision {precision:.2f}  recall {recall:.2f}  "
            f"({tp} right, {fp} extra, {fn} missing)"
        )
    flags = {name: [f["code"] for f in rows[name]["flags"]] for name in truth}
    print("flags:", json.dumps(flags, ensure_ascii=False))


if __name__ == "__main__":
    main()
