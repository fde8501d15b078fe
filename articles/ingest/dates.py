"""Find dates in Thai, Vietnamese and English news text.

Buddhist-era years (2563, and two-digit 65 after a Thai month) become Common Era; Thai digits are
read as digits inside the values only. A date written without a year keeps year=None: it is never
completed by guessing. dateparser is not used: it keeps Buddhist-era years and misreads มี.ค.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pythainlp.util.date import thai_abbr_months, thai_full_months

BUDDHIST_ERA_OFFSET = 543
_ANY_DIGIT = re.compile(r"[0-9๐-๙]")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


@dataclass(frozen=True)
class DateMention:
    """A date (or a range) found in a text; years are None where the text gives none."""

    start_day: int
    start_month: int
    end_day: int | None
    end_month: int | None
    year: int | None
    start: int  # character offsets in the text searched
    end: int
    text: str

    def first(self) -> datetime.date | None:
        if self.year is None:
            return None
        return datetime.date(self.year, self.start_month, self.start_day)

    def with_year(self, year: int) -> DateMention:
        """The same mention with a year the text gives elsewhere."""
        return replace(self, year=year)

    def last(self) -> datetime.date | None:
        if self.year is None or self.end_day is None:
            return None
        end_month = self.end_month or self.start_month
        year = self.year
        if end_month < self.start_month:  # 28 ธ.ค. – 2 ม.ค. 2566 spans the new year
            year += 1
        return datetime.date(year, end_month, self.end_day)


def _thai_month_pattern() -> tuple[str, dict[str, int]]:
    names: dict[str, int] = {}
    alternatives = []
    for number, (full, abbr) in enumerate(zip(thai_full_months, thai_abbr_months, strict=True), 1):
        names[full] = number
        alternatives.append(re.escape(full))
        # ม.ค. is also written ม.ค, มค., ม. ค. — dots and inner spaces vary.
        letters = abbr.replace(".", "")
        names[letters] = number
        head, tail = abbr.rstrip(".").split(".")
        alternatives.append(rf"{re.escape(head)}\.?\s?{re.escape(tail)}\.?")
    alternatives.sort(key=len, reverse=True)
    return "(?:" + "|".join(alternatives) + ")", names


_TH_MONTH, _TH_MONTH_NUMBERS = _thai_month_pattern()
_EN_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_EN_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Indonesian and Malay month names (the English pattern already reads April, September, …).
_ID_MS_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maret": 3, "mac": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "julai": 7, "jul": 7,
    "agustus": 8, "ogos": 8, "agu": 8, "agt": 8, "ags": 8, "september": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "desember": 12, "disember": 12,
    "des": 12, "dis": 12,
}  # fmt: skip
_ID_MS_MONTH = (
    r"(?:januari|februari|maret|mac|mei|juni|juli|julai|agustus|ogos|agu|agt|ags|oktober|okt|"
    r"desember|disember|des|dis)\.?"
)
# French, as international bodies' pages print it ("30 décembre 2016", Interpol at Lyon).
_FR_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}  # fmt: skip
_FR_MONTH = "(?:" + "|".join(sorted(_FR_MONTHS, key=len, reverse=True)) + ")"
_DASH = r"\s*(?:[-–—]|ถึง|to|đến|hingga|sampai|sehingga)\s*"
_DAY = r"(?<!\d)(\d{1,2})"

_PATTERNS = [
    # Thai: 1 – 5 มี.ค.65, 30 มี.ค. – 2 เม.ย. 2565, 2 พฤษภาคม ๒๕๖๐, 17 ก.พ.
    (
        "th",
        re.compile(
            rf"{_DAY}\s*(?:({_TH_MONTH})\s*)?(?:{_DASH}(\d{{1,2}})\s*)?({_TH_MONTH})"
            rf"(?:\s*(?:(พ\.\s?ศ\.|ค\.\s?ศ\.)\s*)?(\d{{4}}|\d{{2}})(?!\d))?"
        ),
    ),
    # English range in words: "between 28 and 31 March 2024"
    (
        "en_between",
        re.compile(
            rf"(?<![\w])(?i:between)\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+(?i:and)\s+(\d{{1,2}})"
            rf"(?:st|nd|rd|th)?\s+({_EN_MONTH})(?:,?\s+(\d{{4}}))?(?![\w])",
            re.IGNORECASE,
        ),
    ),
    # Ranges across months: "30 March – 2 April 2024", "16 Januari hingga 22 Februari 2026"
    (
        "dm_dm_y",
        re.compile(
            rf"{_DAY}(?:st|nd|rd|th)?\s+({_EN_MONTH}|{_ID_MS_MONTH}){_DASH}(\d{{1,2}})(?:st|nd|rd|th)?"
            rf"\s+({_EN_MONTH}|{_ID_MS_MONTH}),?\s+(\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
    ),
    # English: 1-5 March 2022, 5 March 2022, 5th March
    (
        "en_dmy",
        re.compile(
            rf"{_DAY}(?:st|nd|rd|th)?(?:{_DASH}(\d{{1,2}})(?:st|nd|rd|th)?)?\s+({_EN_MONTH})"
            r"(?:,?\s+(\d{4}))?(?![\w])",
            re.IGNORECASE,
        ),
    ),
    # English: March 5, 2022; March 1-5, 2022
    (
        "en_mdy",
        re.compile(
            rf"(?<![\w])({_EN_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:{_DASH}(\d{{1,2}}))?"
            r"(?:,\s*|\s+)(\d{4})(?!\d)",
            re.IGNORECASE,
        ),
    ),
    # English, no year: "On May 30", "July 28" (a capitalised month, so "may 30" is not one)
    (
        "en_md",
        re.compile(
            r"(?<![\w])((?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
            r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))\.?\s+"
            r"(\d{1,2})(?:st|nd|rd|th)?(?![\d,.:]*\d)(?!\s*,?\s*\d{4})",
        ),
    ),
    # Indonesian and Malay: 4 Juni 2024, 7–13 Ogos 2025, 9 Mei; Julai 29, 2023
    (
        "id_dmy",
        re.compile(
            rf"{_DAY}(?:{_DASH}(\d{{1,2}}))?\s+({_ID_MS_MONTH})(?:\s+(\d{{4}}))?(?![\w])",
            re.IGNORECASE,
        ),
    ),
    ("fr_dmy", re.compile(rf"{_DAY}(?:er)?\s+({_FR_MONTH})\s+(\d{{4}})(?!\d)", re.IGNORECASE)),
    (
        "id_mdy",
        re.compile(rf"(?<![\w])({_ID_MS_MONTH})\s+(\d{{1,2}}),\s*(\d{{4}})(?!\d)", re.IGNORECASE),
    ),
    # Thai month first: พฤศจิกายน 28, 2017
    ("th_mdy", re.compile(rf"({_TH_MONTH})\s*(\d{{1,2}}),\s*(\d{{4}})(?!\d)")),
    # ISO 2022-03-05, and the year first with dots or slashes: 2023.12.04, 2023/12/04
    (
        "iso",
        re.compile(
            r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?!\d)|"
            r"(?<![\d.])(\d{4})([./])(\d{1,2})\5(\d{1,2})(?![\d.])"
        ),
    ),
    # Numeric range across months: "Từ ngày 31/3 - 1/4/2025"
    (
        "dm_dmy",
        re.compile(rf"{_DAY}/(\d{{1,2}}){_DASH}(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})(?!\d)"),
    ),
    # Vietnamese and numeric: 29/5/2023, 1-5/3/2023, 29.5.2023, 29-5-2023
    (
        "dmy",
        re.compile(rf"{_DAY}(?:{_DASH}(\d{{1,2}}))?([/.-])(\d{{1,2}})\3(\d{{4}})(?!\d)"),
    ),
    # Vietnamese, abbreviated month (WordPress sites): "20 Th1, 2020"
    ("vi_abbr", re.compile(r"(?<!\d)(\d{1,2})\s+Th(\d{1,2}),?\s+(\d{4})(?!\d)")),
    # Vietnamese: ngày 29 tháng 5 năm 2023
    (
        "vi_words",
        re.compile(
            r"(?<![\w])ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?",
            re.IGNORECASE,
        ),
    ),
    # Vietnamese day/month without a year, after a time-of-day word: Sáng 29/5, ngày 27-29/4
    (
        "vi_dm",
        re.compile(
            r"(?<![\w])(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|từ|đến|nay)\s+(\d{1,2})(?:-(\d{1,2}))?"
            r"[/-](\d{1,2})(?![/\d-])",
            re.IGNORECASE,
        ),
    ),
    # Day/month without a year in brackets, or after "on"/"since"/"until": "(6-3)", "on 16/9"
    # ("Room 12/3" and "2-3 người" are not dates)
    (
        "dm",
        re.compile(
            r"\((\d{1,2})[-/](\d{1,2})\)|"
            r"(?<![\w])(?i:on|since|until|by|sejak|pada|tanggal|tarikh)\s+(\d{1,2})/(\d{1,2})(?![/\d])"
        ),
    ),
]


def thai_digits_to_arabic(text: str) -> str:
    """Replace Thai digits by ASCII ones (the same length, so offsets stay valid)."""
    return text.translate(_THAI_DIGITS)


def _year(raw: str | None, era: str | None, *, two_digit_is_buddhist: bool) -> int | None:
    if not raw:
        return None
    value = int(raw)
    era = (era or "").replace(" ", "")
    if len(raw) == 2:
        if not two_digit_is_buddhist:
            return None
        return 2500 + value - BUDDHIST_ERA_OFFSET
    if era == "พ.ศ." or (era != "ค.ศ." and value >= 2400):
        return value - BUDDHIST_ERA_OFFSET
    return value


def _thai_month(raw: str | None) -> int | None:
    if not raw:
        return None
    return _TH_MONTH_NUMBERS.get(raw.replace(".", "").replace(" ", ""))


def _any_month(raw: str) -> int:
    """An English, Indonesian or Malay month name's number."""
    return _ID_MS_MONTHS.get(raw.lower().rstrip(".")) or _english_month(raw)


