"""Generate a realistic synthetic catalogue and load it, search index included.

    .venv/bin/python benchmarks/generate.py --articles 1000000 \
        --database-url postgres://root@127.0.0.1:5432/newsroom_1m
    .venv/bin/python benchmarks/generate.py --articles 100000 --database-url sqlite:///big.sqlite3

Creates the database (PostgreSQL) or file (SQLite) when missing and migrates it; an existing one
must be empty of articles unless --append. Articles are Thai (45%), Vietnamese (30%) and English
(25%) reports built from the real vocabulary — topic keywords, agency and country names in each
language — with bodies of 0.5–4 KB, 1–4 topics (a few topics are common, most rare), 1–3
countries (Thailand and Vietnam most), 0–3 agencies, dates over 20 years weighted towards recent
ones, ~500 outlets, and 5% not public (drafts, in review, archived, scheduled for later).

Worker processes build rows and analyse them for the search index (the bulk path: nlpo3 over
whole bodies, each run of Thai segmented once) while the main process streams them in: COPY on
PostgreSQL (indexes that back no constraint — the GIN ones included — dropped during the load
and rebuilt after; triggers and foreign-key checks off for the loading session), executemany on
SQLite. Same seed, same catalogue.
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHUNK = 2_000
START = datetime.date(2006, 11, 1)
END = datetime.date(2026, 11, 1)
NOW = datetime.datetime(2026, 11, 20, tzinfo=datetime.UTC)
LANGUAGES = ("th",) * 9 + ("vi",) * 6 + ("en",) * 5
COUNTRY_WEIGHTS = {
    "TH": 30, "VN": 25, "LA": 12, "KH": 12, "MM": 10, "MY": 8, "CN": 8, "ID": 5, "PH": 5,
    "SG": 4, "KR": 3, "JP": 3, "US": 3, "AU": 3, "IN": 2, "TW": 2, "HK": 2, "GB": 1, "DE": 1,
}  # fmt: skip
PLACES = [
    "Mekong", "Andaman", "Lanna", "Isan", "Saigon", "Hanoi", "Vientiane", "Phnom Penh",
    "Yangon", "Kuala Lumpur", "Bangkok", "Chiang Rai", "Da Nang", "Hue", "Can Tho", "Songkhla",
    "Mae Sot", "Nong Khai", "Pattaya", "Haiphong", "Luang Prabang", "Siem Reap", "Mandalay",
    "Penang", "Golden Triangle",
]  # fmt: skip
KINDS = ["Post", "Times", "Daily", "Herald", "Tribune", "News", "Online", "Today", "Express",
         "Review", "Observer", "Monitor", "Journal", "Wire", "Gazette", "Bulletin", "Voice",
         "Star", "Mirror", "Report"]  # fmt: skip
TH = {
    "filler": [
        "เจ้าหน้าที่ระบุว่าการดำเนินงานดังกล่าวเป็นไปตามนโยบายของรัฐบาล และจะมีการติดตามผลอย่างต่อเนื่อง",
        "ทั้งสองฝ่ายเห็นพ้องที่จะยกระดับความร่วมมือในระดับปฏิบัติการ เพื่อป้องกันและปราบปรามอาชญากรรมข้ามชาติ",
        "ที่ประชุมได้แลกเปลี่ยนข้อมูลข่าวกรองและประสบการณ์ในการสืบสวนคดีสำคัญ",
        "ผู้ต้องหาถูกนำตัวส่งพนักงานสอบสวนเพื่อดำเนินคดีตามกฎหมายต่อไป",
        "การตรวจค้นครั้งนี้เป็นผลจากการสืบสวนขยายผลเป็นเวลาหลายเดือน",
    ],
    "lead": [
        "{agency}ร่วมกับ{agency2}ปราบปราม{kw}ใน{country}",
        "เจ้าหน้าที่{country}จับกุมผู้ต้องหา {n} รายในคดี{kw}",
        "{agency}หารือความร่วมมือด้าน{kw}กับ{country}",
        "ตำรวจ{country}ยึดของกลางมูลค่า {n} ล้านบาทจากเครือข่าย{kw}",
    ],
}
VI = {
    "filler": [
        "Hai bên nhất trí tăng cường hợp tác, trao đổi kinh nghiệm và phối hợp chặt chẽ trong công tác phòng, chống tội phạm xuyên quốc gia.",  # noqa: E501
        "Lực lượng chức năng đang tiếp tục mở rộng điều tra, làm rõ các đối tượng liên quan.",
        "Đây là kết quả của quá trình trinh sát kéo dài nhiều tháng.",
        "Các đối tượng đã bị tạm giữ để phục vụ công tác điều tra theo quy định của pháp luật.",
        "Hội nghị đã thống nhất cơ chế chia sẻ thông tin giữa các cơ quan thực thi pháp luật.",
    ],
    "lead": [
        "{agency} phối hợp với {agency2} triệt phá đường dây {kw} tại {country}",
        "Bắt giữ {n} đối tượng liên quan đến {kw} ở {country}",
        "{agency} trao đổi kinh nghiệm về {kw} với {country}",
        "Thu giữ tang vật trị giá {n} tỷ đồng trong vụ {kw} tại {country}",
    ],
}  # fmt: skip
EN = {
    "filler": [
        "Officials said the cooperation would continue, with both sides agreeing to share case files, train investigators and coordinate operations.",  # noqa: E501
        "The suspects were handed to investigators and face charges under national law.",
        "The raid followed an investigation that lasted several months across two provinces.",
        "Delegates exchanged intelligence and discussed joint patrols along the border.",
        "Police said further arrests were expected as the network's finances were traced.",
    ],
    "lead": [
        "{agency} and {agency2} crack down on {kw} in {country}",
        "{country} police arrest {n} suspects in {kw} case",
        "{agency} discusses {kw} cooperation with {country}",
        "Goods worth {n} million seized from {kw} network in {country}",
    ],
}  # fmt: skip
TEMPLATES = {"th": TH, "vi": VI, "en": EN}
STATUSES = [("draft", 0.02), ("in_review", 0.01), ("archived", 0.01), ("scheduled", 0.01)]

_vocabulary: dict = {}


def _setup(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.dev")
    import django

    django.setup()


def _prepare_database(url: str) -> None:
    """Create a missing PostgreSQL database; migrate."""
    if url.startswith("postgres"):
        import psycopg

        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8 '
                             "LOCALE 'C.UTF-8'")  # fmt: skip
    import subprocess

    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0"}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)


def _load_vocabulary(sources_wanted: int) -> dict:
    from articles.models import Agency, Country, Source, Topic

    existing = Source.objects.count()
    rng = random.Random(7)
    names = [f"{p} {k}" for p in PLACES for k in KINDS]
    rng.shuffle(names)
    taken = set(Source.objects.values_list("name", flat=True))
    new = []
    for name in names:
        if existing + len(new) >= sources_wanted:
            break
        if name in taken:
            continue
        slug = name.lower().replace(" ", "-")
        new.append(Source(name=name, slug=slug, domains=[f"{slug}.example"], kind="media"))
    Source.objects.bulk_create(new)
    topics = list(Topic.objects.order_by("slug"))
    rng.shuffle(topics)
    countries = {c.code: c for c in Country.objects.filter(code__in=COUNTRY_WEIGHTS)}
    return {
        "sources": [
            (s.pk, s.name, (s.domains or [f"{s.slug}.example"])[0]) for s in Source.objects.all()
        ],
        # A few topics are common, most are rare (weights 1/rank).
        "topics": [
            (
                t.pk,
                t.slug,
                {"th": t.keywords_th, "vi": t.keywords_vi, "en": t.keywords_en},
                " ".join(filter(None, (t.name_en, t.name_th, t.name_vi))),
                1 / (i + 1),
            )
            for i, t in enumerate(topics)
        ],
        "countries": [
            (
                code,
                {"th": c.name_th, "vi": c.name_vi, "en": c.name_en},
                " ".join(filter(None, (c.name_en, c.name_th, c.name_vi))),
                COUNTRY_WEIGHTS[code],
            )
            for code, c in countries.items()
        ],
        "agencies": [
            (
                a.pk,
                {
                    "th": a.name_th or a.acronym,
                    "vi": a.name_vi or a.acronym,
                    "en": a.name_en or a.acronym,
                },
                " ".join(filter(None, (a.acronym, a.name_en, a.name_th, a.name_vi))),
            )
            for a in Agency.objects.all()
        ],
    }


def _pick(rng: random.Random, items: list, weights: list, k: int) -> list:
    chosen: dict = {}
    while len(chosen) < k:
        item = rng.choices(items, weights)[0]
        chosen[id(item)] = item
    return list(chosen.values())


def _article(rng: random.Random, article_id: int, vocabulary: dict):
    language = rng.choice(LANGUAGES)
    templates = TEMPLATES[language]
    topics = _pick(rng, vocabulary["topics"], [t[4] for t in vocabulary["topics"]],
                   rng.choice((1, 1, 2, 2, 3, 4)))  # fmt: skip
    countries = _pick(rng, vocabulary["countries"], [c[3] for c in vocabulary["countries"]],
                      rng.choice((1, 1, 2, 2, 3)))  # fmt: skip
    agencies = rng.sample(vocabulary["agencies"], rng.choice((0, 1, 1, 2, 3)))
    source = rng.choice(vocabulary["sources"])

    def sentence(template_list, lang=language):
        topic = rng.choice(topics)
        keywords = topic[2][lang] or topic[2]["en"] or [topic[1]]
        agency_pool = agencies or vocabulary["agencies"]
        return rng.choice(template_list).format(
            agency=rng.choice(agency_pool)[1][lang],
            agency2=rng.choice(vocabulary["agencies"])[1][lang],
            kw=rng.choice(keywords),
            country=rng.choice(countries)[1][lang],
            n=rng.randint(2, 900),
        )

    headline = sentence(templates["lead"])
    headline_en = headline if language == "en" else sentence(EN["lead"], "en")
    target = rng.randint(500, 4000)
    paragraphs, size, paragraph = [], 0, []
    while size < target:
        text = (
            sentence(templates["lead"]) if rng.random() < 0.35 else rng.choice(templates["filler"])
        )
        paragraph.append(text)
        size += len(text.encode()) + 1
        if len(paragraph) == 3:
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    body = "\n\n".join(paragraphs)
    span = (END - START).days
    published_on = START + datetime.timedelta(days=int(rng.triangular(0, span, span)))
    status, published_at = (
        "published",
        datetime.datetime.combine(
            published_on, datetime.time(rng.randint(0, 23), rng.randint(0, 59)), datetime.UTC
        ),
    )
    roll = rng.random()
    for name, share in STATUSES:
        if roll < share:
            status = name
            break
        roll -= share
    if status in ("draft", "in_review"):
        published_at = None
    elif status == "scheduled":
        published_at = NOW + datetime.timedelta(days=rng.randint(1, 60))
    summary_en = sentence(EN["lead"], "en") + "."
    slug = f"{language}-{article_id}-{topics[0][1]}"
    row = {
        "id": article_id, "slug": slug, "headline": headline, "headline_en": headline_en,
        "language": language, "status": status, "source_id": source[0],
        "url": f"https://{source[2]}/news/{article_id}", "published_on": published_on,
        "summary_en": summary_en, "body": body, "published_at": published_at,
    }  # fmt: skip
    tags = {
        "topics": [t[0] for t in topics],
        "countries": [c[0] for c in countries],
        "agencies": [a[0] for a in agencies],
    }
    names = [source[1], *(t[3] for t in topics), *(c[2] for c in countries),
             *(a[2] for a in agencies)]  # fmt: skip
    return row, tags, names


def build_chunk(args: tuple[int, int, int, str]):
    """Rows for articles first_id … first_id+count-1 (a worker process)."""
    from articles import search

    first_id, count, seed, vendor = args
    rng = random.Random(seed * 1_000_003 + first_id)
    vocabulary = _vocabulary
    rows, tags, documents = [], {"topics": [], "countries": [], "agencies": []}, []
    for article_id in range(first_id, first_id + count):
        row, article_tags, names = _article(rng, article_id, vocabulary)
        rows.append(row)
        for name, keys in article_tags.items():
            tags[name] += [(article_id, key) for key in keys]
        head, document = search.document_values(
            [row["headline"], row["headline_en"]],
            ["", row["summary_en"], *names, row["body"]],
            vendor,
        )
        if vendor == "postgresql":  # what to_tsvector would make, parsed here, not there
            head, document = search.to_tsvector_literal(head), search.to_tsvector_literal(document)
        public = row["status"] in ("published", "scheduled")
        documents.append((article_id, head, document, row["published_at"] if public else None,
                          row["published_on"]))  # fmt: skip
    if _worker is not None:  # PostgreSQL: this worker writes the chunk itself
        conn, tables, columns = _worker
        write_chunk(conn.cursor(), vendor, tables, columns, rows, tags, documents)
        conn.commit()
        return len(rows), None, None
    return rows, tags, documents


_worker: tuple | None = None


def _open_worker_connection(dsn: dict, tables: dict, columns: dict) -> None:
    """A worker's own connection, triggers and foreign-key checks off (see load())."""
    import psycopg

    global _worker
    conn = psycopg.connect(**{k: v for k, v in dsn.items() if v})
    try:
        conn.execute("SET session_replication_role = replica")
    except psycopg.Error:
        conn.rollback()
    _worker = (conn, tables, columns)


