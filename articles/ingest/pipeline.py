"""The whole pipeline: raw bytes or text to a ParsedArticle with flags for the editor."""

from __future__ import annotations

import datetime
import hashlib
import re

from . import chrome
from .dates import (
    ID_MS_WEEKDAYS,
    THAI_LETTER,
    TIME_OF_DAY,
    WEEKDAYS,
    DateMention,
    find_dates,
    year_of_sentence,
)
from .decode import decode, normalise
from .language import detect_language
from .outlet import STAMP_NAME, find_outlet, site_prefix, stamp_signature
from .types import Flag, Outlet, ParsedArticle, Suggestion, Vocabulary

_PUBLISHED_WORDS = (
    r"วันที่นำเข้าข้อมูล|วันที่เผยแพร่|การเผยแพร่|เผยแพร่(?:เมื่อ)?|โพสต์(?:เมื่อ)?|ลงวันที่|ประกาศเมื่อ|"
    # a field's label, "เมื่อวันที่ : 8 เม.ย. 2568 21:29" (without the colon it opens a lede)
    r"เมื่อวันที่(?=\s*[:：])|"
    r"posted(?: on)?|published(?: on| at)?|publish|date published|publication date|pubdate|date|"
    r"diterbitkan(?: pada)?|dipublikasikan|disiarkan(?: pada)?|tarikh|"
    r"ngày đăng|đăng ngày|đăng lúc|đã đăng(?: vào| lúc| ngày)?|đăng vào|ngày xuất bản|xuất bản"
)
_UPDATED_WORDS = (
    r"วันที่ปรับปรุงข้อมูล|ปรับปรุงล่าสุด|แก้ไขล่าสุด|ปรับปรุง|อัปเดต|อัพเดท|อัพเดต|updated(?: on)?|"
    r"last updated?|update|modified|cập nhật|diperbarui|dikemas ?kini(?: pada)?"
)
_PUBLISHED_CUE = re.compile(rf"^(?:{_PUBLISHED_WORDS})(?![\w\u0e31-\u0e4e])", re.IGNORECASE)
_UPDATED_CUE = re.compile(rf"^(?:{_UPDATED_WORDS})(?![\w\u0e31-\u0e4e])", re.IGNORECASE)
# The same cues just before a date inside a line: "… • เผยแพร่ 21 ก.พ. 2568".
_PUBLISHED_BEFORE = re.compile(rf"(?:^|[\s•|·])(?:{_PUBLISHED_WORDS})\s*[:：]?\s*$", re.IGNORECASE)
_UPDATED_BEFORE = re.compile(rf"(?:^|[\s•|·])(?:{_UPDATED_WORDS})\s*[:：]?\s*$", re.IGNORECASE)
# What may stand beside a date on a line that is only a date: times, weekdays, separators.
_DATE_LINE_NOISE = re.compile(
    rf"{TIME_OF_DAY}|"
    r"\(?(?:gmt|utc)\s*[+-]?\s*\d{0,2}(?::\d{2})?\)?|\b(?:wib|wita|wit|myt|ict|sgt|pt|et)\b|"
    r"วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์|อาทิตย์)(?:ที่)?|วันที่|"
    rf"{WEEKDAYS}|\b(?:{ID_MS_WEEKDAYS})\b|"
    r"\|\s*[\d,.]+\s*views?|\bdate\b|\bngày\b|เวลา|ที่|(?:adjust )?font size\s*:?|cỡ chữ|"
    r"\((?:จำนวนคนอ่าน|คนอ่าน|อ่าน|เข้าชม|views?|lượt xem|dibaca)\s*:?\s*[\d,.]+\s*(?:ครั้ง)?\)|"
    r"@|[|,•·:\-–—()/\s]",
    re.IGNORECASE,
)
_DATELINE_LINE = 160  # a dateline on a line of its own: the places, then the date
_DATELINE_DASH = re.compile(r"^\s*(?:\([^()\n]{2,30}\)\s*)?[-–—:]")
_LEADING_VOWELS = "เแโใไ"
_THAI = re.compile(r"[\u0e00-\u0e7f]")


