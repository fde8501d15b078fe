"""Throughput of the raw importer on generated article files (not copies of the seeds).

    .venv/bin/python benchmarks/ingest_bench.py --files 10000 [--database-url URL]

Builds N varied captures in Thai, Vietnamese and English from templates and the vocabulary
(headlines, datelines, Buddhist-era and Vietnamese dates, share bars, counters, related-story
blocks, sign-offs, reversed links), imports them end to end into a fresh database (reading files,
parsing, tagging, writing articles and tags) and prints files/s. PostgreSQL: pass a URL to a
server; a scratch database is created and dropped.
"""

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TH_MONTHS = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]
TH_FILLER = (
    "เจ้าหน้าที่ระบุว่าการดำเนินงานดังกล่าวเป็นไปตามนโยบายของรัฐบาล และจะมีการติดตามผลอย่างต่อเนื่อง "
    "โดยทั้งสองฝ่ายเห็นพ้องที่จะยกระดับความร่วมมือในระดับปฏิบัติการ เพื่อป้องกันและปราบปรามอาชญากรรมข้ามชาติ"
)
VI_FILLER = (
    "Hai bên nhất trí tăng cường hợp tác, trao đổi kinh nghiệm và phối hợp chặt chẽ trong công tác "
    "phòng, chống tội phạm xuyên quốc gia, góp phần bảo đảm an ninh, trật tự tại khu vực."
)
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
EN_FILLER = (
    "Officials said the cooperation would continue, with both sides agreeing to share case files, "
    "train investigators and coordinate operations against transnational criminal networks."
)


def make_file(rng: random.Random, n: int, topics, countries, agencies) -> str:
    language = rng.choice(["th", "th", "vi", "en"])
    _slug, words = rng.choice(topics[language])
    word = rng.choice(words)
    country = rng.choice(countries[language])
    agency = rng.choice(agencies[language])
    year = rng.randint(2005, 2025)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    paragraphs = rng.randint(3, 12)
    if language == "th":
        headline = f"{agency}ร่วมมือกับ{country} เรื่อง{word} ครั้งที่ {n}"
        lines = [rng.choice(["", "ข่าวในประเทศ » "]) + headline, ""]
        if rng.random() < 0.5:
            lines += [
                f"{day} {TH_MONTHS[month - 1]} {year + 543}",
                f"{rng.randint(1, 9999)}   0",
                "",
            ]
        lines += ["Spread the love", ""] if rng.random() < 0.3 else []
        first = f"กรุงเทพฯ {day} {TH_MONTHS[month - 1]} – " if rng.random() < 0.5 else "เมื่อวันที่ "
        short_be_year = str(year + 543)[-2:]
        first += f"{day} {TH_MONTHS[month - 1]}{short_be_year} {agency} หารือกับ{country} เรื่อง{word} "
        body = [first + TH_FILLER] + [f"{TH_FILLER} {word} {country}" for _ in range(paragraphs)]
        body[-1] += ".- สำนักข่าวไทย" if rng.random() < 0.5 else ""
        tail = ["", "ข่าวที่เกี่ยวข้อง", "", "ข่าวอื่นที่ไม่เกี่ยวข้องกับเรื่องนี้"]
    elif language == "vi":
        headline = f"{agency} và {country} hợp tác về {word} lần thứ {n}"
        lines = [f"Ảnh minh họa phiên họp {n}. |", headline]
        body = [
            f"Sáng {day}/{month}/{year}, tại Hà Nội, {agency} làm việc với {country} về {word}. "
            + VI_FILLER
        ]
        body += [f"{VI_FILLER} {word}." for _ in range(paragraphs)]
        tail = (
            [f"Xem thêm: {'lmth.' + str(n) + '-nit/nv.vog.nagnocob'}"]
            if rng.random() < 0.5
            else ["Tin liên quan", "Tin khác"]
        )
    else:
        headline = f"{agency} and {country} step up cooperation on {word} ({n})"
        lines = [
            headline,
            "",
            f"Posted on {day} {EN_MONTHS[month - 1]} {year}",
            "",
        ]
        body = [
            f"BANGKOK — {agency} met counterparts from {country} to discuss {word}. {EN_FILLER}"
        ]
        body += [f"{EN_FILLER} ({word})" for _ in range(paragraphs)]
        tail = ["", "Source: Bangkok Post", "", "Related stories", "Another story"]
    return "\n".join([*lines, "\n\n".join(body), *tail]) + "\n"


def generate(folder: Path, count: int, seed: int = 7) -> int:
    from articles.models import Agency, Country, Topic

    rng = random.Random(seed)
    topics = {
        lang: [(t.slug, getattr(t, f"keywords_{lang}")) for t in Topic.objects.all()]
        for lang in ("th", "vi", "en")
    }
    region = Country.objects.filter(
        code__in=[
            "TH",
            "VN",
            "KH",
            "LA",
            "MM",
            "MY",
            "CN",
            "KR",
            "JP",
            "US",
            "AU",
            "ID",
            "PH",
            "SG",
        ]
    )
    countries = {
        "th": [c.name_th for c in region],
        "vi": [c.name_vi for c in region],
        "en": [c.name_en for c in region],
    }
    agencies_qs = list(Agency.objects.all())
    agencies = {
        "th": [a.name_th for a in agencies_qs],
        "vi": [a.name_vi for a in agencies_qs],
        "en": [a.acronym for a in agencies_qs],
    }
    size = 0
    for n in range(count):
        data = make_file(rng, n, topics, countries, agencies).encode()
        size += len(data)
        (folder / f"{n:06d}.txt").write_bytes(data)
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument(
        "--database-url", default="", help="PostgreSQL server URL (default: SQLite)"
    )
    args = parser.parse_args()

    scratch = None
    if args.database_url.startswith("postgres"):
        import psycopg

        scratch = f"newsroom_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.database_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {scratch}")
        os.environ["DATABASE_URL"] = args.database_url.rsplit("/", 1)[0] + "/" + scratch
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ["DEBUG"] = "0"  # DEBUG keeps every query in memory: not what production runs
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    try:
        call_command("migrate", verbosity=0)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            size = generate(folder, args.files)
            from articles.importing import collect_files, import_raw_articles
            from articles.models import Article

            started = time.perf_counter()
            reports = import_raw_articles(files=collect_files([folder]))
            elapsed = time.perf_counter() - started
            statuses = {s: sum(r.status == s for r in reports) for s in {r.status for r in reports}}
            print(
                f"{connection.vendor}: {args.files} files ({size / args.files / 1024:.1f} KB avg) "
                f"in {elapsed:.1f} s = {args.files / elapsed:.0f} files/s; {statuses}; "
                f"{Article.objects.count()} articles, "
                f"{Article.topics.through.objects.count()} topic links"
            )
    finally:
        if scratch:
            connection.close()
            import psycopg

            with psycopg.connect(args.database_url, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {scratch}")


if __name__ == "__main__":
    main()