def write_chunk(cursor, vendor: str, tables: dict, columns: dict, rows, tags, documents) -> None:
    _write(cursor, vendor, tables["article"], columns["article"],
           [_article_tuple(r, vendor) for r in rows])  # fmt: skip
    for name, links in tags.items():
        _write(cursor, vendor, tables[name], columns[name], links)
    _write(cursor, vendor, tables["search"], columns["search"],
           [_dates(d, vendor) for d in documents])  # fmt: skip


ARTICLE_COLUMNS = (
    "id", "slug", "headline", "headline_en", "language", "status", "source_id", "url",
    "published_on", "updated_on", "event_start", "event_end", "summary", "summary_en", "body",
    "published_at", "created_at", "updated_at", "created_by_id", "updated_by_id", "raw_text",
    "import_ref", "flags", "edited_fields", "import_details", "version",
)  # fmt: skip


def _article_tuple(row: dict, vendor: str) -> tuple:
    defaults = {"updated_on": None, "event_start": None, "event_end": None, "summary": "",
                "created_at": NOW, "updated_at": NOW, "created_by_id": None,
                "updated_by_id": None, "raw_text": "", "import_ref": "", "flags": "[]",
                "edited_fields": "[]", "import_details": "{}", "version": 1}  # fmt: skip
    merged = {**defaults, **row}
    return _dates(tuple(merged[c] for c in ARTICLE_COLUMNS), vendor)