# After a time stamp, a bare number: the page's counter or the story's id ("… 09:02:52 am 102530").
_TIME_THEN_NUMBER = re.compile(rf"({TIME_OF_DAY})\s+\d{{1,9}}\s*$", re.IGNORECASE)


def _date_only(line: str) -> bool:
    mentions = find_dates(line)
    if len(mentions) != 1:
        return False
    rest = line[: mentions[0].start] + line[mentions[0].end :]
    rest = _TIME_THEN_NUMBER.sub(r"\1", rest)
    rest = STAMP_NAME.sub(lambda m: m.group(0)[: m.start("name") - m.start()], rest)  # "… CMG"
    signed = stamp_signature(line, mentions[0].start)  # "The Star29-04-2025"
    if signed:
        rest = rest[signed.end() :]
    return not _DATE_LINE_NOISE.sub("", rest)


_TIME = re.compile(r"\d{1,2}[:.]\d{2}")


def _is_metadata(line: str, *, in_header: bool) -> bool:
    """A page-metadata line: a posted/updated line, or a line that is only a date — in the
    header, or anywhere when it carries the time of day (a time stamp below the lede)."""
    if len(line) > 160:
        return False
    if (_PUBLISHED_CUE.match(line) or _UPDATED_CUE.match(line)) and find_dates(line):
        return True
    if len(line) > 80:
        return False
    stamped = in_header and _TIME.search(line) is not None
    byline = _BYLINE_STAMP.match(line) if stamped else None
    stamp = byline and (byline.group("stamp") or byline.group("glued"))
    if stamp and _stamp_with_cue(stamp):
        return True  # "Đối ngoại - Ngày đăng : 06:48, 26/05/2010" (a section, then a posted line)
    if (stamp and _date_only(stamp)) or (stamped and _by_stamp(line)):
        return True  # "Siti Yona Hukmana • 26 May 2023 23:27"
    if in_header and _named_stamp(line):
        return True  # "Ngọc Vũ Thứ sáu, ngày 06/09/2019 18:25 PM", "ข่าวต่างประเทศ 24 Dec 2018"
    if in_header and _dated_byline(line):
        return True  # "February 14, 2023 Alfred P. Dalizon 293 views", "By Kyaw Kha 11 June 2014"
    return (in_header or _TIME.search(line) is not None) and _date_only(line)


# A writer's or a desk's name, a separator and the time stamp: a byline line of the page's
# header ("Siti Yona Hukmana • 26 May 2023 23:27", "Ban Thời sự-Thứ năm, ngày 01/10/2015 20:13
# GMT+7"); or "By", a name of up to four words and the stamp ("By VNA January 6, 2023 | 01:52").
_BYLINE_STAMP = re.compile(
    r"^[^\W\d][\w.,'’ ]{1,40}?\s*[•|·–-]\s*(?P<stamp>\S.+)$|"
    # the writer and their desk in brackets, the stamp glued on: "Ngọc Phương (Thường trú THVN
    # tại Asean)Cập nhật 19:12 ngày 01/11/2017"
    r"^[^\W\d][\w.,'’ ]{1,40}?\s*\([^()\n]{2,60}\)\s*(?P<glued>\S.+)$"
)
_BY = re.compile(r"^(?:by|oleh|bởi)\s+", re.IGNORECASE)


_THAI_LEDE_OPENERS = ("เมื่อ", "วันนี้", "ล่าสุด")
# A wire's credit after the stamp: "ข่าวทั่วไป Sunday March 3, 2024 17:21 —สำนักข่าวอินโฟเควสท์ (IQ)".
_CREDITED = re.compile(r"\s*[—–]\s*[^\d—–]{2,50}$")


