"""The public listing's filters. Query-string names are a public interface: people bookmark them.

AND across facets, OR within one (two topics = either). Facet counts tell, for every option, how
many published articles the listing would show with that option and the other facets' filters.
"""

from __future__ import annotations

from collections.abc import Callable

import django_filters
from django import forms
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from . import search
from .models import Agency, Article, Country, Source, Topic

SORTS = (
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("relevance", _("Relevance")),
)


class FacetVocabulary:
    """The facet options and their labels, read once per request (four queries)."""

    def __init__(self, topics, countries, agencies, sources):
        self.labels = {
            "topic": {t.slug: t for t in topics},
            "country": {c.code: c for c in countries},
            "agency": {a.acronym: a for a in agencies},
            "source": {s.slug: s for s in sources},
        }
        # By primary key, in each vocabulary's own order (for attach_tags).
        self.by_pk = {
            "topics": {t.pk: t for t in topics},
            "countries": {c.pk: c for c in countries},
            "agencies": {a.pk: a for a in agencies},
        }

    @classmethod
    def load(cls) -> FacetVocabulary:
        return cls(
            list(Topic.objects.all()),
            list(Country.objects.all()),
            list(Agency.objects.all()),
            list(Source.objects.all()),
        )


def _tagged(name: str, column: str, values) -> Exists:
    through = getattr(Article, name).through
    return Exists(through.objects.filter(article_id=OuterRef("pk"), **{f"{column}__in": values}))


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        label=_("Search"),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Search articles")}),
    )
    topic = django_filters.MultipleChoiceFilter(
        method="filter_topic", label=_("Topic"), widget=forms.CheckboxSelectMultiple
    )
    country = django_filters.MultipleChoiceFilter(
        method="filter_country", label=_("Country"), widget=forms.CheckboxSelectMultiple
    )
    agency = django_filters.MultipleChoiceFilter(
        method="filter_agency", label=_("Agency"), widget=forms.CheckboxSelectMultiple
    )
    source = django_filters.MultipleChoiceFilter(
        method="filter_source", label=_("Source"), widget=forms.CheckboxSelectMultiple
    )
    language = django_filters.MultipleChoiceFilter(
        field_name="language",
        choices=Article.Language.choices,
        label=_("Language"),
        widget=forms.CheckboxSelectMultiple,
    )
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sort = django_filters.ChoiceFilter(
        method="filter_sort", choices=SORTS, label=_("Sort"), empty_label=None
    )

    FACETS = ("topic", "country", "agency", "source", "language")

    class Meta:
        model = Article
        fields = ()

    def __init__(self, data=None, *args, vocabulary: FacetVocabulary | None = None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.vocabulary = vocabulary or FacetVocabulary.load()
        for facet in ("topic", "country", "agency", "source"):
            self.filters[facet].extra["choices"] = [
                (key, key) for key in self.vocabulary.labels[facet]
            ]

    def filter_q(self, queryset, name, value):
        if not value.strip():
            return queryset
        # Words typed with nothing to look for ("-x" alone, "&|!") match nothing.
        return search.filter_articles(queryset, self.search_query)

    def filter_topic(self, queryset, name, value):
        return queryset.filter(_tagged("topics", "topic__slug", value)) if value else queryset

    def filter_country(self, queryset, name, value):
        return queryset.filter(_tagged("countries", "country_id", value)) if value else queryset

    def filter_agency(self, queryset, name, value):
        return queryset.filter(_tagged("agencies", "agency__acronym", value)) if value else queryset

    def filter_source(self, queryset, name, value):
        return queryset.filter(source__slug__in=value) if value else queryset

    def filter_sort(self, queryset, name, value):
        # Ordering is applied in qs, once every filter (and the query) is known.
        return queryset

    @property
    def search_query(self) -> search.Query | None:
        """The parsed `q` (None when absent or when it has nothing to look for)."""
        if not hasattr(self, "_search_query"):
            text = self.form.cleaned_data.get("q") if self.is_bound and self.is_valid() else ""
            self._search_query = search.parse(text)
        return self._search_query

    @property
    def ranks_by_relevance(self) -> bool:
        """A search in relevance order (the default for a search)."""
        sort = self.form.cleaned_data.get("sort") if self.is_bound and self.is_valid() else None
        return self.search_query is not None and sort not in ("newest", "oldest")

    @property
    def qs(self):
        queryset = super().qs
        sort = self.form.cleaned_data.get("sort") if self.is_bound else None
        if self.search_query:  # sort on the search table: matches need not be read to sort
            if sort == "oldest":
                return queryset.order_by("search__date", "search__article_id")
            if sort == "newest":
                return queryset.order_by("-search__date", "-search__article_id")
            return search.rank(queryset)
        if sort == "oldest":
            return queryset.order_by("date", "id")
        return queryset.order_by("-date", "-id")

    @property
    def narrowed(self) -> bool:
        """Does anything but the search text filter the articles (a facet, a date)?"""
        if not self.is_bound:
            return False
        self.is_valid()  # cleans the form: its valid fields are what the filters apply
        data = self.form.cleaned_data
        return any(data.get(name) for name in (*self.FACETS, "date_from", "date_to"))

    def without(self, facet: str) -> ArticleFilter:
        """The same filters minus one facet's, to count that facet's options."""
        data = self.data.copy()
        data.pop(facet, None)
        return type(self)(data, queryset=self.queryset, vocabulary=self.vocabulary)

    def facet_counts(
        self, total: bool = False, within: Callable[[QuerySet], list[int]] | None = None
    ) -> dict:
        """Per facet, {option: article count} under the other facets' filters; with `total`,
        also the number of matching articles under "total" when it comes for free. With
        `within`, each facet counts only the articles whose ids `within` gives of its matches
        (a search past its cap counts among its newest).

        Outlet and language counts, when neither is filtered on, are both read off one
        `GROUP BY outlet, language` over the matching articles, which also sums to the total:
        one pass over the filtered rows instead of three."""

        def counted(filterset: ArticleFilter) -> QuerySet:
            if within is None:
                return filterset.qs.order_by()
            return Article.objects.filter(pk__in=within(filterset.qs))

        counts: dict = {}
        for facet, (model_path, key) in {
            "topic": ("topics", "topic__slug"),
            "country": ("countries", "country_id"),
            "agency": ("agencies", "agency__acronym"),
        }.items():
            base = counted(self.without(facet)).values("pk")
            through = getattr(Article, model_path).through
            counts[facet] = dict(
                through.objects.filter(article_id__in=base)
                .values_list(key)
                .annotate(n=Count("article_id"))
                .values_list(key, "n")
            )
        # Counted apart only when filtered on (its own filter must not apply to its counts).
        separate = [facet for facet in ("source", "language") if facet in self.data]
        if len(separate) < 2:
            rows = counted(self).values_list("source__slug", "language").annotate(n=Count("pk"))
            merged: dict[str, dict[str, int]] = {"source": {}, "language": {}}
            matching = 0
            for source, language, n in rows:
                matching += n
                for facet, option in (("source", source), ("language", language)):
                    if option is not None:
                        merged[facet][option] = merged[facet].get(option, 0) + n
            counts.update({facet: merged[facet] for facet in merged if facet not in separate})
            if total:
                counts["total"] = matching
        for facet, key in (("source", "source__slug"), ("language", "language")):
            if facet not in separate:
                continue
            rows = (
                counted(self.without(facet))
                .exclude(**{f"{key}__isnull": True})
                .values_list(key)
                .annotate(n=Count("pk"))
            )
            counts[facet] = dict(rows)
        return counts
