"""Readers see the vocabulary in their language: topic descriptions, outlet names, facet order."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from articles import search
from articles.models import Source, Topic

from .factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db


def _page(client, name, *args, lang="en", query=None) -> str:
    with translation.override(lang):
        url = reverse(name, args=args)
    response = client.get(url, query or {})
    assert response.status_code == 200
    return response.content.decode()


def _facet_labels(page: str, facet: str) -> list[str]:
    """The option labels of one facet box, in the order the page lists them."""
    boxes = re.findall(r'<fieldset class="facet">(.*?)</fieldset>', page, re.S)
    box = next(b for b in boxes if f'name="{facet}"' in b)
    return re.findall(rf'name="{facet}" value="[^"]*"(?: checked)?> <span>([^<]+)</span>', box)


@pytest.fixture
def thairath_report():
    article = ArticleFactory(
        published=True,
        headline="ตำรวจไทยจับแก๊งยาเสพติด",
        source=Source.objects.get(slug="thairath"),
        published_on=datetime.date(2024, 3, 1),
    )
    article.topics.add(Topic.objects.get(slug="drug-trafficking"))
    article.countries.add("TH")
    search.index_articles()
    return article


def test_every_topic_is_described_in_thai_and_vietnamese():
    for topic in Topic.objects.all():
        assert topic.description_th and topic.description_vi, topic.slug
        assert topic.description_th != topic.description != topic.description_vi
    drugs = Topic.objects.get(slug="drug-trafficking")
    assert "ยาเสพติด" in drugs.description_th
    assert "ma túy" in drugs.description_vi


def test_outlets_have_their_own_thai_and_vietnamese_names_only_where_they_have_one():
    names = {s.slug: (s.name_th, s.name_vi) for s in Source.objects.all()}
    assert names["thairath"] == ("ไทยรัฐ", "")
    assert names["matichon"] == ("มติชน", "")
    assert names["vna"] == ("", "Thông tấn xã Việt Nam (TTXVN)")
    assert names["vov"] == ("", "Đài Tiếng nói Việt Nam (VOV)")
    assert names["kompas"] == ("", "")  # an Indonesian paper: its one name everywhere


def test_topic_page_describes_the_topic_in_the_reader_language(client):
    drugs = Topic.objects.get(slug="drug-trafficking")
    assert drugs.description in _page(client, "articles:topic", "drug-trafficking")
    thai = _page(client, "articles:topic", "drug-trafficking", lang="th")
    assert f'<p class="lede">{drugs.description_th}</p>' in thai
    assert f'content="{drugs.description_th}"' in thai  # the meta description too
    vietnamese = _page(client, "articles:topic", "drug-trafficking", lang="vi")
    assert f'<p class="lede">{drugs.description_vi}</p>' in vietnamese
    assert drugs.description not in thai + vietnamese


def test_a_topic_without_a_thai_description_shows_the_english_one(client):
    Topic.objects.filter(slug="terrorism").update(description_th="")
    english = Topic.objects.get(slug="terrorism").description
    assert f'<p class="lede">{english}</p>' in _page(
        client, "articles:topic", "terrorism", lang="th"
    )


def test_outlet_name_in_the_reader_language_on_every_public_page(client, thairath_report):
    article = thairath_report
    thai_listing = _page(client, "articles:list", lang="th")
    assert "ไทยรัฐ" in _facet_labels(thai_listing, "source")
    assert "· <span>ไทยรัฐ</span>" in thai_listing  # the card
    assert "Thairath" not in thai_listing
    assert "Thairath" in _facet_labels(_page(client, "articles:list"), "source")
    # No Vietnamese name of its own: Vietnamese readers see the usual one.
    assert "Thairath" in _facet_labels(_page(client, "articles:list", lang="vi"), "source")

    thai_article = _page(client, "articles:detail", article.slug, lang="th")
    assert '<a href="/th/sources/thairath/">ไทยรัฐ</a>' in thai_article
    assert '<a href="/en/sources/thairath/">Thairath</a>' in _page(
        client, "articles:detail", article.slug
    )
    source_page = _page(client, "articles:source", "thairath", lang="th")
    assert "<h1>ไทยรัฐ</h1>" in source_page and "<title>ไทยรัฐ — Newsroom</title>" in source_page

    thai_feed = _page(client, "articles:feed-rss", lang="th")
    assert ">ไทยรัฐ</dc:creator>" in thai_feed
    assert "<category>ยาเสพติด</category>" in thai_feed  # topics in the feed's language
    assert "<name>Thairath</name>" in _page(client, "articles:feed-atom")


def test_search_finds_an_outlet_by_its_thai_name(client, thairath_report):
    found = _page(client, "articles:list", lang="th", query={"q": "ไทยรัฐ"})
    assert thairath_report.headline in found


def test_editors_give_an_outlet_and_a_topic_their_thai_and_vietnamese_wording(client):
    admin = UserFactory(username="vocab-admin", is_superuser=True)
    client.force_login(admin)
    source = Source.objects.get(slug="kompas")
    url = reverse("admin:articles_source_change", args=[source.pk])
    form = client.get(url).context["adminform"].form
    assert {"name_th", "name_vi"} <= set(form.fields)
    topic = Topic.objects.get(slug="terrorism")
    form = (
        client.get(reverse("admin:articles_topic_change", args=[topic.pk]))
        .context["adminform"]
        .form
    )
    assert {"description", "description_th", "description_vi"} <= set(form.fields)

    data = {
        "name": source.name, "slug": source.slug, "kind": source.kind,
        "language": source.language, "country": source.country_id or "",
        "domains": "\n".join(source.domains), "aliases": "\n".join(source.aliases),
        "name_th": "กอมปัส", "name_vi": "",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    article = ArticleFactory(published=True, source=source)
    assert "กอมปัส" in _page(client, "articles:detail", article.slug, lang="th")


def _boxes(page: str, facet: str) -> tuple[list[str], list[str]]:
    """A facet box's labels: those shown, and those behind "more"."""
    labels = _facet_labels(page, facet)
    boxes = re.findall(r'<fieldset class="facet">(.*?)</fieldset>', page, re.S)
    box = next(b for b in boxes if f'name="{facet}"' in b)
    hidden = box.split("<details>")[1] if "<details>" in box else ""
    more = re.findall(rf'name="{facet}" value="[^"]*"(?: checked)?> <span>([^<]+)</span>', hidden)
    return labels[: len(labels) - len(more)], more