def _named_stamp(line: str) -> bool:
    """A writer's name (capitalised words) or a Thai section's, then a date stamp, with
    nothing between: the page's header line."""
    words = line.split(" ")
    if (
        THAI_LETTER.match(words[0])
        and len(words[0]) <= 20
        and not words[0].startswith(_THAI_LEDE_OPENERS)  # "เมื่อวันพฤหัสบดีที่ ๒ มีนาคม …": the story
        and _date_only(_CREDITED.sub("", " ".join(words[1:])))
    ):
        return True
    for n in range(1, min(4, len(words) - 1) + 1):
        name = words[:n]
        if not all(w[:1].isupper() and w.isalpha() for w in name):
            break
        if _TIME.search(line) and _date_only(" ".join(words[n:])):
            return True
    return False


# A page's read counter beside its stamp: "293 views", "dibaca 1021", "1.250 lượt xem".
_READS = re.compile(
    r"(?:dibaca|views?|lượt xem|lượt đọc|เข้าชม|อ่าน)\s*:?\s*[\d.,]+(?:\s*(?:kali|ครั้ง))?|"
    r"[\d.,]+\s*(?:views?|lượt xem|lượt đọc|kali dibaca|reads?|ครั้ง)",
    re.IGNORECASE,
)
_WRITER_NAME = re.compile(r"(?:(?:by|oleh|bởi)\s+)?[A-ZĐ][\w.'’-]*(?:\s+[A-ZĐ][\w.'’-]*){0,3}")


def _dated_byline(line: str) -> bool:
    """A header line of a full date, the writer's name and the page's read counter, in any
    order: "09 Jul 2019 23:03:37 WIB | Figo Kurniawan | dibaca 1021"."""
    mentions = find_dates(line)
    if len(mentions) != 1 or mentions[0].year is None:
        return False
    rest = _READS.sub(" ", f"{line[: mentions[0].start]} | {line[mentions[0].end :]}")
    rest = " ".join(_DATE_LINE_NOISE.sub(" ", rest).split())
    if not line[: mentions[0].start].strip() and "|" in line[mentions[0].end :]:
        # the stamp first, then its section: "28/10/2014 07:15 GMT+7 | Trong nước"
        return 0 < len(rest.split()) <= 3
    return bool(rest) and _WRITER_NAME.fullmatch(rest) is not None


def _stamp_with_cue(stamp: str) -> bool:
    """A posted or updated line: the cue, then a date (a time may come between)."""
    cue = _PUBLISHED_CUE.match(stamp) or _UPDATED_CUE.match(stamp)
    return bool(cue) and _date_only(stamp[cue.end() :])


def _by_stamp(line: str) -> bool:
    m = _BY.match(line)
    words = line[m.end() :].split(" ") if m else []
    return any(_date_only(" ".join(words[n:])) for n in range(1, min(5, len(words))))


# A blog's post footer: "Reviewed by Unknown on September 18, 2015 Rating: 5", "Posted by Admin
# on 12 March 2020".
_POSTED_BY_ON = re.compile(r"\b(?:reviewed|posted) by\s+\S[^\n]{0,40}?\s+on\s+(?=\S)", re.I)


def _posted_by_on(paragraphs: list[str]) -> DateMention | None:
    for paragraph in paragraphs:
        for m in _POSTED_BY_ON.finditer(paragraph):
            dates = find_dates(paragraph[m.end() : m.end() + 40])
            if dates and dates[0].start == 0 and dates[0].year is not None:
                return dates[0]
    return None


def _cue_before(text: str) -> str | None:
    """ "published" or "updated" when the text just before a date is such a cue, else None."""
    if _UPDATED_BEFORE.search(text):
        return "updated"
    if _PUBLISHED_BEFORE.search(text):
        return "published"
    return None


def _describe(mention: DateMention) -> str:
    months = [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]  # fmt: skip
    return f"“{mention.text.strip()}” ({mention.start_day} {months[mention.start_month - 1]})"


_NEAR = datetime.timedelta(days=31)


