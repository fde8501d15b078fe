import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, Source, StatusChange, Topic

from .factories import ArticleFactory, ReadyArticleFactory, UserFactory
from .test_import_seeds import STORY

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:articles_article_changelist")


def _member(role: str, username: str):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def desk_editor():
    return _member("Editor", "role-editor")


@pytest.fixture
def chief_editor():
    return _member("Chief editor", "role-chief")


def _form_data(client, url) -> dict:
    """What the browser would post back from the change form, unchanged."""
    response = client.get(url)
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif hasattr(value, "pk"):
            data[name] = value.pk
        else:
            data[name] = field.prepare_value(value) if hasattr(field, "prepare_value") else value
    inlines = response.context.get("inline_admin_formsets") or []
    for inline in inlines:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
    return data


def _action(client, action, articles, **extra):
    data = {"action": action, "_selected_action": [a.pk for a in articles], **extra}
    return client.post(CHANGELIST, data, follow=True)


# --- roles --------------------------------------------------------------------------------


def test_roles_exist_as_groups_with_their_powers(desk_editor, chief_editor):
    desk = _member("Data desk", "role-desk")
    assert desk_editor.has_perm("articles.change_article")
    assert not desk_editor.has_perm("articles.publish_article")
    assert chief_editor.has_perm("articles.publish_article")
    assert desk.has_perm("articles.import_catalogue") and desk.has_perm("articles.export_catalogue")
    assert not desk.has_perm("articles.publish_article")


def test_an_editor_sends_for_review_but_cannot_publish(client, desk_editor):
    article = ReadyArticleFactory()
    client.force_login(desk_editor)
    page = client.get(CHANGELIST).content.decode()
    assert 'value="send_for_review"' in page and 'value="publish"' not in page
    _action(client, "send_for_review", [article], note="please check the dates")
    _action(client, "publish", [article])
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    with pytest.raises(services.PermissionDenied):
        services.publish_articles(articles=[article], by=desk_editor)


def test_a_chief_editor_publishes_and_every_move_is_recorded(client, chief_editor):
    article = ReadyArticleFactory()
    client.force_login(chief_editor)
    _action(client, "send_for_review", [article], note="ready")
    _action(client, "publish", [article], note="good to go")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    history = list(article.status_changes.order_by("at", "id").values_list(
        "from_status", "to_status", "by__username", "note"))  # fmt: skip
    assert history == [
        ("draft", "in_review", "role-chief", "ready"),
        ("in_review", "published", "role-chief", "good to go"),
    ]
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "Workflow history" in page and "good to go" in page


def test_transitions_are_defined_in_one_place(chief_editor):
    archived = ReadyArticleFactory(status=Article.Status.ARCHIVED)
    result = services.publish_articles(articles=[archived], by=chief_editor)
    assert result.changed == 0
    assert "cannot go from archived to published" in result.refused[str(archived)][0]
    assert Article.TRANSITIONS[Article.Status.ARCHIVED] == (Article.Status.DRAFT,)


def test_publishing_lists_everything_missing_in_one_message(client, chief_editor):
    article = ArticleFactory(headline_en="", flags=[{"code": "x", "message": "check"}])
    client.force_login(chief_editor)
    page = _action(client, "publish", [article]).content.decode()
    for reason in ("no English headline", "no source", "no topic", "1 unresolved review flag"):
        assert reason in page


# --- scheduling ----------------------------------------------------------------------------


def test_scheduled_articles_appear_when_due_and_not_a_second_earlier(chief_editor):
    article = ReadyArticleFactory()
    when = timezone.now() + datetime.timedelta(hours=2)
    assert services.schedule_articles(articles=[article], by=chief_editor, when=when).changed
    article.refresh_from_db()
    assert article.status == Article.Status.SCHEDULED
    assert not Article.objects.published().filter(pk=article.pk).exists()

    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() + datetime.timedelta(seconds=1)
    )
    assert not Article.objects.published().filter(pk=article.pk).exists()
    # Time passes; nothing has run yet, and readers see it all the same.
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert Article.objects.published().filter(pk=article.pk).exists()

    call_command("publish_due", verbosity=0)
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    last = article.status_changes.latest()
    assert (last.from_status, last.to_status, last.by) == ("scheduled", "published", None)


def test_scheduling_from_the_admin_needs_a_time_and_checks_the_rules(client, chief_editor):
    ready, unready = ReadyArticleFactory(), ArticleFactory(headline_en="")
    client.force_login(chief_editor)
    page = _action(client, "schedule", [ready]).content.decode()
    assert "Give the date and time" in page
    when = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    page = _action(client, "schedule", [ready, unready], when=when).content.decode()
    assert "1 article scheduled" in page and "no English headline" in page
    ready.refresh_from_db()
    assert ready.status == Article.Status.SCHEDULED
    assert "Scheduled" in client.get(reverse("admin:index")).content.decode()


# --- history, preview, conflicts -------------------------------------------------------------


