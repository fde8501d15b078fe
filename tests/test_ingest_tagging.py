from articles.ingest import Vocabulary
from articles.ingest.pipeline import select_topics
from articles.ingest.types import Suggestion

VOCABULARY = Vocabulary(
    topics={
        "drug-trafficking": ("ยาเสพติด", "ma túy", "narcotics"),
        "meeting": ("ประชุม", "hội nghị", "conference"),
    },
    countries={"LA": ("ลาว", "สปป.ลาว", "Lào", "Laos"), "US": ("U.S.", "Hoa Kỳ")},
    agencies={"UNODC": ("UNODC",), "ONCB": ("ป.ป.ส.",)},
)


def _keys(text, kind):
    return [s.key for s in VOCABULARY.matcher.match(text)[kind]]


def test_thai_terms_match_on_word_boundaries_only():
    assert _keys("ผู้แทนจาก สปป.ลาว เข้าร่วม", "countries") == ["LA"]
    # ลาว inside another word (เลาว / ลาวัณย์-like strings) is not Laos.
    assert _keys("นางสาวลาวัณย์ไปตลาด", "countries") == []


def test_evidence_keeps_the_matching_words():
    (suggestion,) = VOCABULARY.matcher.match("ปราบปรามยาเสพติด และ ยาเสพติด")["topics"]
    assert suggestion.key == "drug-trafficking"
    assert suggestion.evidence == ("ยาเสพติด",)
    assert suggestion.count == 2


def test_vietnamese_and_english_terms_with_case_rules():
    assert _keys("Hội nghị về ma túy tại Lào", "topics") == ["drug-trafficking", "meeting"]
    assert _keys("Hội nghị về ma túy tại Lào", "countries") == ["LA"]
    # Acronyms and names are matched as written: 'unodc' in running text is not the agency.
    assert _keys("the UNODC report", "agencies") == ["UNODC"]
    assert _keys("the unodc report", "agencies") == []
    assert _keys("NARCOTICS conference", "topics") == ["drug-trafficking", "meeting"]


def test_a_word_inside_a_longer_latin_word_does_not_match():
    assert _keys("Laosian", "countries") == []


def test_topics_need_repetition_or_the_headline():
    once = Suggestion("meeting", ("ประชุม",), 1)
    twice = Suggestion("drug-trafficking", ("ยาเสพติด",), 2)
    assert select_topics([twice, once], headline="ข่าว") == [twice]
    assert select_topics([twice, once], headline="การประชุม") == [twice, once]
    assert select_topics([once], headline="ข่าว") == [once]