def _near(yearless: DateMention, full: DateMention) -> bool:
    """Whether the yearless date falls within a month of the full one, in the full one's year
    or a neighbouring one (a "28 ธ.ค." story told again as "2 มกราคม 2567")."""
    for year in (full.year - 1, full.year, full.year + 1):
        dated = _dated(yearless, year)
        if dated and abs(dated.first() - full.first()) <= _NEAR:
            return True
    return False


def _within_a_range(day: DateMention, texts: list[str]) -> DateMention:
    """The meeting's days where the story gives them just after the day it opens with ("วันนี้
    13 ก.ค.60 … ระหว่างวันที่ 12 - 13 กรกฎาคม 2560", "7 มกราคม 2563 … ระหว่างวันที่ 6 – 10 มกราคม
    2563"): a range with its year, in the same paragraph or the next, that holds that day."""
    if day.end_day is not None:
        return day
    for text in texts:
        for mention in find_dates(text):
            if (
                mention.year
                and mention.end_day
                and mention.first() <= day.first() <= mention.last()
            ):
                return mention
    return day


def _dated(mention: DateMention, year: int | None) -> DateMention | None:
    """The yearless mention in that year, or None where it has no such day (29 February)."""
    if year is None:
        return None
    dated = mention.with_year(year)
    try:
        dated.first(), dated.last()
    except ValueError:
        return None
    return dated


def _headline_truncated(headline: str, segment) -> bool:
    if headline.endswith(("…", "...")):
        return True
    if not _THAI.search(headline[-1:]):
        return False
    if headline[-1] in _LEADING_VOWELS:  # a Thai word never ends on a leading vowel
        return True
    from pythainlp.corpus import thai_words

    last = segment(headline)[-1]
    return _THAI.search(last) is not None and len(last) <= 3 and last not in thai_words()


def parse_article(data: bytes | str, *, vocabulary: Vocabulary) -> ParsedArticle:
    """Turn one raw capture into a draft: text, language, headline, dates, outlet, tags, flags.

    Raises decode.DecodeError for input that is not readable text.
    """
    if isinstance(data, bytes):
        decoded = decode(data)
        text, encoding = decoded.text, decoded.encoding
    else:
        text, encoding = normalise(data), "text"
    flags: list[Flag] = []
    if encoding == "tis-620":
        flags.append(
            Flag("legacy_encoding", "The file was in Thai TIS-620/Windows-874; check the text.")
        )

    layout = chrome.split_layout(text, is_metadata=_is_metadata)
    _closing_dateline(layout)
    body = "\n\n".join(p for _, p in layout.paragraphs)
    language = detect_language(body or text)
    if language == "und":
        flags.append(Flag("language_unknown", "The language could not be told; set it by hand."))

    matcher = vocabulary.matcher
    headline = _without_stamp(layout)
    prefix = site_prefix(headline, vocabulary.sources)
    if prefix:
        title_site, headline = prefix
        layout.headline = headline
    else:
        title_site = None
    if not headline:
        flags.append(Flag("headline_missing", "No headline was found; write one."))
    elif _headline_truncated(headline, matcher.segment):
        flags.append(Flag("headline_truncated", "The headline looks cut off; complete it."))
    elif layout.headline_unsure:
        flags.append(
            Flag(
                "headline_unsure",
                "The headline was chosen among several short lines at the top of the page; "
                "check it is the article's own.",
            )
        )
    if not body:
        flags.append(Flag("body_empty", "No story text was found."))

    parsed = ParsedArticle(
        encoding=encoding, text=text, language=language, headline=headline, body=body
    )
    _read_dates(parsed, layout, flags)

    chrome_lines = [r.text for r in layout.removed]
    outlet = find_outlet(
        paragraphs=[p for _, p in layout.paragraphs],
        chrome=chrome_lines,
        breadcrumb=layout.breadcrumb,
        sources=vocabulary.sources,
        header=[line for _, line in layout.header_lines],
        site_name=layout.site_name,
        title_site=title_site,
    )
    if outlet is None:
        flags.append(Flag("outlet_missing", "The text does not say which outlet published it."))
        outlet = Outlet()
    elif outlet.source_slug is None:
        named = " / ".join(x for x in (outlet.name, outlet.domain) if x)
        flags.append(
            Flag(
                "outlet_unknown", f"The outlet “{named}” is not a known source; confirm or add it."
            )
        )
    parsed.outlet = outlet

    suggestions = matcher.match(f"{headline}\n{body}")
    # An agency named by a name that needs its country ("the Interior Ministry") counts where
    # the story names that country or one of its agencies otherwise.
    agencies = suggestions["agencies"]
    firm = [a for a in agencies if not matcher.in_context_only("agencies", a)]
    parsed.countries = with_agency_countries(
        with_asean_members(suggestions["countries"], f"{headline}\n{body}"),
        firm,
        vocabulary.agency_countries,
    )
    named = {country.key for country in parsed.countries}
    parsed.agencies = [
        a for a in agencies if a in firm or vocabulary.agency_countries.get(a.key) in named
    ]
    forces = {vocabulary.agency_countries.get(a.key) for a in parsed.agencies} - {None}
    parsed.topics = select_topics(
        suggestions["topics"], lede=f"{headline}\n{body}"[:LEDE_CHARS], forces=len(forces)
    )
    if not parsed.topics:
        flags.append(Flag("no_topics", "No topic was recognised; tag it by hand."))

    parsed.removed = layout.removed
    parsed.flags = flags
    parsed.natural_key = natural_key(headline=headline, language=language, text=text)
    return parsed


