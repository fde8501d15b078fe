from articles.ingest import Vocabulary, parse_article
from articles.ingest.pipeline import with_agency_countries
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


def test_an_agency_at_work_tags_its_country():
    police = Suggestion("RTP", ("ตำรวจไทย",), 1)
    interpol = Suggestion("INTERPOL", ("Interpol",), 1)
    named = Suggestion("KH", ("กัมพูชา",), 2)
    countries = with_agency_countries([named], [police, interpol], {"RTP": "TH", "CNP": "KH"})
    assert [c.key for c in countries] == ["KH", "TH"]
    assert countries[1].evidence == ("ตำรวจไทย",)


def test_a_single_passing_mention_deep_in_a_long_story_stays_out():
    vocabulary = Vocabulary(topics={"terrorism": ("terrorism",), "drug-trafficking": ("drugs",)})
    filler = "The two police forces met for three days and agreed to meet again next year. " * 25
    parsed = parse_article(
        f"Police chiefs meet\n\nThey talked about drugs.\n\n{filler}\n\nAnd terrorism.",
        vocabulary=vocabulary,
    )
    assert {t.key for t in parsed.topics} == {"drug-trafficking"}


def test_a_topic_named_once_on_an_agenda_counts():
    vocabulary = Vocabulary(
        topics={"money-laundering": ("money laundering",), "drug-trafficking": ("drugs",)}
    )
    parsed = parse_article(
        "Police chiefs meet in Hanoi\n\nThe agenda covers drugs, drugs and money laundering.",
        vocabulary=vocabulary,
    )
    assert {t.key for t in parsed.topics} == {"money-laundering", "drug-trafficking"}


def test_an_english_plural_matches_its_singular_term():
    vocabulary = Vocabulary(
        topics={"joint-operation": ("joint patrol",), "cybercrime": ("cybercrime",)}
    )
    found = vocabulary.matcher.match("Joint patrols began; cybercrimes fell. Patrols ended.")
    assert {s.key for s in found["topics"]} == {"joint-operation", "cybercrime"}
    assert vocabulary.matcher.match("The Zeus trojan")["topics"] == []


def test_a_thai_agency_name_followed_by_another_country_is_that_countrys_body():
    vocabulary = Vocabulary(
        countries={"AU": ("ออสเตรเลีย",), "TH": ("ไทย",), "US": ("สหรัฐฯ",)},
        agencies={"MOJ-TH": ("กระทรวงยุติธรรม",)},
        agency_countries={"MOJ-TH": "TH"},
    )

    def agencies(text):
        return [s.key for s in vocabulary.matcher.match(text)["agencies"]]

    assert agencies("รัฐมนตรีว่าการกระทรวงยุติธรรมออสเตรเลียเข้าพบ") == []
    assert agencies("เจ้าหน้าที่กระทรวงยุติธรรม สหรัฐฯ ระบุ") == []
    assert agencies("รัฐมนตรีว่าการกระทรวงยุติธรรมไทยเข้าพบ") == ["MOJ-TH"]
    assert agencies("รัฐมนตรีว่าการกระทรวงยุติธรรม แถลงผลการประชุม") == ["MOJ-TH"]


def test_transnational_crime_named_as_cross_border_is_not_border_management():
    vocabulary = Vocabulary(topics={"border-management": ("biên giới", "sempadan", "border")})
    for text in (
        "Hội nghị về phòng, chống tội phạm xuyên biên giới.",
        "Mesyuarat Menteri ASEAN mengenai Jenayah Rentas Sempadan.",
        "Ministers discussed cross-border crime in the region.",
    ):
        parsed = parse_article(f"Meeting\n\n{text} {text}", vocabulary=vocabulary)
        assert parsed.topics == [], text
    parsed = parse_article("Meeting\n\nPatrols on the border. The border", vocabulary=vocabulary)
    assert [s.key for s in parsed.topics] == ["border-management"]


def test_victims_named_are_not_victims_supported():
    vocabulary = Vocabulary(topics={"victim-support": ("victims", "repatriated", "nạn nhân")})
    parsed = parse_article(
        "Scam ring broken\n\nThe ring cheated victims of millions; victims lost savings.",
        vocabulary=vocabulary,
    )
    assert parsed.topics == []
    parsed = parse_article(
        "Scam ring broken\n\nThe victims were repatriated on Monday.", vocabulary=vocabulary
    )
    assert [s.key for s in parsed.topics] == ["victim-support"]


def test_a_name_that_needs_its_country_counts_only_beside_it():
    vocabulary = Vocabulary(
        countries={"KH": ("Cambodia",), "TH": ("Thailand",)},
        agencies={"MOI-KH": ("~Interior Ministry", "Cambodian Interior Ministry")},
        agency_countries={"MOI-KH": "KH"},
    )

    def agencies(text):
        return [
            a.key for a in parse_article(f"Scam ring\n\n{text}", vocabulary=vocabulary).agencies
        ]

    assert agencies("Cambodia's Interior Ministry deported 200 people.") == ["MOI-KH"]
    assert agencies("Thailand's Interior Ministry met governors.") == []  # not Cambodia's
    assert agencies("The Cambodian Interior Ministry said so.") == ["MOI-KH"]  # a firm name


def test_the_bureau_of_immigration_is_the_philippines_only_beside_the_philippines():
    vocabulary = Vocabulary(
        countries={"PH": ("Philippines",), "TH": ("Thailand",)},
        agencies={"BI-PH": ("~Bureau of Immigration",)},
        agency_countries={"BI-PH": "PH"},
    )
    manila = (
        "A Chinese national was barred entry in the Philippines by Bureau of Immigration officers."
    )
    bangkok = "A Chinese national was barred entry in Thailand by Bureau of Immigration officers."
    assert [
        a.key for a in parse_article(f"Barred\n\n{manila}", vocabulary=vocabulary).agencies
    ] == ["BI-PH"]
    assert parse_article(f"Barred\n\n{bangkok}", vocabulary=vocabulary).agencies == []


def test_a_shared_noun_is_spelled_out_for_each_country():
    from articles.ingest.tagging import shared_nouns

    assert shared_nouns("between Chinese and Laotian police") == [
        "Chinese police",
        "Laotian police",
    ]
    assert shared_nouns("cảnh sát Việt Nam và Lào") == ["cảnh sát Việt Nam", "cảnh sát Lào"]
    assert shared_nouns("the police and the army") == []


def test_cross_border_crime_in_thai_is_not_border_management():
    from articles.ingest import Vocabulary

    vocabulary = Vocabulary(topics={"border-management": ("ข้ามพรมแดน", "ชายแดน")})
    keys = [s.key for s in vocabulary.matcher.match("ปราบปรามอาชญากรรมข้ามพรมแดน")["topics"]]
    assert keys == []
    keys = [s.key for s in vocabulary.matcher.match("ลาดตระเวนตามแนวชายแดน")["topics"]]
    assert keys == ["border-management"]