def test_every_saved_version_is_kept_with_a_diff_and_a_revert(client, chief_editor):
    article = ReadyArticleFactory(headline="ต้นฉบับ")
    client.force_login(chief_editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = _form_data(client, url)
    data["headline"] = "แก้ไขแล้ว"
    assert client.post(url, data).status_code == 302
    history = client.get(reverse("admin:articles_article_history", args=[article.pk]))
    text = history.content.decode()
    assert "ต้นฉบับ" in text and "แก้ไขแล้ว" in text  # the field-by-field change
    first = article.history.order_by("history_date").first()
    revert = reverse("admin:articles_article_simple_history", args=[article.pk, first.pk])
    data = _form_data(client, revert)
    assert client.post(revert, data).status_code == 302
    article.refresh_from_db()
    assert article.headline == "ต้นฉบับ"


def test_staff_preview_a_draft_and_nobody_else_can(client, chief_editor):
    draft = ArticleFactory(headline="ร่างที่ยังไม่เผยแพร่")
    draft.topics.add(Topic.objects.get(slug="cybercrime"))
    neighbour = ArticleFactory(headline="ข่าวใกล้เคียง", published=True)
    neighbour.topics.add(Topic.objects.get(slug="cybercrime"))
    url = reverse("articles:preview", args=[draft.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory(username="reader", is_staff=False))
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(username="staff-without-rights"))
    assert client.get(url).status_code == 403
    client.force_login(chief_editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "ร่างที่ยังไม่เผยแพร่" in response.content.decode()
    assert "not visible to readers" in response.content.decode()
    assert "ข่าวใกล้เคียง" in response.content.decode()  # related articles, as readers will see
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    change = client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    assert url in change  # "View on site" leads to the preview while unpublished


def test_the_second_of_two_concurrent_saves_is_refused(client, chief_editor, desk_editor):
    article = ReadyArticleFactory(headline="เดิม")
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.force_login(desk_editor)
    first = _form_data(client, url)
    client.force_login(chief_editor)
    second = _form_data(client, url)
    client.force_login(desk_editor)
    first["headline"] = "ฉบับของคนแรก"
    assert client.post(url, first).status_code == 302
    client.force_login(chief_editor)
    second["headline"] = "ฉบับของคนที่สอง"
    response = client.post(url, second)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Someone else (role-editor) saved this article" in text
    assert f'href="{url}"' in text
    article.refresh_from_db()
    assert article.headline == "ฉบับของคนแรก"


def test_dashboard_shows_what_needs_attention_and_a_chart(client, chief_editor):
    ReadyArticleFactory(published=True, published_on=timezone.localdate())
    ArticleFactory(status=Article.Status.IN_REVIEW, headline="รอตรวจ")
    ArticleFactory(flags=[{"code": "x", "message": "y"}], headline="มีธง")
    client.force_login(chief_editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Needs attention" in page and "รอตรวจ" in page and "มีธง" in page
    assert '<svg class="dashboard-chart"' in page and "Meetings and dialogues: 1" in page
    assert "<script" not in page.split('id="dashboard"')[1].split("</div>")[0]


def test_the_dashboard_chart_counts_articles_by_their_publication_date(client, chief_editor):
    today = timezone.localdate()
    terrorism = Topic.objects.get(slug="terrorism")
    recent = ReadyArticleFactory(
        published=True, published_on=today, event_start=today - datetime.timedelta(days=900)
    )
    recent.topics.set([terrorism])
    # Dated by its event only: not counted, and the page says so.
    undated = ReadyArticleFactory(published=True, published_on=None, event_start=today)
    undated.topics.set([terrorism])
    client.force_login(chief_editor)
    page = client.get(reverse("admin:index")).content.decode()
    assert f"{today:%b %Y} · Terrorism: 1<" in page  # the first, in its publication month
    assert "Terrorism: 2" not in page
    assert "per month of publication (published on)" in page
    assert "1 published article has no publication date (only an event date)" in page


# --- the whole journey -----------------------------------------------------------------------


def test_import_edit_review_publish_read_unpublish(client, chief_editor):
    client.force_login(chief_editor)
    chief_editor.groups.add(Group.objects.get(name="Editor"))
    raw = reverse("admin:articles_article_import_raw")
    preview = client.post(raw, {"files": [SimpleUploadedFile("story.txt", STORY.encode())]})
    client.post(raw, {"token": preview.context["confirm_form"].initial["token"]})
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT

    url = reverse("admin:articles_article_change", args=[article.pk])
    data = _form_data(client, url)
    data.update(
        headline_en="Thai and Cambodian police break up a call-centre gang",
        summary_en="A joint raid on the border.",
        source=Source.objects.get(slug="mcot").pk,
        topics=[Topic.objects.get(slug="online-scams").pk],
    )
    assert client.post(url, data).status_code == 302
    _action(client, "send_for_review", [article])
    _action(client, "publish", [article])
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED

    public = client.get(reverse("articles:list")).content.decode()
    assert article.headline in public
    assert client.get(article.get_absolute_url()).status_code == 200

    _action(client, "unpublish", [article], note="wrong date")
    assert article.headline not in client.get(reverse("articles:list")).content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert StatusChange.objects.filter(article=article).count() == 3