# How much of the story's start says what it is about (the headline, the lede, an agenda).
LEDE_CHARS = 1500


def select_topics(suggestions: list[Suggestion], *, lede: str, forces: int = 0) -> list[Suggestion]:
    """Keep the topics the story is about: named twice, or named once near its start.

    Once is enough there — a crime area listed once on a meeting's agenda is what the meeting
    was about (keeping only repeated topics lost half of them on the corpus); a single passing
    mention deep in a long story ("… also discussed terrorism") stays out. `forces`: how many
    countries' agencies the story names at work.
    """
    lede = lede.casefold()
    kept = [
        s
        for s in suggestions
        if s.count >= 2 or any(word.casefold() in lede for word in s.evidence)
    ]
    # A scam is a fraud: where the story is about online scams, fraud words alone ("penipuan",
    # "fraudsters") do not make it a story about economic crime as well.
    if any(s.key == "online-scams" for s in kept):
        kept = _without(kept, "economic-crime", _FRAUD)
    # What is smuggled has its own topic: where the story is about drugs, people or wildlife,
    # the smuggling words alone ("smuggling", "buôn lậu", "ลักลอบนำเข้า") are that trade, not
    # economic crime.
    if any(s.key in _SMUGGLED for s in kept):
        kept = _without(kept, "economic-crime", _SMUGGLING)
    # An arrest is one force's work: where only arrest and raid words suggested a joint
    # operation ("arrested", "bắt giữ", "จับกุม", "ditangkap"), it is one where the agencies of
    # two countries or more are named; "joint operation", "phối hợp", an extradition say so alone.
    if forces < 2:
        kept = _without(kept, "joint-operation", _ARRESTS)
    # Victims named are not victims helped: a word for the victims alone ("victims", "nạn
    # nhân", "korban") is who a crime hurt; support needs its own word (rescued, repatriated).
    return _without(kept, "victim-support", _VICTIMS)


def _without(kept: list[Suggestion], topic: str, words: re.Pattern) -> list[Suggestion]:
    """The topics without `topic` where only such words suggested it."""
    return [
        s
        for s in kept
        if s.key != topic or not all(words.fullmatch(word.casefold()) for word in s.evidence)
    ]