def _english_month(raw: str) -> int:
    raw = raw.lower().rstrip(".")
    return next(i for i, name in enumerate(_EN_MONTHS, 1) if name.startswith(raw[:3]))


def _mention(kind: str, m: re.Match) -> tuple[int, int, int | None, int | None, int | None]:
    """Return (start_day, start_month, end_day, end_month, year) from one match."""
    g = m.groups()
    if kind == "th":
        day, month1, day2, month, era, year = g
        month_n = _thai_month(month)
        first_month = _thai_month(month1)
        if day2 is None and first_month:  # "5 มี.ค. 2565" parsed as day+month1, month=None
            return int(day), first_month, None, None, _year(year, era, two_digit_is_buddhist=True)
        return (
            int(day),
            first_month or month_n,
            int(day2) if day2 else None,
            month_n if day2 else None,
            _year(year, era, two_digit_is_buddhist=True),
        )
    if kind == "dm_dm_y":
        day, month, day2, month2, year = g
        return int(day), _any_month(month), int(day2), _any_month(month2), int(year)
    if kind == "vi_abbr":
        day, month, year = g
        return int(day), int(month), None, None, int(year)
    if kind in ("en_dmy", "en_between"):
        day, day2, month, year = g
        month_n = _english_month(month)
        year_n = _year(year, None, two_digit_is_buddhist=False)
        return int(day), month_n, int(day2) if day2 else None, None, year_n
    if kind == "en_mdy":
        month, day, day2, year = g
        month_n = _english_month(month)
        return int(day), month_n, int(day2) if day2 else None, None, int(year)
    if kind == "iso":
        year, month, day = g[:3] if g[0] else (g[3], g[5], g[6])
        return int(day), int(month), None, None, int(year)
    if kind == "dm_dmy":
        day, month, day2, month2, year = g
        return int(day), int(month), int(day2), int(month2), int(year)
    if kind == "dmy":
        day, day2, _separator, month, year = g
        if int(month) > 12 >= int(day) and not day2:
            day, month = month, day  # the month first, as only it can be: "5/17/2025 6:16 PM"
        year_n = _year(year, None, two_digit_is_buddhist=False)
        return int(day), int(month), int(day2) if day2 else None, None, year_n
    if kind == "vi_words":
        day, month, year = g
        return int(day), int(month), None, None, int(year) if year else None
    if kind == "en_md":
        month, day = g
        return int(day), _english_month(month), None, None, None
    if kind == "id_dmy":
        day, day2, month, year = g
        month_n = _ID_MS_MONTHS[month.lower().rstrip(".")]
        return int(day), month_n, int(day2) if day2 else None, None, int(year) if year else None
    if kind == "fr_dmy":
        day, month, year = g
        return int(day), _FR_MONTHS[month.lower()], None, None, int(year)
    if kind == "id_mdy":
        month, day, year = g
        return int(day), _ID_MS_MONTHS[month.lower().rstrip(".")], None, None, int(year)
    if kind == "th_mdy":
        month, day, year = g
        return (
            int(day),
            _thai_month(month),
            None,
            None,
            _year(year, None, two_digit_is_buddhist=True),
        )
    if kind == "vi_dm":
        day, day2, month = g
        return int(day), int(month), int(day2) if day2 else None, None, None
    day = g[0] or g[2]  # dm
    month = g[1] or g[3]
    return int(day), int(month), None, None, None


