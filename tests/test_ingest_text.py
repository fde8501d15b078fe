"""Decode, language, layout (headline, chrome) and outlet on plain strings."""

import codecs

import pytest

from articles.ingest.chrome import split_layout
from articles.ingest.decode import DecodeError, decode
from articles.ingest.language import detect_language
from articles.ingest.outlet import domains_in, find_outlet
from articles.ingest.types import SourceEntry

THAI = "ตำรวจไทยร่วมประชุมความร่วมมือปราบปรามยาเสพติดกับประเทศเพื่อนบ้าน"
PARAGRAPH = " ".join(["สำนักงานตำรวจแห่งชาติ"] * 8)


def _never_metadata(line, *, in_header):
    return False


@pytest.mark.parametrize(
    "data",
    [
        THAI.encode("utf-8"),
        codecs.BOM_UTF8 + THAI.encode("utf-8"),
        THAI.encode("utf-16"),
        THAI.encode("cp874"),
    ],
)
def test_decode_reads_utf8_utf16_and_legacy_thai(data):
    assert decode(data).text == THAI


def test_legacy_thai_is_named_not_guessed_silently():
    assert decode(THAI.encode("tis-620")).encoding == "tis-620"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n ", "empty"),
        (b"%PDF-1.7 binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"abc\x00def\x00", "NUL"),
        ("café crème".encode("latin-1"), "UTF-8"),
    ],
)
def test_decode_refuses_what_is_not_text_with_a_reason(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(data)


def test_decode_normalises_unicode_lines_and_spaces():
    text = decode("Ho\u0302\u0323i nghi\u0323\r\nline\u00a0two  \u200b\r\n\n\n\nend".encode()).text
    assert text == "Hội nghị\nline two\n\nend"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (THAI, "th"),
        ("Sáng 29/5/2023, tại Hà Nội, diễn ra phiên khai mạc Đối thoại cấp cao", "vi"),
        ("Police from Thailand and Cambodia said the operation was a success", "en"),
        ("ผลการประชุม High Level Conference ณ ศูนย์การประชุมสหประชาชาติ กรุงเทพฯ", "th"),
        ("ກອງປະຊຸມ ຕຳຫຼວດ ອາຊຽນ", "lo"),
        ("កិច្ចប្រជុំ ប៉ូលិស", "km"),
        ("12345 !!!", "und"),
    ],
)
def test_language_from_script_and_letters(text, language):
    assert detect_language(text) == language


def test_headline_breadcrumb_and_repeat_are_dropped():
    layout = split_layout(
        f"ข่าวรอบบ้าน » {THAI}\n\n{THAI}\n\n{PARAGRAPH}", is_metadata=_never_metadata
    )
    assert layout.headline == THAI
    assert layout.breadcrumb == ["ข่าวรอบบ้าน"]
    assert [p for _, p in layout.paragraphs] == [PARAGRAPH]
    assert any(r.reason == "repeated headline" for r in layout.removed)


def test_a_whole_second_copy_replaces_a_cut_first_one():
    layout = split_layout(f"{THAI[:30]}\n\n{THAI}\n\n{PARAGRAPH}", is_metadata=_never_metadata)
    assert layout.headline == THAI


def test_captions_and_ledes_are_never_headlines():
    text = (
        "Thứ trưởng Lê Quốc Hùng phát biểu. |\n"
        "Sáng 29/5/2023, tại Hà Nội, diễn ra phiên khai mạc Đối thoại cấp cao về an ninh.\n"
        "Đoạn thứ hai của bài báo, dài hơn một chút để là một đoạn văn thực sự trong bài."
    )
    layout = split_layout(text, is_metadata=_never_metadata)
    assert layout.headline == ""
    assert layout.removed[0].reason == "photo caption"
    assert len(layout.paragraphs) == 2


def test_chrome_is_removed_and_kept_for_the_editor():
    text = "\n\n".join(
        [
            THAI,
            "422 0",
            "Spread the love",
            PARAGRAPH,
            "| 3,526 view",
            "รูปภาพประกอบ",
            PARAGRAPH + "ต่อ",
            "ข่าวที่เกี่ยวข้อง",
            "เรื่องอื่นที่ไม่เกี่ยวกับข่าวนี้",
        ]
    )
    layout = split_layout(text, is_metadata=_never_metadata)
    assert [p for _, p in layout.paragraphs] == [PARAGRAPH, PARAGRAPH + "ต่อ"]
    reasons = {r.reason for r in layout.removed}
    assert {"view/comment counter", "share buttons", "image placeholder", "related stories"} <= (
        reasons
    )
    related = next(r for r in layout.removed if r.reason == "related stories")
    assert "เรื่องอื่น" in related.text


def test_trailing_campaign_slogans_go_but_the_last_paragraph_stays():
    slogans = "พื้นที่ปลอดภัย ไม่มีคนหน้าใหม่\nแจ้งเบาะแส สายด่วน โทร. 1386"
    text = f"{THAI}\n\n{PARAGRAPH}\n\n{PARAGRAPH}จบ\n\n{slogans}"
    layout = split_layout(text, is_metadata=_never_metadata)
    assert layout.paragraphs[-1][1].endswith("จบ")
    assert any(r.reason == "campaign slogan" for r in layout.removed)


def test_a_short_closing_paragraph_is_not_a_slogan():
    text = f"{THAI}\n\n{PARAGRAPH}\n\nจบข่าว"
    layout = split_layout(text, is_metadata=_never_metadata)
    assert layout.paragraphs[-1][1] == "จบข่าว"


SOURCES = (
    SourceEntry("mcot", "MCOT", ("mcot.net", "tnamcot.com"), ("สำนักข่าวไทย",)),
    SourceEntry("bocongan", "Bộ Công an", ("bocongan.gov.vn",), ()),
)


def test_domains_forwards_and_written_backwards():
    backwards = "05253=DImetI?lmth.02/neik-us/nv.vog.nagnocob"
    text = f"ดู https://www.tnamcot.com/view/1 และ Xem thêm: {backwards}"
    assert domains_in(text) == ["tnamcot.com", "bocongan.gov.vn"]


def test_share_links_are_not_outlets():
    assert domains_in("https://www.facebook.com/sharer.php?u=1 line.me/R/msg") == []


def test_outlet_from_sign_off():
    outlet = find_outlet(paragraphs=["ข่าว.- สำนักข่าวไทย"], chrome=[], breadcrumb=[], sources=SOURCES)
    assert outlet.source_slug == "mcot"


def test_outlet_from_a_reversed_link_in_the_chrome():
    outlet = find_outlet(
        paragraphs=["..."],
        chrome=["Xem thêm: lmth.1-nit/nv.vog.nagnocob"],
        breadcrumb=[],
        sources=SOURCES,
    )
    assert (outlet.source_slug, outlet.domain) == ("bocongan", "bocongan.gov.vn")


def test_unknown_outlet_is_a_suggestion_not_a_source():
    outlet = find_outlet(
        paragraphs=["ข่าว.- หนังสือพิมพ์ตัวอย่าง"], chrome=[], breadcrumb=[], sources=SOURCES
    )
    assert outlet.name == "หนังสือพิมพ์ตัวอย่าง"
    assert outlet.source_slug is None


def test_no_clue_means_no_outlet():
    assert find_outlet(paragraphs=["ข่าว"], chrome=[], breadcrumb=["หมวดข่าว"], sources=()) is None