def _dates(values: tuple, vendor: str) -> tuple:
    """SQLite stores datetimes as Django writes them: naive UTC, a space before the time."""
    if vendor != "sqlite":
        return values
    return tuple(
        v.astimezone(datetime.UTC).replace(tzinfo=None).isoformat(" ")
        if isinstance(v, datetime.datetime)
        else v.isoformat()
        if isinstance(v, datetime.date)
        else v
        for v in values
    )


def _write(cursor, vendor: str, table: str, columns: tuple[str, ...], rows: list) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    if vendor == "postgresql":
        with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" * len(columns))
        cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def _drop_plain_indexes(raw, tables: list[str]) -> list[str]:
    """Drop the indexes of these tables that back no constraint; return how to rebuild them."""
    rows = raw.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
        "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conname = i.indexname)",
        [tables],
    ).fetchall()
    for name, _definition in rows:
        raw.execute(f'DROP INDEX "{name}"')
    # The big GIN indexes last: the others are quick and the site's pages need them first.
    return sorted((d for _n, d in rows), key=lambda d: " gin " in d.lower())


def load(articles: int, *, seed: int, jobs: int, append: bool) -> dict:
    from django.db import connection

    from articles.models import Article, SearchDocument

    vendor = connection.vendor
    if Article.objects.exists() and not append:
        raise SystemExit("The database already holds articles; pass --append to add more.")
    _vocabulary.update(_load_vocabulary(500))
    first = (Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    throughs = {name: getattr(Article, name).through._meta.db_table
                for name in ("topics", "countries", "agencies")}  # fmt: skip
    through_columns = {"topics": ("article_id", "topic_id"),
                       "countries": ("article_id", "country_id"),
                       "agencies": ("article_id", "agency_id")}  # fmt: skip
    search_table = SearchDocument._meta.db_table
    timings: dict[str, float] = {}
    started = time.perf_counter()
    connection.ensure_connection()
    raw = connection.connection
    deferred: list[str] = []
    if vendor == "postgresql":
        # As pg_restore does: indexes that no constraint needs are built once after the load
        # (sorted, in bulk) instead of row by row, and triggers and foreign-key checks are off
        # for this session — every row is made consistent here (visibility included).
        tables = [Article._meta.db_table, *throughs.values(), search_table]
        deferred = _drop_plain_indexes(raw, tables)
        try:
            raw.execute("SET session_replication_role = replica")
        except Exception as error:  # not a superuser: load with triggers, only slower
            raw.rollback()
            print(f"(triggers stay on: {error})", file=sys.stderr)
        raw.commit()
    else:
        raw.execute("PRAGMA synchronous = OFF")
    tasks = [(first + i, min(CHUNK, articles - i), seed, vendor) for i in range(0, articles, CHUNK)]
    done = 0
    context = multiprocessing.get_context("fork")
    tables = {"article": Article._meta.db_table, "search": search_table, **throughs}
    columns = {"article": ARTICLE_COLUMNS, **through_columns,
               "search": ("article_id", "head", "document", "visible_from", "date")}  # fmt: skip
    if vendor == "postgresql":  # each worker COPYs its own chunks: no rows through a pipe
        settings = connection.settings_dict
        dsn = {"dbname": settings["NAME"], "user": settings["USER"],
               "password": settings["PASSWORD"], "host": settings["HOST"],
               "port": settings["PORT"]}  # fmt: skip
        initializer, initargs = _open_worker_connection, (dsn, tables, columns)
    else:
        initializer, initargs = None, ()
    with context.Pool(jobs, initializer, initargs) as pool:
        for rows, tags, documents in pool.imap(build_chunk, tasks):
            if vendor != "postgresql":
                writing = time.perf_counter()
                cursor = raw.cursor()
                write_chunk(cursor, vendor, tables, columns, rows, tags, documents)
                raw.commit()
                timings["writing"] = timings.get("writing", 0) + time.perf_counter() - writing
            done += len(rows) if isinstance(rows, list) else rows
            elapsed = time.perf_counter() - started
            print(f"\r{done:>9,} articles  {done / elapsed:>7,.0f}/s", end="", file=sys.stderr,
                  flush=True)  # fmt: skip
    print(file=sys.stderr)
    timings["rows"] = time.perf_counter() - started
    mark = time.perf_counter()
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")
            cursor.execute("SET maintenance_work_mem = '1GB'")
            for definition in deferred:
                cursor.execute(definition)
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('articles_article', 'id'), "
                "(SELECT max(id) FROM articles_article))"
            )
            # As after pg_restore: statistics for the planner, and the visibility map that
            # index-only scans (the counts) need — autovacuum would get there, later.
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("ANALYZE")
    timings["indexes"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return {"articles": articles, "vendor": vendor, "seconds": timings,
            "rate": articles / timings["total"]}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--append", action="store_true")
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("--database-url is required (postgres://… or sqlite:///path)")
    _prepare_database(args.database_url)
    _setup(args.database_url)
    result = load(args.articles, seed=args.seed, jobs=args.jobs, append=args.append)
    from articles import counts

    counts.changed()  # a running site's cached counts and facet indexes no longer hold
    print(json.dumps(result))


if __name__ == "__main__":
    main()