@pytest.fixture
def many_countries():
    # Counts differ so that "most articles first" (the old order) would give another order.
    for n, code in enumerate(["VN", "DE", "TH", "AU", "KH", "IN", "LA", "JP"]):
        for _ in range(n + 1):
            ArticleFactory(published=True).countries.add(code)


def test_country_facet_in_thai_alphabetical_order(client, many_countries):
    shown, more = _boxes(_page(client, "articles:list", lang="th"), "country")
    # By first consonant, a leading vowel (เ, ไ) skipped: เวียดนาม under ว, ไทย under ท.
    assert shown == [
        "กัมพูชา", "ญี่ปุ่น", "ไทย", "เยอรมนี", "ลาว", "เวียดนาม", "ออสเตรเลีย", "อินเดีย",
    ]  # fmt: skip
    assert more == []


def test_country_facet_in_vietnamese_alphabetical_order(client, many_countries):
    shown, _ = _boxes(_page(client, "articles:list", lang="vi"), "country")
    # Ấ with a, Đ after D (before L), Ú with u; not by code point (Đ, Ấ, Ú after z).
    assert shown == [
        "Ấn Độ", "Campuchia", "Đức", "Lào", "Nhật Bản", "Thái Lan", "Úc", "Việt Nam",
    ]  # fmt: skip


def test_country_facet_in_english_alphabetical_order(client, many_countries):
    shown, _ = _boxes(_page(client, "articles:list"), "country")
    assert shown == [
        "Australia", "Cambodia", "Germany", "India", "Japan", "Laos", "Thailand", "Vietnam",
    ]  # fmt: skip


def test_vietnamese_outlets_put_d_before_đ_and_tones_do_not_break_the_order(client):
    for slug in ("vov", "dan-tri", "tuoi-tre", "bocongan", "thanh-nien", "vtv", "tien-phong"):
        ArticleFactory(published=True, source=Source.objects.get(slug=slug))
    shown, _ = _boxes(_page(client, "articles:list", lang="vi"), "source")
    assert shown == [
        "Bộ Công an Việt Nam",
        "Dân Trí",
        "Đài Tiếng nói Việt Nam (VOV)",
        "Đài Truyền hình Việt Nam (VTV)",
        "Thanh Niên",
        "Tiền Phong",
        "Tuổi Trẻ",
    ]


def test_the_box_shows_the_most_used_options_and_the_rest_behind_more(
    client, many_countries, monkeypatch
):
    monkeypatch.setattr("articles.views.FACET_LIMIT", 3)
    shown, more = _boxes(_page(client, "articles:list"), "country")
    assert shown == ["India", "Japan", "Laos"]  # the three most named, alphabetically
    assert more == ["Australia", "Cambodia", "Germany", "Thailand", "Vietnam"]
    # A ticked option stays in the box, where it can be unticked.
    shown, more = _boxes(_page(client, "articles:list", query={"country": "VN"}), "country")
    assert "Vietnam" in shown and "Vietnam" not in more
