"""A reader's journey in a real browser (Playwright driving Debian's chromium).

Skipped, with the reason, where chromium or Playwright is missing; .ci/run installs both so that
CI never skips. Screenshots are kept in tests/artifacts/ to look at.
"""

import datetime
import shutil
from pathlib import Path

import pytest

from articles.models import Agency, Topic

from .factories import ArticleFactory, SourceFactory

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).parent / "artifacts"
# serialized_rollback restores the vocabularies (data migrations) that a transactional test flushes.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser(monkeypatch):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test itself makes
    # are still synchronous, so Django's async guard is lifted for browser tests only.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture
def catalogue():
    source = SourceFactory(name="Mekong Daily", slug="mekong-daily")
    drugs = Topic.objects.get(slug="drug-trafficking")
    scams = Topic.objects.get(slug="online-scams")
    target = ArticleFactory(
        published=True,
        headline="ตำรวจไทยและลาวร่วมสกัดยาเสพติดริมแม่น้ำโขง",
        headline_en="Thai and Lao police stop drugs on the Mekong",
        summary_en="A joint patrol seized methamphetamine near the border.",
        body="เจ้าหน้าที่ตำรวจไทยและลาวร่วมกันลาดตระเวน\n\nย่อหน้าที่สอง",
        source=source,
        published_on=datetime.date(2024, 2, 1),
    )
    target.topics.add(drugs)
    target.countries.add("TH", "LA")
    target.agencies.add(Agency.objects.get(acronym="ONCB"))
    for n in range(6):
        other = ArticleFactory(published=True, published_on=datetime.date(2023, 1, n + 1))
        other.topics.add(scams if n % 2 else drugs)
        other.countries.add("TH", "KH")
    return target


def test_reader_filters_opens_an_article_follows_a_topic_and_switches_to_thai(
    browser, live_server, catalogue
):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/en/")
    assert page.locator("h1").first.inner_text().startswith("Cooperation against")
    page.screenshot(path=ARTIFACTS / "1-home.png", full_page=True)

    page.get_by_role("group", name="Topic").get_by_label("Drug trafficking").check()
    page.get_by_role("group", name="Country").get_by_label("Laos").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "topic=drug-trafficking" in page.url and "country=LA" in page.url
    assert page.locator("#results-title").inner_text() == "1 article"
    page.screenshot(path=ARTIFACTS / "2-filtered.png", full_page=True)

    page.get_by_role("link", name=catalogue.headline).click()
    page.wait_for_load_state()
    assert page.locator("h1").get_attribute("lang") == "th"
    assert page.locator("h1").inner_text() == catalogue.headline
    page.screenshot(path=ARTIFACTS / "3-article.png", full_page=True)

    page.locator(".kicker").get_by_role("link", name="Drug trafficking").click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/topics/drug-trafficking/")
    assert page.locator("h1").inner_text() == "Drug trafficking"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="ไทย").click()
    page.wait_for_load_state()
    assert "/th/topics/drug-trafficking/" in page.url
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.get_by_text("กรองบทความ").is_visible()
    assert page.locator("h1").inner_text() == "ยาเสพติด"
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Noto Sans Thai\"', 'ไทย')")
    page.screenshot(path=ARTIFACTS / "4-thai-topic.png", full_page=True)


def test_phone_layout_shows_results_before_filters(browser, live_server, catalogue):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{live_server.url}/vi/")
    results = page.locator(".results").bounding_box()
    filters = page.locator(".filters").bounding_box()
    assert results["y"] < filters["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=ARTIFACTS / "5-phone-vi.png", full_page=False)


def test_chief_editor_publishes_in_the_admin_and_readers_see_it(browser, live_server):
    from django.contrib.auth.models import Group

    from .factories import ReadyArticleFactory, UserFactory

    chief = UserFactory(username="chief-in-browser")
    chief.groups.add(Group.objects.get(name="Chief editor"))
    article = ReadyArticleFactory(headline="ข่าวที่รอเผยแพร่ในเบราว์เซอร์", headline_en="Waiting")

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("chief-in-browser")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    assert page.get_by_text("Needs attention").is_visible()
    page.screenshot(path=ARTIFACTS / "6-admin-dashboard.png", full_page=True)

    page.goto(f"{live_server.url}/admin/articles/article/")
    page.locator(f'input[name="_selected_action"][value="{article.pk}"]').check()
    page.locator('select[name="action"]').select_option("publish")
    page.locator('input[name="note"]').fill("checked in the browser")
    page.get_by_role("button", name="Go").click()
    page.wait_for_load_state()
    assert page.get_by_text("1 article published").is_visible()
    page.screenshot(path=ARTIFACTS / "7-admin-published.png", full_page=True)

    page.goto(f"{live_server.url}/en/")
    assert page.get_by_role("link", name=article.headline).is_visible()


def test_no_content_security_policy_violations_anywhere(browser, live_server):
    from django.contrib.auth.models import Group

    from .factories import ReadyArticleFactory, UserFactory

    chief = UserFactory(username="csp-chief")
    chief.groups.add(Group.objects.get(name="Chief editor"), Group.objects.get(name="Data desk"))
    article = ReadyArticleFactory(published=True)
    draft = ReadyArticleFactory()
    page = browser.new_page()
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append((page.url, message.text[:90]))
            if "Content Security Policy" in message.text
            else None
        ),
    )
    for path in ("/en/", "/th/cooperation/", article.get_absolute_url(), "/vi/no-such-page/"):
        page.goto(f"{live_server.url}{path}")
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("csp-chief")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Log in").click()
    for path in (
        "/admin/",
        "/admin/articles/article/",
        f"/admin/articles/article/{draft.pk}/change/",
        f"/admin/articles/article/{draft.pk}/history/",
        "/admin/articles/article/import-raw/",
        "/admin/articles/article/import-spreadsheet/",
        "/admin/articles/topic/",
        "/admin/articles/topic/import/",
        "/admin/articles/topic/export/",
        f"/en/preview/{draft.pk}/",
    ):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    assert violations == []


def test_the_country_matrix_scrolls_in_its_box_on_a_phone(browser, live_server, catalogue):
    members = ["TH", "LA", "KH", "VN", "MY", "ID", "PH", "SG", "BN", "MM", "CN", "JP", "KR", "AU"]
    for n in range(len(members)):
        ArticleFactory(published=True).countries.add(*members[: n + 2])
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{live_server.url}/th/cooperation/")
    assert page.locator(".matrix td a").count() > 50
    # The page itself does not widen; the matrix scrolls inside its own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("innerWidth")
    box = page.locator(".matrix-wrap")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")
    assert box.bounding_box()["width"] <= 390
    page.screenshot(path=ARTIFACTS / "8-phone-matrix.png", full_page=True)
    wide = browser.new_page(viewport={"width": 1280, "height": 900})
    wide.goto(f"{live_server.url}/en/cooperation/?most=4")
    assert wide.evaluate("document.documentElement.scrollWidth") <= 1280
    wide.screenshot(path=ARTIFACTS / "9-matrix.png", full_page=True)
