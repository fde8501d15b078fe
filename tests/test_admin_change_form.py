"""The article change form: status and workflow moves on top, each review flag beside its field
with a dismiss, the raw capture beside the fields, one history entry per save."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Topic

from .admin_forms import post_change_form
from .factories import ArticleFactory, ReadyArticleFactory

pytestmark = pytest.mark.django_db

YEARLESS = {
    "code": "date_without_year",
    "message": "The publication date reads “17 ก.พ.” (17 February) without a year.",
}
SEEN = {"code": "yearless_date_seen", "message": "A date without a year sits beside this one."}


def _url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def _page(client, article):
    return client.get(_url(article)).content.decode()


def _row(page, field):
    """The HTML of one field's row of the change form."""
    start = page.index(f" field-{field}")
    end = page.find('<div class="form-row', start)
    return page[start:end]


def _buttons(page):
    return re.findall(r'name="_move" value="(\w+)"', page)


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def _topics(article):
    return [t.pk for t in article.topics.all()]


def test_the_top_shows_the_status_and_the_moves_this_user_may_make(client, chief, editor):
    draft = ReadyArticleFactory()
    published = ReadyArticleFactory(published=True)
    client.force_login(chief)
    page = _page(client, draft)
    assert "Status: <span" in page and ">draft</span>" in page
    assert _buttons(page) == ["review", "publish", "schedule"]
    assert 'type="datetime-local"' in page  # the schedule's time
    assert _buttons(_page(client, published)) == ["unpublish"]
    client.force_login(editor)
    assert _buttons(_page(client, draft)) == ["review"]
    assert _buttons(_page(client, published)) == []


def test_enter_in_a_field_saves_rather_than_makes_a_move(client, chief):
    article = ReadyArticleFactory()
    client.force_login(chief)
    page = _page(client, article)
    # A browser submits a form on Enter with its first submit button.
    first = re.search(r'<button type="submit" name="(\w+)"', page)
    assert first.group(1) == "_continue"


def test_the_publish_button_saves_the_fix_then_publishes(client, chief):
    article = ReadyArticleFactory(published_on=None, flags=[YEARLESS])
    client.force_login(chief)
    response = post_change_form(
        client, article, published_on="2024-02-17", topics=_topics(article), _move="publish"
    )
    assert response["Location"] == _url(article)  # back to the form
    assert article.status == Article.Status.PUBLISHED
    assert article.published_on == datetime.date(2024, 2, 17)
    assert article.flags == []  # the date settled its flag
    assert any("published" in m for m in _messages(response))
    assert list(Article.objects.published()) == [article]


def test_a_refused_move_keeps_the_edit_and_says_why(client, chief):
    article = ReadyArticleFactory(headline_en="")
    client.force_login(chief)
    response = post_change_form(
        client, article, summary="สรุปใหม่", topics=_topics(article), _move="publish"
    )
    assert article.summary == "สรุปใหม่"
    assert article.status == Article.Status.DRAFT
    (message,) = _messages(response)
    assert "saved" in message and "it has no English headline" in message


def test_an_editor_cannot_publish_by_posting_the_button(client, editor):
    article = ReadyArticleFactory()
    client.force_login(editor)
    response = post_change_form(client, article, topics=_topics(article), _move="publish")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert "only users who may publish" in _messages(response)[0]
    post_change_form(client, article, topics=_topics(article), _move="review")
    assert article.status == Article.Status.IN_REVIEW


def test_schedule_needs_a_future_time_and_publishes_at_it(client, chief):
    article = ReadyArticleFactory()
    client.force_login(chief)
    url = _url(article)
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(slug=article.slug, topics=_topics(article), _move="schedule", summary="x")
    refused = client.post(url, {**data, "move_when": ""})
    assert refused.status_code == 200
    assert "Give the date and time to publish at." in refused.content.decode()
    refused = client.post(url, {**data, "move_when": "2001-01-01T09:00"})
    assert "Give a time in the future" in refused.content.decode()
    article.refresh_from_db()
    assert (article.status, article.summary) == (Article.Status.DRAFT, "")  # nothing saved

    assert client.post(url, {**data, "move_when": "2099-03-01T09:30"}).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED
    assert timezone.localtime(article.published_at).replace(tzinfo=None) == datetime.datetime(
        2099, 3, 1, 9, 30
    )
    assert list(Article.objects.published()) == []


