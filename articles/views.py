"""Public pages: they read through `articles.selectors` and render; one mixin owns the listing."""

from __future__ import annotations

import hashlib
from operator import itemgetter
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView
from pyroaring import BitMap

from . import counts, search
from .collation import alphabetical
from .counts import cooperation, listing_counts
from .filters import ArticleFilter, FacetVocabulary
from .models import Agency, Article, Country, Source, Topic
from .selectors import (
    EDITORIAL_COLUMNS,
    TAGS,
    attach_tags,
    public_articles,
    ranked_search,
    related_articles,
    search_total,
)

FACET_LIMIT = 12  # options shown per facet (the rest behind "more")
MAX_BROWSABLE = 10_000  # articles a listing pages through (500 pages of 20)


def attach_cards(articles) -> None:
    """Give each article (tags attached) `card_html`, its card as listings and related blocks
    show it. A card depends only on the article as saved, its tags, the vocabulary's names and
    the language, so it is cached under all of them and outlives publications: after one, the
    pages are computed afresh but their cards mostly come from the cache."""
    vocabulary = counts.vocabulary_version()
    language = get_language()
    keys = {}
    for article in articles:
        tags = [t.pk for t in article.topic_list] + [c.pk for c in article.country_list]
        signature = f"{article.updated_at.isoformat()}:{vocabulary}:{language}:{tags}"
        digest = hashlib.sha256(signature.encode()).hexdigest()[:32]
        keys[f"newsroom:card:{article.pk}:{digest}"] = article
    found = cache.get_many(keys)
    fresh = {}
    for key, article in keys.items():
        if key not in found:
            found[key] = fresh[key] = render_to_string(CARD, {"article": article})
        article.card_html = mark_safe(found[key])  # rendered by our own template
    if fresh:
        cache.set_many(fresh, settings.NEWSROOM_COUNTS_CACHE_SECONDS)


CARD = "articles/includes/article_card.html"


def reader_name(obj) -> str:
    """A vocabulary entry's name in the reader's language (an outlet's where it has one)."""
    return str(getattr(obj, "localised_name", None) or obj.name)


class CachedPageMixin:
    """Serve the page readers see from the cache, per address and catalogue generation: it
    holds nothing personal (no session, no form token), and every change that could alter it
    raises the generation (`articles.counts`). Errors (404s) are never cached."""

    def get(self, request, *args, **kwargs):
        address = {"url": request.build_absolute_uri(), "view": type(self).__name__}
        content = counts.cached("page", address, lambda: self.render_page(request, *args, **kwargs))
        return HttpResponse(content)

    def render_page(self, request, *args, **kwargs) -> str:
        response = super().get(request, *args, **kwargs)
        return response.render().content.decode()


