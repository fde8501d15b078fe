"""Multi-step writes (status transitions, publication, scheduling), called by the admin, views
and commands. Permissions are checked here as well as in the admin."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Article, StatusChange

PUBLISH_PERMISSION = "articles.publish_article"
CHANGE_PERMISSION = "articles.change_article"


@dataclass
class TransitionResult:
    """What a bulk status change did: how many moved, and why each other one did not."""

    changed: int = 0
    refused: dict[str, list[str]] = field(default_factory=dict)  # article label -> reasons
    refused_ids: set[int] = field(default_factory=set)
    reasons_by_id: dict[int, list[str]] = field(default_factory=dict)

    def refuse(self, article: Article, reasons: list[str]) -> None:
        self.refused[str(article)] = reasons
        self.refused_ids.add(article.pk)
        self.reasons_by_id[article.pk] = reasons


# simple_history's history_change_reason is a varchar(100) (PostgreSQL enforces it).
CHANGE_REASON_LENGTH = 100


def _fit(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def fit_change_reason(text: str) -> str:
    """Cut a history note to what the history's column holds."""
    return _fit(text, CHANGE_REASON_LENGTH)


def _require(user, permission: str) -> None:
    # None is the system itself (commands run by an operator, the scheduler); others are checked.
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied(_("You do not have permission to do this."))


def _move(
    *,
    articles: Iterable[Article],
    to: str,
    by,
    note: str = "",
    check=None,
    published_at: datetime.datetime | None = None,
) -> TransitionResult:
    result = TransitionResult()
    now = timezone.now()
    user = by if by is not None and by.pk else None
    with transaction.atomic():
        ids = [a.pk for a in articles]
        locked = Article.objects.select_for_update().filter(pk__in=ids).order_by("pk")
        for article in locked:
            if article.status == to and to != Article.Status.SCHEDULED:
                continue
            # Permissions were required by the caller; the rule book still says where it may go
            # (and, for a user, whether a public state may be entered or left).
            may_publish = user is None or user.has_perm(PUBLISH_PERMISSION)
            problem = article.status != to and Article.move_problem(
                article.status, to, may_publish=may_publish
            )
            if problem:
                result.refuse(article, [problem])
                continue
            problems = check(article) if check else []
            if problems:
                result.refuse(article, problems)
                continue
            previous = article.status
            article.status = to
            if published_at is not None:
                article.published_at = published_at
            elif to == Article.Status.PUBLISHED and (
                article.published_at is None or article.published_at > now
            ):
                article.published_at = now
            article.updated_by = user
            article.version = F("version") + 1
            article._history_user = user
            article._change_reason = _fit(note or f"{previous} → {to}", CHANGE_REASON_LENGTH)
            article.save(
                update_fields=["status", "published_at", "updated_by", "updated_at", "version"]
            )
            StatusChange.objects.create(
                article=article, from_status=previous, to_status=to, by=user, note=note
            )
            result.changed += 1
    return result


# Fields an edit may set (what the change form offers an editor); status moves go through _move.
EDITABLE_FIELDS = (
    "headline", "headline_en", "summary", "summary_en", "language", "body", "source", "url",
    "published_on", "updated_on", "event_start", "event_end",
)  # fmt: skip
# What the importer wrote: an editor's change to one of these is never overwritten by a re-import.
IMPORTED_FIELDS = (
    "headline", "language", "body", "source", "published_on", "updated_on", "event_start",
    "event_end", "countries", "topics", "agencies",
)  # fmt: skip


def edit_article(
    *,
    article: Article,
    changes: dict,
    by,
    topics: Iterable[str] | None = None,
    dismiss: dict[str, str] | None = None,
    note: str = "",
) -> Article:
    """Change an article's fields as an editor does in the change form: the filled fields
    resolve their flags, judgment flags are dismissed with a reason, imported fields are
    remembered as edited by hand, and the history records who changed what and why."""
    _require(by, CHANGE_PERMISSION)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable here: {', '.join(sorted(unknown))}")
    user = by if by is not None and by.pk else None
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        changed = {name for name, value in changes.items() if getattr(article, name) != value}
        for name in changed:
            setattr(article, name, changes[name])
        if topics is not None:
            from .models import Topic

            wanted = set(Topic.objects.filter(slug__in=list(topics)))
            if wanted != set(article.topics.all()):
                # No history entry per tag added or removed: the save below records the
                # whole edit, tags included, as one.
                article.skip_history_when_saving = True
                article.topics.set(wanted)
                del article.skip_history_when_saving
                changed.add("topics")
        article.edited_fields = sorted(
            set(article.edited_fields) | (changed & set(IMPORTED_FIELDS))
        )
        who = user.get_username() if user else "system"
        resolved = article.resolve_flags(filled=changed, by=who, dismissed=dismiss)
        if not changed and not resolved:
            return article  # nothing to do: a second run of the same decisions changes nothing
        article.full_clean()
        article.updated_by = user
        article.version = F("version") + 1
        article._history_user = user
        reason = note or _("edited: %(fields)s") % {
            "fields": ", ".join(sorted(changed)) or _("flags")
        }
        article._change_reason = _fit(reason, CHANGE_REASON_LENGTH)
        article.save()
        article.refresh_from_db()
    return article


