"""Sitemaps of everything a reader can reach; an index once there is more than one page.

Django's i18n sitemaps build one list of every (item, language) pair before cutting a page
out of it, and find the index's lastmod by reading every item: at a million articles that is
three million objects per request, and a deep page is an OFFSET over the whole catalogue.
Here the article sitemap is paged by blocks of ids instead: page N lists the published
articles whose ids fall in block N — one index range scan, and an article keeps its page
whatever happens to the others (crawlers re-read only the pages that changed). Counts and
dates come from cached counts (`articles.counts`).
"""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.urls import reverse
from django.utils import translation

from . import counts
from .models import Article

SLUG = "__slug__"


class _IdBlocks:
    """The article sitemap's pages, as far as Django's sitemap views ask: `num_pages` and
    `page(n).object_list` of (article, language) pairs."""

    def __init__(self, sitemap: ArticleSitemap):
        self.sitemap = sitemap

    @property
    def num_pages(self) -> int:
        last = counts.cached(
            "sitemap-last-id", {}, lambda: self.sitemap.items().aggregate(last=Max("pk"))["last"]
        )
        return max(1, -(-(last or 0) // self.sitemap.block))

    def page(self, number) -> SimpleNamespace:
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not an integer") from error
        if not 1 <= number <= self.num_pages:
            raise EmptyPage("That page contains no results")
        block = self.sitemap.block
        articles = self.sitemap.items().filter(pk__gt=(number - 1) * block, pk__lte=number * block)
        languages = self.sitemap._languages()
        return SimpleNamespace(
            object_list=[(article, lang) for article in articles for lang in languages]
        )


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    # Article ids per page: at most 1,500 URLs with their alternates. Django renders them in
    # its template at ~0.1 ms a URL; a file of the protocol's 50,000 would take seconds.
    block = 500

    def items(self):
        return Article.objects.published().order_by("pk").only("slug", "updated_at")

    @property
    def paginator(self):
        return _IdBlocks(self)

    def _location(self, item, force_lang_code=None):
        """The article's URL in a language, from one reverse() per language, not per URL."""
        article, lang = item
        lang = force_lang_code or lang
        prefixes = self.__dict__.setdefault("_prefixes", {})
        if lang not in prefixes:
            with translation.override(lang):
                prefixes[lang] = reverse("articles:detail", kwargs={"slug": SLUG})
        return prefixes[lang].replace(SLUG, article.slug)

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        return counts.cached(
            "sitemap-lastmod",
            {},
            lambda: self.items().aggregate(latest=Max("updated_at"))["latest"],
        )


class VocabularySitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self):
        return counts.cached("sitemap-vocabulary", {}, self._used)

    @staticmethod
    def _used():
        """Topics and countries with a published article. One small EXISTS per option (the
        tag index finds the first public article at once): a DISTINCT over the tag tables
        reads millions of rows at a million articles."""
        public = Article.objects.published().values("pk")
        return [
            option
            for tag in Article.TAGS[:2]  # topics and countries have pages
            for option in tag.model.objects.all()
            if tag.through.objects.filter(**{tag.facet: option}, article__in=public).exists()
        ]


class PagesSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "hourly"

    def items(self):
        return ["articles:list", "articles:cooperation"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"articles": ArticleSitemap, "vocabulary": VocabularySitemap, "pages": PagesSitemap}
