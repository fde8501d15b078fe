"""RSS 2.0 and Atom feeds of the latest articles and of any filtered listing (same query string)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import search
from .filters import ArticleFilter
from .selectors import attach_tags, public_articles, ranked_search, search_total

FEED_SIZE = 30


class ArticleFeed(Feed):
    def get_object(self, request, *args, **kwargs):
        self.request = request
        searching = search.parse(request.GET.get("q")) is not None
        return ArticleFilter(request.GET, queryset=public_articles(searching))

    def title(self, filterset):
        return (
            _("Newsroom — latest articles")
            if not self._filtered()
            else _("Newsroom — filtered articles")
        )

    def _filtered(self) -> bool:
        return any(k != "page" for k in self.request.GET)

    def link(self, filterset):
        query = self.request.GET.urlencode()
        return reverse("articles:list") + (f"?{query}" if query else "")

    def description(self, filterset):
        return _("News about police and security cooperation against transnational crime.")

    def items(self, filterset):
        if filterset.ranks_by_relevance:
            results = ranked_search(filterset, total=lambda: search_total(filterset))
            return attach_tags(results[:FEED_SIZE], "topics")
        return attach_tags(filterset.qs[:FEED_SIZE], "topics")

    def item_title(self, article):
        if article.headline_en and article.headline_en != article.headline:
            return f"{article.headline} — {article.headline_en}"
        return article.headline

    def item_description(self, article):
        return (
            article.summary_en
            or article.summary
            or search.clip((article.paragraphs or [""])[0], 500)
        )

    def item_pubdate(self, article):
        """The report's own date (as it was published, else its event's), not the day it was
        put on the site: a feed of an archive loaded today must not say everything is new."""
        day = article.published_on or article.event_start
        if day is None:
            return article.published_at
        return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.source.localised_name if article.source else None

    def item_categories(self, article):
        return [t.name for t in article.topic_list]  # in the feed's language


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed

    def subtitle(self, filterset):
        return self.description(filterset)
