"""Sitemaps of everything a reader can reach; an index once there are more than 50,000 URLs.

Django's i18n sitemaps build one list of every (item, language) pair before cutting a page
out of it, and find the index's lastmod by reading every item: at a million articles that is
three million objects per request. Here the article pairs are read one page at a time and
the counts and dates come from cached aggregates (`articles.aggregates`).
"""

from collections.abc import Sequence

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from . import aggregates
from .models import Article, Country, Topic


class _PerLanguage(Sequence):
    """(article, language) for every published article and language, in order, read lazily."""

    def __init__(self, queryset, languages: list[str]):
        self.queryset, self.languages = queryset, languages

    def __len__(self) -> int:
        total = aggregates.cached("sitemap-articles", {}, self.queryset.count)
        return total * len(self.languages)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(len(self))
        per = len(self.languages)
        articles = self.queryset[start // per : -(-stop // per)]
        pairs = [(article, lang) for article in articles for lang in self.languages]
        offset = start - (start // per) * per
        return pairs[offset : offset + stop - start]


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    limit = 50_000

    def items(self):
        return Article.objects.published().order_by("pk").only("slug", "updated_at")

    def _items(self):
        return _PerLanguage(self.items(), self._languages())

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        return aggregates.cached(
            "sitemap-lastmod",
            {},
            lambda: self.items().aggregate(latest=Max("updated_at"))["latest"],
        )


class VocabularySitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self):
        return aggregates.cached("sitemap-vocabulary", {}, self._used)

    @staticmethod
    def _used():
        used = Article.objects.published().values("pk")
        return [
            *Topic.objects.filter(articles__in=used).distinct().order_by("slug"),
            *Country.objects.filter(articles__in=used).distinct().order_by("code"),
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
