import contextlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.importing import RawFile, collect_files, import_raw_articles
from articles.models import Article

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
JSON_KEYS = {
    "file", "status", "error", "language", "headline", "published_on", "updated_on",
    "event_start", "event_end", "outlet", "topics", "countries", "agencies", "flags", "body",
}  # fmt: skip

STORY = """ตำรวจไทยและกัมพูชาร่วมกวาดล้างแก๊งคอลเซ็นเตอร์ที่ชายแดน

กรุงเทพฯ 3 มี.ค. 2567 – สำนักงานตำรวจแห่งชาติร่วมกับตำรวจแห่งชาติกัมพูชา จับกุมแก๊งคอลเซ็นเตอร์ \
ที่หลอกลวงผู้เสียหายชาวไทยหลายร้อยราย บริเวณชายแดนจังหวัดสระแก้ว หลังแลกเปลี่ยนข้อมูลกันมาหลายเดือน

เจ้าหน้าที่ระบุว่าแก๊งคอลเซ็นเตอร์ดังกล่าวใช้วิธีหลอกลวงทางโทรศัพท์ \
และจะมีการส่งตัวผู้ต้องหากลับมาดำเนินคดีในประเทศไทย.- สำนักข่าวไทย
"""


def _json(*args):
    out = io.StringIO()
    with contextlib.suppress(CommandError):  # exits non-zero when a file fails; still prints
        call_command("import_seeds", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_json_output_has_exactly_the_agreed_keys():
    rows = _json(str(SEEDS))
    assert len(rows) == 5
    for row in rows:
        assert set(row) == JSON_KEYS
        assert set(row["outlet"]) == {"name", "domain", "source_slug"}
        assert all(set(flag) == {"code", "message"} for flag in row["flags"])


def test_a_clean_article_is_created_and_checked_for_publication(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    out = io.StringIO()
    call_command("import_seeds", str(tmp_path), "--publish", stdout=out)
    article = Article.objects.get()
    assert article.flags == []
    # Nothing in a raw capture gives an English headline: the desk writes one, then publishes.
    assert article.status == Article.Status.DRAFT
    assert "not published: it has no English headline" in out.getvalue()
    assert article.source.slug == "mcot"
    assert str(article.published_on) == "2024-03-03"
    assert "online-scams" in {t.slug for t in article.topics.all()}
    assert {"TH", "KH"} <= {c.code for c in article.countries.all()}
    assert "RTP" in {a.acronym for a in article.agencies.all()}


def test_flagged_articles_stay_drafts_with_their_reasons():
    call_command("import_seeds", str(SEEDS), "--publish", stdout=io.StringIO())
    assert Article.objects.count() == 5
    for article in Article.objects.all():
        assert article.flags, article
        assert article.status == Article.Status.DRAFT
    no_headline = Article.objects.get(headline="")
    assert {"headline_missing"} <= {f["code"] for f in no_headline.flags}


def test_dry_run_writes_nothing_and_reports_the_same():
    rows = _json(str(SEEDS), "--dry-run")
    assert [r["status"] for r in rows] == ["created"] * 5
    assert Article.objects.count() == 0


def test_rerunning_creates_nothing_new():
    call_command("import_seeds", str(SEEDS), stdout=io.StringIO())
    rows = _json(str(SEEDS))
    assert [r["status"] for r in rows] == ["unchanged"] * 5
    assert Article.objects.count() == 5


def test_a_changed_file_updates_its_draft_but_not_what_an_editor_edited(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    call_command("import_seeds", str(path), stdout=io.StringIO())
    article = Article.objects.get()
    article.event_start = None
    article.body = "แก้ไขโดยบรรณาธิการ"
    article.edited_fields = ["body"]
    article.save()

    path.write_text(STORY.replace("หลายร้อยราย", "กว่า 500 ราย"), encoding="utf-8")
    (row,) = _json(str(path))
    assert row["status"] == "updated"
    article.refresh_from_db()
    assert Article.objects.count() == 1
    assert article.body == "แก้ไขโดยบรรณาธิการ"
    assert "กว่า 500 ราย" in article.raw_text


def test_bad_files_are_reported_and_the_good_ones_still_import(tmp_path, settings):
    settings.NEWSROOM_MAX_IMPORT_FILE_BYTES = 50_000
    shutil.copy(SEEDS / "000_9fce732b326a12e5.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("Café crème brûlée".encode("latin-1") * 3)
    (tmp_path / "huge.txt").write_bytes(b"a" * 60_000)
    rows = {Path(r["file"]).name: r for r in _json(str(tmp_path))}
    assert rows["good.txt"]["status"] == "created"
    assert "empty" in rows["empty.txt"]["error"]
    assert rows["binary.txt"]["status"] == "error"
    assert "UTF-8" in rows["latin1.txt"]["error"]
    assert "limit" in rows["huge.txt"]["error"]
    assert Article.objects.count() == 1


def test_command_exits_non_zero_on_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="1 file"):
        call_command("import_seeds", str(tmp_path), stdout=io.StringIO())


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_imports_text_members_and_refuses_unsafe_paths(tmp_path):
    archive = tmp_path / "batch.zip"
    archive.write_bytes(
        _zip(
            {
                "a/story.txt": STORY.encode(),
                "../escape.txt": STORY.encode(),
                "/abs.txt": STORY.encode(),
                "notes.md": b"ignored",
            }
        )
    )
    files = list(collect_files([archive]))
    by_name = {f.name.split(":", 1)[1]: f for f in files}
    assert by_name["a/story.txt"].data
    assert "unsafe path" in by_name["../escape.txt"].error
    assert "unsafe path" in by_name["/abs.txt"].error
    assert "notes.md" not in by_name


def test_zip_bomb_member_is_refused(tmp_path, settings):
    settings.NEWSROOM_MAX_IMPORT_FILE_BYTES = 10_000_000
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(_zip({"bomb.txt": b"0" * 5_000_000}))
    (bomb,) = collect_files([archive])
    assert "zip bomb" in bomb.error


def test_not_a_zip_is_reported(tmp_path):
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"this is not a zip")
    (report,) = import_raw_articles(files=collect_files([fake]))
    assert report.status == "error" and "zip" in report.error


def test_each_file_is_all_or_nothing():
    reports = import_raw_articles(
        files=[RawFile("a.txt", data=STORY.encode()), RawFile("b.txt", error="broken")]
    )
    assert [r.status for r in reports] == ["created", "error"]
    assert Article.objects.count() == 1


def test_removed_chrome_and_tag_evidence_are_kept_on_the_article(client, django_user_model):
    from django.urls import reverse

    call_command("import_seeds", str(SEEDS / "001_c024330d93d75c11.txt"), stdout=io.StringIO())
    article = Article.objects.get()
    removed = {r["reason"] for r in article.import_details["removed"]}
    assert {"share buttons", "view/comment counter", "campaign slogan"} <= removed
    assert "ยาเสพติด" in " ".join(article.import_details["evidence"]["topics"]["drug-trafficking"])
    admin = django_user_model.objects.create_superuser("boss", "b@example.org", "pw")
    client.force_login(admin)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content
    assert "Spread the love" in page.decode()
