"""The cooperation overview: a reader can leave out reports that name many countries."""

import re

import pytest
from django.urls import reverse

from articles.counts.facet_index import naming_more_than

from .factories import ArticleFactory

pytestmark = pytest.mark.django_db

ASEAN = ["TH", "LA", "KH", "VN", "MY", "ID", "PH", "SG", "BN", "MM"]


@pytest.fixture
def reports():
    for _ in range(3):
        ArticleFactory(published=True).countries.add("TH", "LA")
    ArticleFactory(published=True).countries.add("TH", "LA", "VN")
    ArticleFactory(published=True, headline="ASEAN ministers meet").countries.add(*ASEAN)


def _cell(page: str, a: str, b: str) -> int | None:
    found = re.search(rf'href="/en/cooperation/{a}-{b}/[^"]*"[^>]*>(\d+)</a>', page)
    return int(found.group(1)) if found else None


def test_by_default_every_report_counts(client, reports):
    page = client.get(reverse("articles:cooperation")).content.decode()
    assert _cell(page, "LA", "TH") == 5
    assert _cell(page, "KH", "TH") == 1  # only the regional meeting names both
    assert "Based on 5 published articles." in page


def test_leaving_out_reports_of_many_countries(client, reports):
    page = client.get(reverse("articles:cooperation"), {"most": "3"}).content.decode()
    assert _cell(page, "LA", "TH") == 4  # the meeting of ten is left out
    assert _cell(page, "KH", "TH") is None
    assert "Based on 4 published articles." in page
    assert '<option value="3" selected>' in page
    assert 'href="/en/cooperation/LA-TH/?most=3"' in page
    page = client.get(reverse("articles:cooperation"), {"most": "2"}).content.decode()
    assert _cell(page, "LA", "TH") == 3


def test_a_pair_page_leaves_out_the_same_reports(client, reports):
    url = reverse("articles:country-pair", args=["LA", "TH"])
    assert "5 articles" in client.get(url).content.decode()
    page = client.get(url, {"most": "3"}).content.decode()
    assert "4 articles" in page and "ASEAN ministers meet" not in page
    assert '<input type="hidden" name="most" value="3">' in page  # kept by the filters


def test_an_unknown_choice_keeps_every_report(client, reports):
    page = client.get(reverse("articles:cooperation"), {"most": "999"}).content.decode()
    assert _cell(page, "LA", "TH") == 5


def test_naming_more_than_counts_how_many_bitmaps_hold_an_id():
    from pyroaring import BitMap

    bitmaps = [BitMap([1, 2, 3]), BitMap([2, 3]), BitMap([3, 4])]
    assert naming_more_than(bitmaps, 1) == BitMap([2, 3])
    assert naming_more_than(bitmaps, 2) == BitMap([3])
    assert naming_more_than(bitmaps, 3) == BitMap()
