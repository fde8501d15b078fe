import pytest
from django.core.exceptions import PermissionDenied

from articles import services
from articles.models import Article

from .factories import ArticleFactory, ReadyArticleFactory

pytestmark = pytest.mark.django_db


def test_publish_sets_status_and_time_and_makes_it_public(chief):
    article = ReadyArticleFactory()
    result = services.publish_articles(articles=[article], by=chief)
    article.refresh_from_db()
    assert result.changed == 1
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at is not None
    assert article.updated_by == chief
    assert list(Article.objects.published()) == [article]


def test_publish_refuses_and_lists_every_problem(chief):
    good = ReadyArticleFactory()
    bad = ArticleFactory(
        headline="", published_on=None, headline_en="Untitled",
        flags=[{"code": "outlet_missing", "message": "no outlet"}],
    )  # fmt: skip
    result = services.publish_articles(articles=[good, bad], by=chief)
    assert result.changed == 1
    reasons = result.refused[str(bad)]
    assert reasons == [
        "it has no headline",
        "it has neither a publication date nor an event start date",
        "it has no source",
        "it has no topic",
        "it has 1 unresolved review flag(s)",
    ]
    bad.refresh_from_db()
    assert bad.status == Article.Status.DRAFT


def test_editor_may_not_publish(editor):
    article = ArticleFactory()
    with pytest.raises(PermissionDenied):
        services.publish_articles(articles=[article], by=editor)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_editor_may_send_for_review(editor):
    article = ArticleFactory()
    result = services.send_for_review(articles=[article], by=editor)
    article.refresh_from_db()
    assert result.changed == 1 and article.status == Article.Status.IN_REVIEW


def test_unpublish_and_archive_take_articles_off_the_public_site(chief):
    first, second = ArticleFactory(published=True), ArticleFactory(published=True)
    services.unpublish_articles(articles=[first], by=chief)
    services.archive_articles(articles=[second], by=chief)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Article.Status.DRAFT
    assert second.status == Article.Status.ARCHIVED
    assert not Article.objects.published().exists()


def test_archived_cannot_jump_straight_to_published(chief):
    article = ArticleFactory(status=Article.Status.ARCHIVED)
    result = services.publish_articles(articles=[article], by=chief)
    assert result.changed == 0
    assert "cannot go from" in result.refused[str(article)][0]


def test_system_caller_needs_no_user():
    article = ReadyArticleFactory()
    assert services.publish_articles(articles=[article], by=None).changed == 1


def test_the_change_forms_moves_follow_the_rule_book(chief, editor):
    draft = ArticleFactory()
    published = ReadyArticleFactory(published=True)
    in_review = ArticleFactory(status=Article.Status.IN_REVIEW)
    archived = ArticleFactory(status=Article.Status.ARCHIVED)
    assert services.offered_moves(article=draft, user=chief) == ["review", "publish", "schedule"]
    assert services.offered_moves(article=draft, user=editor) == ["review"]
    assert services.offered_moves(article=in_review, user=editor) == ["draft"]
    assert services.offered_moves(article=published, user=chief) == ["unpublish"]
    assert services.offered_moves(article=published, user=editor) == []
    assert services.offered_moves(article=archived, user=chief) == []


def test_a_move_the_rules_refuse_is_reported_not_made(editor, chief):
    article = ReadyArticleFactory()
    result = services.move_article(article=article, move="publish", by=editor)
    assert result.changed == 0
    assert result.refused[str(article)] == [
        "only users who may publish can publish, schedule or unpublish articles"
    ]
    result = services.move_article(article=article, move="schedule", by=chief, when=None)
    assert result.refused[str(article)] == ["give the date and time to publish at"]
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
