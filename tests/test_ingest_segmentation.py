"""Thai word segmentation: the words always join back to the text, at any length."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import search
from articles.ingest import Vocabulary

THAI_PIECES = st.sampled_from(
    ["ผู้แทน", "ตำรวจ", "ไทย", "ร่วมประชุม", "หัวหน้า", "อาเซียน", "ยาเสพติด", "ค้ามนุษย์",
     "คอลเซ็นเตอร์", "สปป.ลาว", "เมื่อวันที่", "๒๕๖๐", "2565", "ASEANAPOL", "Interpol", " ",
     "\n", "\n\n", "-", "(", ")", ".", "ๆ", "ฯ", "ก", "่", "้", "ำ", "เ", "แ"]
)  # fmt: skip
# Thai mixed with Latin, digits and newlines, up to 20,000 characters.
MIXED = st.lists(
    st.one_of(
        THAI_PIECES,
        st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), max_size=300),
        st.text(alphabet="abcXYZ0123456789 \n.,", max_size=20),
    ),
    max_size=400,
).map(lambda parts: "".join(parts)[:20_000])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEGMENT = Vocabulary(topics={"drug-trafficking": ("ยาเสพติด",)}).matcher.segment


@SETTINGS
@given(MIXED)
def test_tagger_words_join_back_to_the_text(text):
    assert "".join(SEGMENT(text)) == text


def test_a_long_thai_paragraph_keeps_its_words_in_order():
    # Past ~120 characters nlpo3's "safe" mode returned pieces out of order.
    sentence = "ผู้แทนตำรวจไทยร่วมประชุมหัวหน้าตำรวจอาเซียนเพื่อปราบปรามยาเสพติดและการค้ามนุษย์"
    text = sentence * 20
    words = SEGMENT(text)
    assert "".join(words) == text
    assert words[:4] == ["ผู้แทน", "ตำรวจ", "ไทย", "ร่วม"]
    assert words.count("อาเซียน") == 20


@SETTINGS
@given(MIXED)
def test_search_thai_runs_join_back(text):
    # The search index segments each Thai run between spaces; runs can be long too.
    for match in search.analysis.THAI_RUN.finditer(text):
        assert "".join(search.analysis.segmenters()[0](match.group())) == match.group()


def test_search_indexes_every_word_of_a_long_thai_run():
    run = "ผู้แทนตำรวจไทยร่วมประชุมหัวหน้าตำรวจอาเซียน" * 10
    words = [token.word for token in search.tokens(run)]
    assert words.count("อาเซียน") == 10
    assert words.count("ตำรวจ") == 20