_SMUGGLED = {"drug-trafficking", "human-trafficking", "illegal-migration", "wildlife-trafficking"}
_SMUGGLING = re.compile(
    r"smuggling|smuggled|contraband|buôn lậu|hàng lậu|ลักลอบนำเข้า|ลักลอบขนสินค้า|ของเถื่อน|"
    r"penyelundupan(?: barang)?|penyeludupan|barang seludup"
)
_ARRESTS = re.compile(
    r"arrests?|arrested|apprehended|detained|seized|raids?|raided|crackdown|busted|dismantled|"
    r"manhunt|จับกุม|บุกค้น|กวาดล้าง|ปฏิบัติการ|ทลายเครือข่าย|ตรวจยึด|ออกหมายจับ|หมายจับ|"
    r"ติดตามจับกุม|bắt giữ|triệt phá|chuyên án|truy bắt|phá án|triệt xóa|triệt xoá|bóc gỡ|"
    r"truy quét|tấn công trấn áp|đột kích|vây bắt|penangkapan|ditangkap|menangkap|"
    r"penggerebekan|menggerebek|digerebek|serbuan|tangkapan"
)
_VICTIMS = re.compile(r"victims?|survivors?|nạn nhân|korban|mangsa|ผู้เสียหาย|เหยื่อ")
_FRAUD = re.compile(
    r"fraud(?:s|sters?|ulent)?|penipuan|penipu|gian lận|lừa đảo|ฉ้อโกง|การฉ้อโกง|penipuan online"
)


# "The ten ASEAN members" names every member: the text lists them by that phrase.
ASEAN_MEMBERS = ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN")
_ALL_ASEAN = re.compile(
    r"อาเซียน(?:ทั้ง|จำนวน)?\s*10\s*ประเทศ|ประเทศอาเซียน(?:อีก)?\s*9\s*ประเทศ|"
    r"10\s*ประเทศ(?:สมาชิก)?อาเซียน|สมาชิกอาเซียนทั้ง\s*10|"
    r"(?:nine|9)\s+other\s+asean\s+(?:member\s+)?(?:states|countries|nations)|"
    r"(?:ten|10|all)\s+(?:asean\s+)?(?:member\s+)?(?:states|countries|nations)\s+of\s+asean|"
    r"(?:ten|10|all)\s+asean\s+(?:member\s+)?(?:states|countries|nations)|"
    r"10\s+(?:nước|quốc gia)\s+(?:thành viên\s+)?asean|"
    r"(?:10|sepuluh)\s+negara\s+(?:anggota\s+|di\s+)?asean|"
    r"(?:seluruh|semua)\s+negara(?:-negara)?\s+(?:anggota\s+)?asean",
    re.IGNORECASE,
)


def with_asean_members(countries: list[Suggestion], text: str) -> list[Suggestion]:
    """Add every member where the text speaks of all ten ASEAN countries (or of the nine
    others, beside the host)."""
    match = _ALL_ASEAN.search(text)
    if not match:
        return countries
    named = {s.key for s in countries}
    added = [Suggestion(code, (match.group(0),), 1) for code in ASEAN_MEMBERS if code not in named]
    return [*countries, *added]


def with_agency_countries(
    countries: list[Suggestion], agencies: list[Suggestion], agency_countries: dict[str, str]
) -> list[Suggestion]:
    """Add the country of every national agency that acts: Thai police at work is Thailand,
    even where the text never writes ไทย."""
    named = {s.key for s in countries}
    added: dict[str, Suggestion] = {}
    for agency in agencies:
        code = agency_countries.get(agency.key)
        if code and code not in named and code not in added:
            added[code] = Suggestion(key=code, evidence=agency.evidence, count=agency.count)
    return [*countries, *added.values()]


def _closing_dateline(layout: chrome.Layout) -> None:
    """A press release signed off with its place and date ("PUTRAJAYA" / "22 Oktober 2022"):
    the date line, and the place line above it, are the page's metadata, not the story."""
    paragraphs = layout.paragraphs
    if len(paragraphs) < 3 or len(paragraphs[-1][1]) > 40 or not _date_only(paragraphs[-1][1]):
        return
    closing = [paragraphs.pop()]
    place = paragraphs[-1][1]
    if len(place) <= 40 and len(place.split()) <= 4 and not chrome.SENTENCE_END.search(place):
        closing.insert(0, paragraphs.pop())
    for _number, line in closing:
        layout.removed.append(chrome.Removed("page metadata", line))
    layout.header_lines.append(closing[-1])


