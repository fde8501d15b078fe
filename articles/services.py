"""Multi-step writes (status transitions, publication), called by views, admin and commands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Article

PUBLISH_PERMISSION = "articles.publish_article"
CHANGE_PERMISSION = "articles.change_article"


@dataclass
class TransitionResult:
    """What a bulk status change did: how many moved, and why each other one did not."""

    changed: int = 0
    refused: dict[str, list[str]] = field(default_factory=dict)  # article label -> reasons
    refused_ids: set[int] = field(default_factory=set)

    def refuse(self, article: Article, reasons: list[str]) -> None:
        self.refused[str(article)] = reasons
        self.refused_ids.add(article.pk)


def _require(user, permission: str) -> None:
    # None is the system itself (management commands run by an operator); everyone else is checked.
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied(_("You do not have permission to do this."))


def _move(
    *, articles: Iterable[Article], to: str, by, check=None, stamp_published: bool = False
) -> TransitionResult:
    result = TransitionResult()
    now = timezone.now()
    with transaction.atomic():
        ids = [a.pk for a in articles]
        for article in Article.objects.select_for_update().filter(pk__in=ids).order_by("pk"):
            if article.status == to:
                continue
            if not article.can_move_to(to):
                result.refuse(
                    article,
                    [
                        _("it cannot go from %(from)s to %(to)s")
                        % {"from": article.get_status_display(), "to": Article.Status(to).label}
                    ],
                )
                continue
            problems = check(article) if check else []
            if problems:
                result.refuse(article, problems)
                continue
            article.status = to
            if stamp_published and (article.published_at is None or article.published_at > now):
                article.published_at = now
            article.updated_by = by if by is not None and by.pk else None
            article.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
            result.changed += 1
    return result


def send_for_review(*, articles: Iterable[Article], by) -> TransitionResult:
    """Move drafts to the review queue."""
    _require(by, CHANGE_PERMISSION)
    return _move(articles=articles, to=Article.Status.IN_REVIEW, by=by)


def publish_articles(*, articles: Iterable[Article], by) -> TransitionResult:
    """Publish the articles that meet the rules; report the others with every reason."""
    _require(by, PUBLISH_PERMISSION)
    return _move(
        articles=articles,
        to=Article.Status.PUBLISHED,
        by=by,
        check=Article.publication_problems,
        stamp_published=True,
    )


def unpublish_articles(*, articles: Iterable[Article], by) -> TransitionResult:
    """Take published articles off the public site, back to draft."""
    _require(by, PUBLISH_PERMISSION)
    published = [a for a in articles if a.status == Article.Status.PUBLISHED]
    return _move(articles=published, to=Article.Status.DRAFT, by=by)


def archive_articles(*, articles: Iterable[Article], by) -> TransitionResult:
    """Archive articles: kept in the catalogue, gone from the public site."""
    _require(by, PUBLISH_PERMISSION)
    return _move(articles=articles, to=Article.Status.ARCHIVED, by=by)