def send_for_review(*, articles: Iterable[Article], by, note: str = "") -> TransitionResult:
    """Move drafts to the review queue."""
    _require(by, CHANGE_PERMISSION)
    return _move(articles=articles, to=Article.Status.IN_REVIEW, by=by, note=note)


def return_to_draft(*, articles: Iterable[Article], by, note: str = "") -> TransitionResult:
    """Send articles in review (or scheduled ones) back to the desk."""
    _require(by, CHANGE_PERMISSION)
    movable = [
        a for a in articles if a.status in (Article.Status.IN_REVIEW, Article.Status.SCHEDULED)
    ]
    if any(a.status == Article.Status.SCHEDULED for a in movable):
        _require(by, PUBLISH_PERMISSION)
    return _move(articles=movable, to=Article.Status.DRAFT, by=by, note=note)


def publish_articles(*, articles: Iterable[Article], by, note: str = "") -> TransitionResult:
    """Publish the articles that meet every rule; report the others with all their reasons."""
    _require(by, PUBLISH_PERMISSION)
    return _move(
        articles=articles,
        to=Article.Status.PUBLISHED,
        by=by,
        note=note,
        check=Article.publication_problems,
    )


def schedule_articles(
    *, articles: Iterable[Article], by, when: datetime.datetime, note: str = ""
) -> TransitionResult:
    """Publish at a future time: invisible until then, visible from then even if no job runs."""
    _require(by, PUBLISH_PERMISSION)
    if when <= timezone.now():
        return publish_articles(articles=articles, by=by, note=note)
    return _move(
        articles=articles,
        to=Article.Status.SCHEDULED,
        by=by,
        note=note,
        check=Article.publication_problems,
        published_at=when,
    )


def unpublish_articles(*, articles: Iterable[Article], by, note: str = "") -> TransitionResult:
    """Take published articles off the public site, back to draft."""
    _require(by, PUBLISH_PERMISSION)
    published = [a for a in articles if a.status in Article.PUBLIC_STATES]
    return _move(articles=published, to=Article.Status.DRAFT, by=by, note=note)


def archive_articles(*, articles: Iterable[Article], by, note: str = "") -> TransitionResult:
    """Archive articles: kept in the catalogue, gone from the public site."""
    _require(by, PUBLISH_PERMISSION)
    return _move(articles=articles, to=Article.Status.ARCHIVED, by=by, note=note)


def publish_due(*, now: datetime.datetime | None = None) -> int:
    """Flip scheduled articles whose time has come to published (the scheduler's job)."""
    now = now or timezone.now()
    due = Article.objects.filter(status=Article.Status.SCHEDULED, published_at__lte=now)
    return _move(
        articles=list(due), to=Article.Status.PUBLISHED, by=None, note=_("scheduled publication")
    ).changed


# The moves the change form offers as buttons: the status each one goes to. Whether a user may
# make it is Article.move_problem's to say (the TRANSITIONS graph and the publish permission).
MOVES: dict[str, str] = {
    "review": Article.Status.IN_REVIEW,
    "draft": Article.Status.DRAFT,  # back from review
    "publish": Article.Status.PUBLISHED,
    "schedule": Article.Status.SCHEDULED,
    "unpublish": Article.Status.DRAFT,  # off the public site
}


def _offered_problem(article: Article, move: str, user) -> str | None:
    to = MOVES[move]
    if move == "draft" and article.status != Article.Status.IN_REVIEW:
        to = None  # from a public state the move is "unpublish"; from draft it is no move
    if move == "unpublish" and article.status not in Article.PUBLIC_STATES:
        to = None
    if to is None or to == article.status:
        return _("an article cannot go from %(from)s to %(to)s") % {
            "from": Article.Status(article.status).label,
            "to": Article.Status(MOVES[move]).label,
        }
    if user is not None and not user.has_perm(CHANGE_PERMISSION):
        return _("You do not have permission to do this.")
    may_publish = user is None or user.has_perm(PUBLISH_PERMISSION)
    return Article.move_problem(article.status, to, may_publish=may_publish)


def offered_moves(*, article: Article, user) -> list[str]:
    """Return the moves (keys of MOVES) this user may make with this article now."""
    return [move for move in MOVES if _offered_problem(article, move, user) is None]


def move_article(
    *,
    article: Article,
    move: str,
    by,
    when: datetime.datetime | None = None,
    note: str = "",
) -> TransitionResult:
    """Make one of the change form's moves; a move the rules refuse is reported, not made."""
    if move not in MOVES:
        raise ValueError(f"unknown move: {move}")
    problem = _offered_problem(article, move, by)
    if problem is None and move == "schedule" and when is None:
        problem = _("give the date and time to publish at")
    if problem:
        result = TransitionResult()
        result.refuse(article, [str(problem)])
        return result
    articles = [article]
    if move == "review":
        return send_for_review(articles=articles, by=by, note=note)
    if move == "draft":
        return return_to_draft(articles=articles, by=by, note=note)
    if move == "publish":
        return publish_articles(articles=articles, by=by, note=note)
    if move == "schedule":
        return schedule_articles(articles=articles, by=by, when=when, note=note)
    return unpublish_articles(articles=articles, by=by, note=note)
