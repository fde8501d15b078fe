"""Property-based tests: the ingest pipeline never raises on text, and its values stay sane."""

import contextlib
import datetime
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest import Vocabulary, parse_article
from articles.ingest.dates import find_dates
from articles.ingest.decode import _CONTROL, DecodeError, decode, normalise
from articles.ingest.language import detect_language

# Text drawn from what the material is made of: Thai, Vietnamese, Latin, digits, punctuation,
# Thai digits and month abbreviations, separators and line breaks, plus anything Unicode.
PIECES = st.sampled_from(
    ["ม.ค.", "มี.ค.", "พฤษภาคม", "2563", "๒๕๖๐", "65", "17", "1 – 5", "/", "29/5/2023", " | ",
     "Sáng", "ngày", "tháng", "năm", "March", "2022-03-05", "»", ".- ", "\n", "\n\n", "ข่าว",
     "Tin liên quan", "422   0", "รูปภาพประกอบ", "nv.vog.nagnocob/", "https://", "\u200b", "\r\n"]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join),
)
VOCABULARY = Vocabulary(
    topics={"drug-trafficking": ("ยาเสพติด", "ma túy", "drugs")},
    countries={"TH": ("ไทย", "Thái Lan", "Thailand")},
    agencies={"UNODC": ("UNODC",)},
)
NEXT_YEAR = datetime.date.today().year + 1
FUZZ = settings(
    max_examples=max(150, settings().max_examples),  # the "thorough" profile raises it
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@FUZZ
@given(TEXT)
def test_the_pipeline_never_raises_on_text(text):
    parsed = parse_article(text, vocabulary=VOCABULARY)
    assert parsed.language in {"th", "vi", "en", "lo", "km", "my", "und"}
    for value in (parsed.published_on, parsed.updated_on, parsed.event_start, parsed.event_end):
        assert value is None or datetime.date(1900, 1, 1) <= value <= datetime.date(
            NEXT_YEAR, 12, 31
        )
    if parsed.event_start and parsed.event_end:
        assert parsed.event_end >= parsed.event_start
    assert all(f.code and f.message for f in parsed.flags)
    assert unicodedata.is_normalized("NFC", parsed.body)


@FUZZ
@given(st.binary(max_size=400))
def test_bytes_either_decode_or_fail_with_a_reason(data):
    try:
        parse_article(data, vocabulary=VOCABULARY)
    except DecodeError as error:
        assert str(error)


@FUZZ
@given(TEXT)
def test_every_date_found_is_real_and_plausible(text):
    for mention in find_dates(text):
        assert mention.text and mention.text in text
        first = mention.first()
        if first is not None:
            assert 1900 <= first.year <= NEXT_YEAR
            last = mention.last()
            assert last is None or last >= first
        else:
            assert mention.year is None  # never completed by guessing


@FUZZ
@given(TEXT)
def test_normalising_is_nfc_and_idempotent(text):
    once = normalise(text)
    assert unicodedata.is_normalized("NFC", once)
    assert normalise(once) == once
    assert "\r" not in once


@FUZZ
@given(TEXT)
def test_language_detection_always_answers(text):
    assert detect_language(text) in {"th", "vi", "en", "lo", "km", "my", "und"}


@FUZZ
@given(TEXT)
def test_utf8_bytes_of_any_text_decode_back(text):
    data = text.encode("utf-8")
    # Empty, binary-looking (control characters) or NUL input is refused with a reason.
    with contextlib.suppress(DecodeError):
        # Stray control characters are dropped (a few are tolerated, many mean binary).
        assert decode(data).text == normalise(_CONTROL.sub("", text))
