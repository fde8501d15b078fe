"""Public pages; every one starts from Article.objects.published()."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Agency, Article, Country, Source, Topic


class PublishedArticlesMixin:
    """Own the public queryset, the page size and the shared context."""

    paginate_by = 20

    def get_queryset(self):
        return Article.objects.published().with_relations().order_by("-published_on", "-id")


class ArticleListView(PublishedArticlesMixin, ListView):
    template_name = "articles/article_list.html"
    context_object_name = "articles"


class ArticleDetailView(PublishedArticlesMixin, DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"


class _FacetPageView(PublishedArticlesMixin, ListView):
    """A listing narrowed to one topic, country, agency or source."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    model_class = None
    lookup = ""
    url_kwarg = ""

    def get_facet(self):
        value = self.kwargs[self.url_kwarg]
        if self.url_kwarg == "code":
            value = value.upper()
        return get_object_or_404(self.model_class, **{self.lookup: value})

    def get_queryset(self):
        self.facet = self.get_facet()
        return super().get_queryset().filter(**{self.filter_field: self.facet})

    def get_context_data(self, **kwargs):
        return super().get_context_data(facet=self.facet, **kwargs)


class TopicView(_FacetPageView):
    model_class, lookup, url_kwarg, filter_field = Topic, "slug", "slug", "topics"


class CountryView(_FacetPageView):
    model_class, lookup, url_kwarg, filter_field = Country, "code", "code", "countries"


class AgencyView(_FacetPageView):
    model_class, lookup, url_kwarg, filter_field = Agency, "acronym", "acronym", "agencies"


class SourceView(_FacetPageView):
    model_class, lookup, url_kwarg, filter_field = Source, "slug", "slug", "source"