class ListingPaginator(Paginator):
    """Pages through at most MAX_BROWSABLE articles (a search's: search.COUNT_CAP, as far as
    its count goes): an OFFSET costs what it skips, so past them readers narrow the list
    (filters, dates) instead. The total comes from the cached counts; a search's stops at
    search.COUNT_CAP ("more than")."""

    def __init__(self, object_list, per_page, *, total: int, searching: bool, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.total = total
        self.searching = searching
        self.capped = searching and total > search.COUNT_CAP
        limit = search.COUNT_CAP if searching else MAX_BROWSABLE
        self.bounded = total > limit
        self.count = min(total, limit)


class ListingMixin:
    """Own the filtered, paginated queryset and the facet counts of every public listing."""

    def get_paginator(self, queryset, per_page, **kwargs):
        searching = self.filterset.search_query is not None
        total = self.counts()["total"]
        return ListingPaginator(queryset, per_page, total=total, searching=searching, **kwargs)

    def count_params(self) -> dict:
        """What a listing's counts depend on: the view, its pinned facet, the filters."""
        data = self.get_filter_data()
        return {
            "view": type(self).__name__,
            "kwargs": self.kwargs,
            "data": {k: data.getlist(k) for k in data if k not in ("page", "sort")},
        }

    def counts(self) -> dict:
        """The listing's total and facet counts, cached per catalogue generation."""
        if not hasattr(self, "_counts"):
            self._counts = counts.cached("listing", self.count_params(), self.compute_counts)
        return self._counts

    def compute_counts(self) -> dict:
        if self.filterset.search_query is None:  # the facet index counts them all
            facets = listing_counts(self.filterset)
            return {"total": facets.pop("total"), "facets": facets}
        with search.search_plans():
            return self.compute_search_counts()

    def compute_search_counts(self) -> dict:
        """A search's total and facet counts, from the facet index among the search's matches:
        exact within search.COUNT_CAP of them; past it, among the newest COUNT_CAP (all of a
        common word's matches would take seconds to read at a million articles)."""
        total = search_total(self.filterset)
        matches = search.filter_articles(self.base_queryset(searching=True),
                                         self.filterset.search_query)  # fmt: skip
        newest = search.newest_ids(matches, search.COUNT_CAP + 1)
        facets = listing_counts(self.filterset, within=BitMap(newest[: search.COUNT_CAP]))
        del facets["total"]
        return {"total": total, "facets": facets, "sampled": len(newest) > search.COUNT_CAP}

    paginate_by = 20
    template_name = "articles/article_list.html"
    context_object_name = "articles"
    fixed: dict[str, str] = {}  # a facet page pins one facet option

    def base_queryset(self, searching: bool):
        """The articles the listing filters: every public one, unless a page narrows them."""
        return public_articles(searching)

    def get_filter_data(self):
        data = self.request.GET.copy()
        for name, value in self.get_fixed().items():
            data.setlist(name, [value])
        return data

    def get_fixed(self) -> dict[str, str]:
        return dict(self.fixed)

    def get_queryset(self):
        self.vocabulary = counts.cached_here("vocabulary", FacetVocabulary.load)
        data = self.get_filter_data()
        searching = search.parse(data.get("q")) is not None
        self.filterset = ArticleFilter(
            data, queryset=self.base_queryset(searching), vocabulary=self.vocabulary
        )
        self.ranked = None
        if self.filterset.ranks_by_relevance:
            self.ranked = ranked_search(self.filterset, total=lambda: self.counts()["total"])
            return self.ranked
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context["paginator"]
        attach_tags(context["object_list"], "topics", "countries")
        if self.filterset.search_query:
            for article in context["object_list"]:
                article.snippet = search.snippet_for(article, self.filterset.search_query)
        else:  # a search's cards carry their snippets: rendered each time
            attach_cards(context["object_list"])
        fixed = self.get_fixed()
        selected = {f: self.filterset.form.data.getlist(f) for f in ArticleFilter.FACETS}
        # The facet boxes (hundreds of outlets and countries) are rendered once per listing,
        # language and generation: they depend on nothing else.
        context["facets_html"] = counts.cached(
            "facets-html",
            {**self.count_params(), "language": get_language()},
            lambda: render_to_string(
                "articles/includes/facets.html",
                {
                    "facets": self.facets(selected, fixed),
                    "sampled": self.counts().get("sampled"),
                    "cap": search.COUNT_CAP,
                },
            ),
        )
        context.update(
            filterset=self.filterset,
            active_filters=self.active_filters(selected, fixed),
            total=min(paginator.total, search.COUNT_CAP) if paginator.capped else paginator.total,
            total_capped=paginator.capped,
        )
        return context

    def facets(self, selected: dict, fixed: dict) -> list[dict]:
        """Each facet's options with their counts in the reader's alphabetical order: the
        FACET_LIMIT with the most articles (and any ticked one) in the box, the rest behind
        "more", each part alphabetical."""
        counts = self.counts()["facets"]
        facets = []
        for facet in ArticleFilter.FACETS:
            if facet in fixed:
                continue
            found = dict(counts[facet])
            # A selected option with no articles left still shows, so it can be unticked.
            for key in selected[facet]:
                if key not in found and self.known(facet, key):
                    found[key] = 0
            options = [
                {
                    "key": key,
                    "label": self.label(facet, key),
                    "count": n,
                    "selected": key in selected[facet],
                }
                for key, n in sorted(found.items(), key=lambda kv: (-kv[1], str(kv[0])))
            ]
            shown = options[:FACET_LIMIT]
            shown += [o for o in options[FACET_LIMIT:] if o["selected"]]
            more = [o for o in options[FACET_LIMIT:] if not o["selected"]]
            facets.append(
                {
                    "name": facet,
                    "title": ArticleFilter.base_filters[facet].label,
                    "options": alphabetical(shown, key=itemgetter("label")),
                    "more": alphabetical(more, key=itemgetter("label")),
                }
            )
        return facets

    def known(self, facet: str, key: str) -> bool:
        return facet == "language" or key in self.vocabulary.labels[facet]

    def label(self, facet: str, key: str) -> str:
        if facet == "language":
            return str(Article.Language(key).label) if key in Article.Language.values else key
        obj = self.vocabulary.labels[facet].get(key)
        if obj is None:
            return key
        if facet == "agency":
            return f"{obj.acronym} — {obj.name}"
        return reader_name(obj)

    def active_filters(self, selected, fixed):
        active = []
        for facet, keys in selected.items():
            if facet in fixed:
                continue
            for key in keys:
                if self.known(facet, key):
                    active.append({"name": facet, "key": key, "label": self.label(facet, key)})
        return active


class ArticleListView(CachedPageMixin, ListingMixin, ListView):
    """The home page: every published article, newest first, filterable."""


class ArticleDetailView(CachedPageMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return public_articles().defer(*EDITORIAL_COLUMNS)

    def get_object(self, queryset=None):
        return attach_tags([super().get_object(queryset)], *TAGS)[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Related articles change only with the public catalogue: rendered once per
        # generation and language.
        context["related_html"] = counts.cached(
            "related-html",
            {"article": self.object.pk, "language": get_language()},
            lambda: related_html(self.object),
        )
        return context


def related_html(article: Article) -> str:
    """The "Related articles" block of an article page."""
    related = related_articles(article)
    attach_cards(related)
    return render_to_string("articles/includes/related.html", {"related": related})


class _FacetPage(CachedPageMixin, ListingMixin, ListView):
    """A listing pinned to one topic, country, agency or source, with a short description."""

    facet = ""
    model_class = None
    lookup = ""

    def get_fixed(self):
        self.object = get_object_or_404(self.model_class, **{self.lookup: self.key()})
        return {self.facet: self.key()}

    def key(self) -> str:
        return self.kwargs[self.lookup]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            facet_object=self.object,
            facet_kind=self.facet,
            facet_key=self.key(),
            facet_name=reader_name(self.object),
            facet_description=getattr(self.object, "localised_description", ""),
            **kwargs,
        )


class TopicView(_FacetPage):
    facet, model_class, lookup = "topic", Topic, "slug"


class CountryView(_FacetPage):
    facet, model_class, lookup = "country", Country, "code"

    def key(self) -> str:
        return self.kwargs["code"].upper()


class AgencyView(_FacetPage):
    facet, model_class, lookup = "agency", Agency, "acronym"


class SourceView(_FacetPage):
    facet, model_class, lookup = "source", Source, "slug"


# The overview's choices for leaving out reports of many countries (regional meetings, which
# name every member and add a count to every pair of them).
MOST_COUNTRIES = (2, 3, 4, 6)


def most_countries(request) -> int | None:
    """The reader's "leave out reports naming more than N countries", or None: keep them all."""
    value = request.GET.get("most")
    return int(value) if value and value.isdigit() and int(value) in MOST_COUNTRIES else None


class CountryPairView(CachedPageMixin, ListingMixin, ListView):
    """Articles in which two countries appear together (a cell of the cooperation overview)."""

    template_name = "articles/article_list.html"

    def get_queryset(self):
        codes = [self.kwargs["first"].upper(), self.kwargs["second"].upper()]
        self.pair = list(Country.objects.filter(code__in=codes))
        if len(self.pair) != 2:
            raise Http404
        return super().get_queryset()

    def base_queryset(self, searching: bool):
        """Only the articles tagged with both countries (and, when the overview left out
        reports of many countries, naming at most that many); the filters, the search, the
        heading and the facet counts all start from them."""
        queryset = super().base_queryset(searching)
        through = Article.countries.through.objects
        for country in self.pair:
            queryset = queryset.filter(
                Exists(through.filter(article_id=OuterRef("pk"), country_id=country.code))
            )
        if (most := most_countries(self.request)) is not None:
            named = (
                through.filter(article_id=OuterRef("pk"))
                .values("article_id")
                .annotate(n=Count("country_id"))
                .values("n")
            )
            queryset = queryset.alias(named=Subquery(named)).filter(named__lte=most)
        return queryset

    def compute_counts(self) -> dict:
        # The facet index and the search table's own count know nothing of the pair: count
        # over the pair's articles in SQL (cached per catalogue generation like any listing).
        facets = self.filterset.facet_counts(total=True)
        total = facets.pop("total", None)
        if total is None:
            total = self.filterset.qs.order_by().count()
        return {"total": total, "facets": facets}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pair=self.pair, most_countries=most_countries(self.request), **kwargs
        )


class CooperationView(CachedPageMixin, TemplateView):
    """Which countries appear together in published articles, per topic, with counts."""

    template_name = "articles/cooperation.html"
    size = 14  # the countries that appear most

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topics = alphabetical(Topic.objects.all(), key=lambda t: t.name)
        topic = next((t for t in topics if t.slug == self.request.GET.get("topic")), None)
        most = most_countries(self.request)
        found = counts.cached(
            "cooperation",
            {"topic": topic.pk if topic else None, "most": most},
            lambda: self.compute(topic, most),
        )
        codes, pairs = found["codes"], found["pairs"]
        countries = Country.objects.in_bulk(codes)
        peak = max(pairs.values(), default=0)
        rows = []
        for a in codes:
            cells = []
            for b in codes:
                n = pairs.get((min(a, b), max(a, b)), 0) if a != b else None
                level = 0 if not n else min(5, 1 + (5 * n - 1) // max(peak, 1))
                cells.append({"code": b, "count": n, "level": level,
                              "first": min(a, b), "second": max(a, b)})  # fmt: skip
            rows.append({"country": countries[a], "cells": cells})
        strongest = sorted(pairs.items(), key=lambda kv: -kv[1])[:10]
        query = {k: v for k, v in (("topic", topic and topic.slug), ("most", most)) if v}
        context.update(
            topics=topics,
            topic=topic,
            most_countries=most,
            most_choices=MOST_COUNTRIES,
            pair_query=f"?{urlencode(query)}" if query else "",
            columns=[countries[c] for c in codes],
            rows=rows,
            strongest=[
                {"first": countries[a], "second": countries[b], "count": n}
                for (a, b), n in strongest
            ],
            total=found["total"],
        )
        return context

    def compute(self, topic: Topic | None, most: int | None) -> dict:
        """The most frequent countries, their pair counts and the article total (cached)."""
        return cooperation(topic.pk if topic else None, self.size, most)


def healthz(request):
    """Liveness for load balancers: the process answers (no database, no template)."""
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", {"title": _("Page not found")}, status=404)


def server_error(request):
    # No database access here: the database may be what failed.
    return render(request, "500.html", status=500)


@staff_member_required
def preview(request, pk: int):
    """Staff see any article as readers will, before it is published; nobody else can."""
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    attach_tags([article], *TAGS)
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "related_html": related_html(article),
            "preview": True,
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response
