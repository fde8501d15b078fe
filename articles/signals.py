"""Keep the search index and the cached counts in step with saves made through the ORM.

Saves and tag changes only note the article ids; `articles.search` indexes each article once
when the transaction commits (an admin save touching headline, topics and countries is one
re-index, not four). Bulk writers (raw import, spreadsheet import) index their rows themselves.
A change readers could see — to an article that is or was public, to its tags, to the
vocabulary — also raises the catalogue generation on commit (`articles.counts`).
"""

from __future__ import annotations

from . import counts, search
from .models import Agency, Article, Country, Source, Topic

TAGS = {tag.through: tag.facet for tag in Article.TAGS}  # link table -> "topic"
THROUGH = {tag.model: tag.through for tag in Article.TAGS}  # Topic -> its link table


def _public(article: Article) -> bool:
    """Is, or was when it was read, visible to readers (or could be: a scheduled article)."""
    return article.status in Article.PUBLIC_STATES or article.loaded_public


def article_saved(sender, instance, raw=False, using="default", **kwargs):
    if not raw:
        search.schedule([instance.pk], using=using)
        if _public(instance):
            counts.changed(using, articles=[instance.pk])
        instance.loaded_public = instance.status in Article.PUBLIC_STATES


def article_deleted(sender, instance, using="default", **kwargs):
    if _public(instance):
        counts.changed(using, articles=[instance.pk])


def tags_changed(sender, instance, action, reverse, pk_set, using="default", **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear", "post_clear"):
        return
    if not reverse and _public(instance):
        counts.changed(using, articles=[instance.pk])
    elif reverse:  # a tag's articles: those named, or (cleared) any of them
        named = action in ("post_add", "post_remove")
        counts.changed(using, articles=pk_set if named else None)
    if not reverse:
        search.schedule([instance.pk], using=using)
    elif action == "pre_clear":
        # A topic (say) losing all its articles: note them before the rows go.
        column = TAGS[sender]
        ids = sender.objects.using(using).filter(**{f"{column}_id": instance.pk})
        search.schedule(ids.values_list("article_id", flat=True), using=using)
    elif pk_set:
        search.schedule(pk_set, using=using)


def vocabulary_saved(sender, instance, created, raw=False, using="default", **kwargs):
    """A renamed outlet or tag changes the documents of every article that carries it."""
    if raw:
        return
    counts.changed(using, vocabulary=True)  # facet options and keys (slugs, codes)
    if created:
        return
    if sender is Source:
        ids = Article.objects.using(using).filter(source=instance).values_list("pk", flat=True)
    else:
        through = THROUGH[sender]
        ids = through.objects.using(using).filter(**{f"{TAGS[through]}_id": instance.pk})
        ids = ids.values_list("article_id", flat=True)
    search.schedule(ids, using=using)


def vocabulary_deleted(sender, instance, using="default", **kwargs):
    counts.changed(using, vocabulary=True)  # its tag rows went too, without m2m signals


def disconnect() -> None:
    """Stop indexing on save (benchmarks of other code paths)."""
    from django.db.models.signals import m2m_changed, post_save

    post_save.disconnect(dispatch_uid="search.article_saved", sender=Article)
    for through in TAGS:
        m2m_changed.disconnect(dispatch_uid=f"search.{through}", sender=through)


def connect(post_save, post_delete, m2m_changed) -> None:
    post_save.connect(article_saved, sender=Article, dispatch_uid="search.article_saved")
    post_delete.connect(article_deleted, sender=Article, dispatch_uid="counts.article")
    for through in TAGS:
        m2m_changed.connect(tags_changed, sender=through, dispatch_uid=f"search.{through}")
    for model in (Source, Topic, Country, Agency):
        post_save.connect(vocabulary_saved, sender=model, dispatch_uid=f"search.{model}")
        post_delete.connect(vocabulary_deleted, sender=model, dispatch_uid=f"counts.{model}")