def find_dates(text: str, *, max_year: int | None = None) -> list[DateMention]:
    """Return the dates in a text in reading order; impossible dates are skipped."""
    if not _ANY_DIGIT.search(text):
        return []
    return list(_find_dates(text, max_year or datetime.date.today().year + 1))


@lru_cache(maxsize=4096)
def _find_dates(text: str, max_year: int) -> tuple[DateMention, ...]:
    # Cached: the layout asks of the same header lines several times (headline? metadata?).
    searched = thai_digits_to_arabic(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(searched):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            try:
                parts = _mention(kind, m)
            except (StopIteration, ValueError):
                continue
            mention = _validated(m, parts, max_year, original=text)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda d: d.start))


def _validated(m, parts, max_year, *, original: str) -> DateMention | None:
    start_day, start_month, end_day, end_month, year = parts
    if year is not None and not 1900 <= year <= max_year:
        return None
    mention = DateMention(
        start_day=start_day,
        start_month=start_month,
        end_day=end_day,
        end_month=end_month,
        year=year,
        start=m.start(),
        end=m.end(),
        text=original[m.start() : m.end()],
    )
    try:
        check_year = year or 2000  # a leap year, so 29 February without a year is possible
        datetime.date(check_year, start_month, start_day)
        if end_day is not None:
            datetime.date(check_year, end_month or start_month, end_day)
            if year is not None and mention.last() < mention.first():
                return None
    except (TypeError, ValueError):
        return None
    return mention


