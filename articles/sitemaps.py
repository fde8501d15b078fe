"""Sitemaps of everything a reader can reach; an index once there are more than 50,000 URLs."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Country, Topic


class ArticleSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"
    limit = 50_000

    def items(self):
        return Article.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, article):
        return article.updated_at


class VocabularySitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "daily"

    def items(self):
        used = Article.objects.published().values("pk")
        return [
            *Topic.objects.filter(articles__in=used).distinct(),
            *Country.objects.filter(articles__in=used).distinct(),
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
