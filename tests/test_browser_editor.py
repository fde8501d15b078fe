"""The editor's journey in a real browser, on the database `make run` builds: log in, open the
flagged draft, fix it, publish it from the top of the form, find it on the public site, filter
the listing, open it and read it in Thai. Once with the admin in English, once in Thai.

Screenshots of every step are kept in tests/artifacts/ (not committed: see its README)."""

import datetime
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles.models import Article

from .factories import UserFactory
from .test_browser import ARTIFACTS
from .test_browser import browser as browser  # the shared chromium fixture (re-exported)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What the admin says, in each language (written here, not read from the catalogue, so that a
# missing translation fails the Thai run).
WORDS = {
    "en": {
        "publish": "Publish",
        "review": "Send for review",
        "draft": "draft",
        "published": "published",
        "done": "published.",
        "flag": "17 February",
        "history": "History",
    },
    "th": {
        "publish": "เผยแพร่",
        "review": "ส่งตรวจทาน",
        "draft": "ฉบับร่าง",
        "published": "เผยแพร่แล้ว",
        "done": "เผยแพร่แล้ว",
        "flag": "17 February",  # the importer's message (data, in English)
        "history": "ประวัติ",
    },
}


def _make_seed():
    """The database `make seed` builds: the same two commands."""
    out = io.StringIO()
    call_command("import_seeds", str(SEEDS), stdout=out)
    call_command(
        "apply_editor_decisions", str(SEEDS / "editor_decisions.json"), publish=True, stdout=out
    )


def _choose(page, group, option):
    """Tick a filter option, opening the group's "more" list when it is among the rarer ones."""
    facet = page.get_by_role("group", name=group)
    box = facet.get_by_label(option)
    if not box.is_visible():
        facet.locator("summary").click()
    box.check()


@pytest.mark.parametrize("admin_language", ["en", "th"])
def test_editor_fixes_publishes_and_readers_find_it(browser, live_server, admin_language):
    _make_seed()
    draft = Article.objects.get(status=Article.Status.DRAFT)
    assert [f["code"] for f in draft.flags] == ["date_without_year", "event_date_without_year"]
    chief = UserFactory(username="journey-chief")
    chief.groups.add(Group.objects.get(name="Chief editor"))
    words = WORDS[admin_language]
    shot = f"journey-{admin_language}"
    locale = "th-TH" if admin_language == "th" else "en-US"  # the browser's Accept-Language
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    page = context.new_page()

    # Log in.
    page.goto(f"{live_server.url}/admin/")
    page.locator("#id_username").fill("journey-chief")
    page.locator("#id_password").fill("pw")
    page.locator("#login-form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == admin_language
    assert page.locator("#user-tools").inner_text().lower().count("journey-chief") == 1

    # Open the flagged draft from the list of flagged articles.
    page.goto(f"{live_server.url}/admin/articles/article/?flagged=yes")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 1
    rows.first.locator("th a").click()
    page.wait_for_load_state()
    assert page.locator(".desk-status-badge").inner_text() == words["draft"]
    flag = page.locator(".field-published_on .field-flag")
    assert flag.is_visible() and words["flag"] in flag.inner_text()
    assert page.locator(".article-raw pre").inner_text().startswith(draft.raw_text.strip()[:30])
    raw, fields = (
        page.locator(".article-raw").bounding_box(),
        page.locator(".article-editor-fields").bounding_box(),
    )
    assert raw["x"] > fields["x"] + fields["width"] - 1  # the raw capture beside the fields
    page.screenshot(path=ARTIFACTS / f"{shot}-1-flagged-draft.png", full_page=True)

    # Fix: fill in the dates the flags are about, then publish from the top button.
    assert page.locator(".field-event_start .field-flag").is_visible()
    page.locator("#id_published_on").fill("2023-02-17")
    page.locator("#id_event_start").fill("2023-02-17")
    page.get_by_role("button", name=words["publish"], exact=True).click()
    page.wait_for_load_state()
    assert words["done"] in page.locator(".messagelist").inner_text()
    assert page.locator(".desk-status-badge").inner_text() == words["published"]
    assert page.locator(".field-flag").count() == 0
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.published_on == datetime.date(2023, 2, 17)
    assert draft.flags == []
    page.screenshot(path=ARTIFACTS / f"{shot}-2-published.png", full_page=True)

    # The history tells it: the import first, then the date, the flag settled, the publication.
    page.locator(".object-tools").get_by_role("link", name=words["history"]).click()
    page.wait_for_load_state()
    entries = page.locator("#change-history tbody tr")
    assert entries.count() == 4  # import, desk editor's headline, this fix, the publication
    assert "17 February" in entries.nth(0).inner_text()  # the flag the import raised
    fix = entries.nth(2).inner_text()
    assert "2023" in fix and "17 February" in fix and "journey-chief" in fix
    page.screenshot(path=ARTIFACTS / f"{shot}-3-history.png", full_page=True)

    # Readers see it on the public site, find it with the filters, and read it.
    page.goto(f"{live_server.url}/en/")
    assert page.get_by_role("link", name=draft.headline).first.is_visible()
    _choose(page, "Topic", "Call-centre and online scams")
    _choose(page, "Country", "Myanmar")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert "topic=online-scams" in page.url and "country=MM" in page.url
    assert page.locator("#results-title").inner_text() == "1 article"
    page.screenshot(path=ARTIFACTS / f"{shot}-4-filtered.png", full_page=True)

    page.get_by_role("link", name=draft.headline).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == draft.headline
    assert page.locator("h1").get_attribute("lang") == "th"
    published = page.locator('main time[datetime="2023-02-17"]').first
    assert published.inner_text() == "Feb. 17, 2023"  # the date the editor filled in

    page.get_by_role("navigation", name="Language").get_by_role("link", name="ไทย").click()
    page.wait_for_load_state()
    assert "/th/" in page.url and draft.slug in page.url
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("h1").inner_text() == draft.headline
    published = page.locator('main time[datetime="2023-02-17"]').first
    assert published.inner_text() == "17 กุมภาพันธ์ 2566"  # the Buddhist-era year
    assert "แหล่งข่าว" in page.locator("main").inner_text()
    page.screenshot(path=ARTIFACTS / f"{shot}-5-thai-article.png", full_page=True)

    # The change form on a phone: everything stacked, nothing wider than the screen.
    phone = context.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(f"{live_server.url}/admin/articles/article/{draft.pk}/change/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    raw = phone.locator(".article-raw").bounding_box()
    fields = phone.locator(".article-editor-fields").bounding_box()
    assert raw["y"] >= fields["y"] + fields["height"] - 1  # the raw capture below the fields
    phone.screenshot(path=ARTIFACTS / f"{shot}-6-phone-form.png", full_page=False)
    context.close()