# A year the sentence itself names: "… tuần tra chung lần thứ nhất năm 2025 …", "pada tahun
# 2024", "ในปี 2567", "the first patrol of 2024".
_NAMED_YEAR = re.compile(
    r"(?:(?<!\w)(?:năm|tahun|in|of|year)\s+|ปี\s*(?:พ\.\s?ศ\.\s*)?|พ\.\s?ศ\.\s*)"
    r"(?P<year>(?:19|20|25)\d{2})(?!\d)",
    re.IGNORECASE,
)
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20|25)\d{2}(?!\d)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_SENTENCE_REACH = 200
_LONG_SENTENCE = 500  # where sentences end with stops, a long one is still one sentence
THAI_LETTER = re.compile(r"[\u0e01-\u0e4e]")  # (chrome and outlet use it too)
# A time of day ("09:02:52 am", "13.51 น."), and the weekdays of the languages that write them
# beside a date (Thai's are matched where Thai stamps are read); pipeline and outlet use them.
TIME_OF_DAY = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:น\.|am|pm))?"
WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|thứ\s*\w+|chủ nhật"
ID_MS_WEEKDAYS = r"senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|isnin|khamis|jumaat"


def year_of_sentence(text: str, mention: DateMention) -> int | None:
    """The year that the sentence around a yearless date names, where it names exactly one
    with a year word ("ngày 27/2, … lần thứ nhất năm 2025"); else None. Thai has no sentence
    stops, so a Thai sentence is cut at 200 characters either side (others at 500)."""
    searched = thai_digits_to_arabic(text)
    reach = _SENTENCE_REACH if THAI_LETTER.search(searched) else _LONG_SENTENCE
    start = max(0, mention.start - reach)
    before = list(_SENTENCE_END.finditer(searched, start, mention.start))
    if before:
        start = before[-1].end()
    stop = _SENTENCE_END.search(searched, mention.end)
    end = min(stop.start() if stop else len(searched), mention.end + reach)
    sentence = searched[start:end]
    years = {int(y) for y in _ANY_YEAR.findall(sentence)}
    named = [m for m in _NAMED_YEAR.finditer(sentence)]
    if len(years) != 1 or not named:
        return None
    return _year(named[0].group("year"), None, two_digit_is_buddhist=False)