def _without_stamp(layout: chrome.Layout) -> str:
    """The headline without a time stamp printed after it ("… ở Campuchia 17/12/2025 17:24"),
    which goes to the header lines, where the publication date is read."""
    headline = layout.headline
    mentions = find_dates(headline)
    if not mentions or not _TIME.search(headline[mentions[-1].end :]):
        return headline
    stamp = headline[mentions[-1].start :]
    title = headline[: mentions[-1].start].strip()
    if len(title) < 20 or not _date_only(stamp):
        return headline
    layout.header_lines.append((layout.headline_line, stamp))
    layout.headline = title
    return title


def _in_a_caption(yearless: DateMention, layout: chrome.Layout) -> DateMention | None:
    """The one full date of that day and month that the page's photo captions print."""
    found = {
        mention.first(): mention
        for removed in layout.removed
        if removed.reason == "photo caption"
        for mention in find_dates(removed.text)
        if mention.year is not None
        and (mention.start_day, mention.start_month) == (yearless.start_day, yearless.start_month)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def natural_key(*, headline: str, language: str, text: str) -> str:
    """Key a re-import recognises: the headline when there is one, else the whole text."""
    if headline:
        basis = f"{language}\n{headline.casefold()}"
        return "h:" + hashlib.sha256(basis.encode()).hexdigest()[:40]
    return "t:" + hashlib.sha256(text.encode()).hexdigest()[:40]


def _read_dates(parsed: ParsedArticle, layout: chrome.Layout, flags: list[Flag]) -> None:
    published: DateMention | None = None
    updated: DateMention | None = None
    # A date line below the headline is the article's; one above it may be the site's clock
    # ("วันเสาร์ที่ 6 กันยายน 2568" in the page header), so it is read last.
    top = -1 if layout.headline_line is None else layout.headline_line
    below = [line for number, line in layout.header_lines if number > top]
    above = [line for number, line in layout.header_lines if number <= top]
    for line in [*below, *above]:
        mentions = find_dates(line)
        mention = mentions[0]
        if _UPDATED_CUE.match(line):
            updated = updated or mention
            # "อัพเดต 20 ก.พ. 2568 เวลา 15.31 น. • เผยแพร่ 20 ก.พ. 2568 เวลา 07.34 น.": the
            # posted date later on the same line
            posted = [
                m
                for m in mentions[1:]
                if _cue_before(line[max(0, m.start - 30) : m.start]) == "published"
            ]
            if posted and published is None:
                published = posted[0]
        elif published is None:
            published = mention
    # Cues inside a line of page furniture glued to the lede: "อัพเดต 21 ก.พ. 2568 เวลา 13.51 น. •
    # เผยแพร่ 21 ก.พ. 2568 เวลา 17.15 น. • The Bangkok Insightจเรตำรวจ…".
    cued: set[tuple[int, int]] = set()
    for index, (_, line) in enumerate(layout.paragraphs[:3]):
        for mention in find_dates(line[:300]):
            kind = _cue_before(line[max(0, mention.start - 30) : mention.start])
            if kind:
                cued.add((index, mention.start))
            if kind == "published" and (published is None or published.year is None):
                published = mention
            elif kind == "updated" and updated is None:
                updated = mention

    # The event: the first date in the story. A yearless one takes its year only from its own
    # sentence ("ngày 27/2, … lần thứ nhất năm 2025"); a later full date within a month of it
    # is the event told with its year ("วันนี้ (17 ต.ค.)" … "เมื่อวันที่ 16 ตุลาคม 2566"), one
    # further away is background (a treaty signed years before), only pointed out to the editor.
    event: DateMention | None = None
    yearless: DateMention | None = None
    background: DateMention | None = None
    named_year = False
    paragraphs = [p for _, p in layout.paragraphs]
    for index, paragraph in enumerate(paragraphs):
        for mention in find_dates(paragraph):
            if (index, mention.start) in cued:
                continue
            after = paragraph[mention.end :]
            if not after.strip() and index + 1 < len(paragraphs):
                after = paragraphs[
                    index + 1
                ]  # "Preah Vihear (Cambodia),10 August 2010" / "- From …"
            near_start = mention.start <= 40 or (
                mention.end == len(paragraph.rstrip()) and len(paragraph) <= _DATELINE_LINE
            )
            if index <= 2 and near_start and _DATELINE_DASH.match(after) and not published:
                # A dateline ("กรุงเทพฯ 17 ก.พ. – …", "BANDAR SERI BEGAWAN, 9 Mei – …"), also
                # below a byline line. Without a year it is also the event's day as far as
                # the text tells ("… hari ini"), so a later full date of another day is background.
                published = mention
                if mention.year is None:
                    yearless = yearless or mention
                continue
            if mention.year is None and yearless is None:
                year = year_of_sentence(paragraph, mention)
                dated = _dated(mention, year)
                later = published and published.year and dated and dated.first() > published.first()
                if dated and not later:
                    event, named_year = dated, True
                    break
                yearless = mention
                continue
            if mention.year is None:
                continue
            if yearless and not _near(yearless, mention):
                background = mention
                break
            event = _within_a_range(
                mention, [paragraph[mention.end :], *paragraphs[index + 1 : index + 2]]
            )
            break
        if event or background:
            break
    if named_year:
        flags.append(
            Flag(
                "event_year_from_sentence",
                f"The event date reads {_describe(event)}; its year {event.year} was taken from "
                "the same sentence — check it.",
            )
        )
    if (
        event
        and yearless
        and (event.start_day, event.start_month)
        != (
            yearless.start_day,
            yearless.start_month,
        )
    ):  # noticed, not dropped: the yearless one may be the event
        flags.append(
            Flag(
                "yearless_date_seen",
                f"The story also gives {_describe(yearless)} without a year; the event date "
                f"{event.first():%Y-%m-%d} was taken from a later date with one — check it.",
            )
        )
    if event is None and yearless is not None and background is None:
        # A yearless day ("KUALA LUMPUR, Sept 26 —") that a photo's caption prints with its year
        # ("… September 26, 2019. — Picture by …"): the same day, as far as the page tells.
        event = _in_a_caption(yearless, layout)
        if event:
            flags.append(
                Flag(
                    "event_year_from_caption",
                    f"The event date reads {_describe(yearless)}; its year {event.year} was "
                    "taken from a photo caption of the same day — check it.",
                )
            )
    if event is None:
        event = yearless
    if published is None:
        published = _posted_by_on([p for _, p in layout.paragraphs])
    if published is None and updated is not None and updated.year is not None:
        published = updated  # the page's only stamp says when it was updated: as it dates itself

    if published:
        if published.year is None:
            flags.append(
                Flag(
                    "date_without_year",
                    f"The publication date reads {_describe(published)} without a year; "
                    "enter the date by hand.",
                )
            )
        else:
            parsed.published_on = published.first()
    if updated and updated.year is not None:
        parsed.updated_on = updated.first()
    if event:
        if event.year is None:
            flags.append(
                Flag(
                    "event_date_without_year",
                    f"The event date reads {_describe(event)} without a year; enter it by hand."
                    + (
                        f" The story also gives {background.first():%Y-%m-%d} with a year, "
                        "which may be background."
                        if background
                        else ""
                    ),
                )
            )
        else:
            parsed.event_start = event.first()
            parsed.event_end = event.last()
    if parsed.published_on is None and not (published and published.year is None):
        flags.append(
            Flag("published_date_missing", "The publication date could not be told; enter it.")
        )