def test_each_flag_is_shown_beside_the_field_it_concerns(client, chief):
    article = ArticleFactory(published_on=None, flags=[YEARLESS, SEEN])
    client.force_login(chief)
    page = _page(client, article)
    assert "17 February" in _row(page, "published_on")
    assert "17 February" not in _row(page, "headline")
    assert 'name="dismiss_date_without_year"' in _row(page, "published_on")
    # A flag no field settles needs judgment: it is at the top, with its own dismiss.
    top = page[page.index('class="desk-bar') : page.index('class="article-editor')]
    assert "A date without a year sits beside this one." in top
    assert 'name="dismiss_yearless_date_seen"' in top


def test_a_flag_is_dismissed_with_a_reason_and_not_without(client, chief):
    article = ArticleFactory(published_on=None, flags=[YEARLESS, SEEN])
    client.force_login(chief)
    url = _url(article)
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(slug=article.slug, _dismiss="yearless_date_seen")
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Say why the flag can be dismissed." in refused.content.decode()
    article.refresh_from_db()
    assert len(article.flags) == 2

    response = post_change_form(
        client,
        article,
        _dismiss="yearless_date_seen",
        dismiss_yearless_date_seen="the full date is the event's, checked with MCOT",
    )
    assert [f["code"] for f in article.flags] == ["date_without_year"]
    record = article.import_details["resolved_flags"][-1]
    assert record["by"] == chief.username
    assert record["flags"][0]["resolution"] == (
        "dismissed: the full date is the event's, checked with MCOT"
    )
    assert "The flag was dismissed." in _messages(response)
    assert article.history.latest("history_date").history_change_reason.startswith(
        "flag dismissed: the full date"
    )


def test_the_raw_capture_is_shown_beside_the_fields_read_only(client, chief):
    article = ArticleFactory(raw_text="ข่าวดิบ <b>ตามที่อ่านได้</b>\n17 ก.พ.")
    client.force_login(chief)
    page = _page(client, article)
    aside = page[page.index('<aside class="article-raw"') : page.index("</aside>")]
    assert "ข่าวดิบ &lt;b&gt;ตามที่อ่านได้&lt;/b&gt;\n17 ก.พ." in aside  # escaped, as it was
    assert "<textarea" not in aside and "<input" not in aside
    assert '<aside class="article-raw"' not in _page(client, ArticleFactory(raw_text=""))


def test_the_headline_is_a_wide_field_kept_on_one_line(client, chief):
    article = ArticleFactory()
    client.force_login(chief)
    assert 'class="article-headline"' in _row(_page(client, article), "headline")
    post_change_form(client, article, headline="ตำรวจไทย\r\nร่วมประชุม")
    assert article.headline == "ตำรวจไทย ร่วมประชุม"


def test_a_save_with_tags_is_one_history_entry(client, chief):
    article = ArticleFactory(flags=[{"code": "no_topics", "message": "No topic."}])
    client.force_login(chief)
    before = article.history.count()
    drugs = Topic.objects.get(slug="drug-trafficking")
    post_change_form(client, article, headline_en="Meth on the Mekong", topics=[drugs.pk])
    assert article.history.count() == before + 1
    entry = article.history.latest("history_date")
    assert entry.headline_en == "Meth on the Mekong"
    assert [row.topic for row in entry.topics.all()] == [drugs]
    assert entry.flags == []  # the tag settled the "no topic" flag
    assert entry.history_user == chief


def test_reverting_to_an_earlier_version_is_an_entry_of_its_own(client, chief):
    article = ArticleFactory(headline="ต้นฉบับ")
    client.force_login(chief)
    post_change_form(client, article, headline="แก้ไขแล้ว")
    first = article.history.order_by("history_date").first()
    url = reverse("admin:articles_article_simple_history", args=[article.pk, first.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    before = article.history.count()
    assert client.post(url, {**data, "slug": article.slug}).status_code == 302
    article.refresh_from_db()
    assert article.headline == "ต้นฉบับ"
    assert article.history.count() > before
    assert article.history.latest("history_date").headline == "ต้นฉบับ"
