"""The article changelist at a million rows.

Django's changelist is built for tables it can count and sort whole. Three things in it read
every matching row, and this module replaces each with a query that stops early:

- the result count: counted up to ``CappedPaginator.CAP`` rows, shown as "2,000+" past it;
- tag filters: Django adds ``DISTINCT`` over the whole selected row (bodies included) when a
  filter crosses a many-to-many relation; ``TagFilter`` filters by a semi-join instead, so no
  article can appear twice and no ``DISTINCT`` is needed;
- the date hierarchy: Django finds the years with ``SELECT DISTINCT date_trunc(...)`` over all
  matching rows; ``date_levels`` asks one ``EXISTS`` per year (or month), each answered from the
  date index as soon as one article matches.

The list itself does not read the long text columns it never shows.
"""

import datetime

from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.contrib.admin.views.main import PAGE_VAR, ChangeList
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import Article

# Never shown in the list; a million bodies are most of the table.
LONG_COLUMNS = ("body", "raw_text", "summary", "summary_en", "import_details", "edited_fields")


class CappedCount(int):
    """A count that stopped at the cap: compares as the number of rows seen, reads "2,000+"."""

    def __new__(cls, cap: int):
        value = super().__new__(cls, cap + 1)
        value.cap = cap
        return value

    def __str__(self) -> str:
        return self.cap_display + "+"

    @property
    def cap_display(self) -> str:
        return formats.number_format(self.cap, force_grouping=True)


class CappedPaginator(Paginator):
    """Counts matching rows up to CAP. Past it the editor sees "2,000+ articles" and pages
    through the first CAP; narrowing the filters gives an exact count again."""

    CAP = 2_000

    @cached_property
    def count(self) -> int:
        seen = self.object_list.order_by()[: self.CAP + 1].count()
        return CappedCount(self.CAP) if seen > self.CAP else seen


class UsedOptionsFilter(admin.RelatedFieldListFilter):
    """The options some article uses, as RelatedOnlyFieldListFilter lists them, but found with
    one EXISTS per option (an index probe each) instead of reading every article's tags."""

    def field_choices(self, field, request, model_admin):
        if field.many_to_many:
            through = field.remote_field.through
            rows = through.objects.filter(**{field.m2m_reverse_name(): OuterRef("pk")})
        else:
            rows = Article.objects.filter(**{field.attname: OuterRef("pk")})
        options = field.related_model._default_manager.filter(Exists(rows))
        ordering = self.field_admin_ordering(field, request, model_admin)
        if ordering:
            options = options.order_by(*ordering)
        # Only what the option's label needs: aliases, domains and keywords are JSON to parse.
        long = [f.name for f in options.model._meta.concrete_fields if f.get_internal_type()
                in ("JSONField", "TextField")]  # fmt: skip
        return [(option.pk, str(option)) for option in options.defer(*long)]


class OutletFilter(UsedOptionsFilter):
    """Hundreds of outlets are a list nobody scrolls (and 500 links to build on every page): a
    select box to type into, with a Filter button; the other filters ride along as hidden
    fields."""

    template = "admin/articles/article/select_filter.html"

    def field_choices(self, field, request, model_admin):
        used = Article.objects.filter(source=OuterRef("pk"))
        outlets = field.related_model._default_manager.filter(Exists(used)).order_by("name")
        return list(outlets.values_list("pk", "name"))

    def choices(self, changelist):
        own = {*self.expected_parameters(), PAGE_VAR}
        chosen = (self.lookup_val or [""])[-1]
        yield {
            "parameter": self.lookup_kwarg,
            "chosen": chosen,
            "all_query_string": changelist.get_query_string(remove=self.expected_parameters()),
            "hidden": [(k, v) for k, v in changelist.params.items() if k not in own],
            # Hundreds of options: built here in one go, not by a template loop.
            "options": format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (pk, mark_safe(" selected") if str(pk) == chosen else "", label)
                    for pk, label in self.lookup_choices
                ),
            ),
        }


class TagFilter(UsedOptionsFilter):
    """A many-to-many filter (topics, countries, agencies) applied as "the article's id is
    among those tagged so": each article at most once, whatever the tags."""

    def has_output(self):
        # A chosen value filters even when no article uses any option yet (Django would drop
        # the filter and list everything).
        return bool(self.lookup_val or self.lookup_val_isnull) or super().has_output()

    def queryset(self, request, queryset):
        through = self.field.remote_field.through
        column = self.field.m2m_reverse_name()
        if self.lookup_val:
            tagged = through.objects.filter(**{f"{column}__in": self.lookup_val})
            queryset = queryset.filter(pk__in=tagged.values("article_id"))
        if self.lookup_val_isnull:
            tagged = through.objects.values("article_id")
            if self.lookup_val_isnull in ("1", "True", "true"):
                queryset = queryset.exclude(pk__in=tagged)
            else:
                queryset = queryset.filter(pk__in=tagged)
        return queryset


class ArticleChangeList(ChangeList):
    def get_filters(self, request):
        specs, has_filters, remaining, may_have_duplicates, active = super().get_filters(request)
        if all(
            isinstance(spec, TagFilter)
            or not getattr(spec, "field", None)
            or not (spec.field.many_to_many or spec.field.one_to_many)
            for spec in specs
        ):
            # Every relation filter is a semi-join: only parameters no filter took can still
            # multiply rows.
            may_have_duplicates = any(
                lookup_spawns_duplicates(self.lookup_opts, key) for key in remaining
            )
        return specs, has_filters, remaining, may_have_duplicates, active

    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).defer(*LONG_COLUMNS)

    def get_results(self, request):
        super().get_results(request)
        attach_tag_labels(list(self.result_list))


class CountedChangeList(ChangeList):
    """A vocabulary's list: how many articles use each entry on the page, in one grouped count
    over the tag table (or the outlet column) for those entries only."""

    def get_results(self, request):
        super().get_results(request)
        entries = list(self.result_list)
        field = Article._meta.get_field(self.model_admin.article_relation)
        if field.many_to_many:
            rows, column = field.remote_field.through.objects.all(), field.m2m_reverse_name()
        else:
            rows, column = Article.objects.all(), field.attname
        counts = dict(
            rows.filter(**{f"{column}__in": [entry.pk for entry in entries]})
            .order_by()
            .values_list(column)
            .annotate(n=Count("*"))
        )
        for entry in entries:
            entry.article_count = counts.get(entry.pk, 0)


# The list shows each article's tags by these labels.
TAG_LABELS = (
    ("topics", "topic__slug"),
    ("countries", "country_id"),
    ("agencies", "agency__acronym"),
)


def attach_tag_labels(articles: list) -> None:
    """Give each article of a page `tag_labels` (relation -> sorted labels): one query per tag
    table for the whole page, and no model instances or related managers per article, which
    is what prefetch_related would cost here."""
    by_id = {article.pk: article for article in articles}
    for article in articles:
        article.tag_labels = {relation: [] for relation, _ in TAG_LABELS}
    for relation, label in TAG_LABELS:
        through = getattr(Article, relation).through
        rows = through.objects.filter(article_id__in=by_id).values_list("article_id", label)
        for article_id, value in rows.order_by(label):
            by_id[article_id].tag_labels[relation].append(value)


def _spans(queryset, field: str, bounds: list[tuple]) -> list[bool]:
    """Whether any article lies in each [start, end) — one query, one EXISTS per span (each
    stops at the first article the date index finds)."""
    if not bounds:
        return []
    spans = {
        f"span{i}": Exists(queryset.filter(**{f"{field}__gte": start, f"{field}__lt": end}))
        for i, (start, end) in enumerate(bounds)
    }
    rows = queryset.model._default_manager.order_by().annotate(**spans).values(*spans)[:1]
    found = next(iter(rows), {})
    return [bool(found.get(name)) for name in spans]


def _year_start(year: int) -> datetime.date:
    return datetime.date(year, 1, 1)


def _month_start(year: int, month: int) -> datetime.date:
    return datetime.date(year + month // 13, (month - 1) % 12 + 1, 1)


def date_levels(cl) -> dict:
    """What Django's date hierarchy shows — the years, a year's months or a month's days that
    hold matching articles — found without reading every matching row."""
    field = cl.date_hierarchy
    queryset = cl.queryset.order_by()
    params = {part: cl.params.get(f"{field}__{part}") for part in ("year", "month", "day")}
    year, month, day = (int(v) if v and str(v).isdigit() else None for v in params.values())

    def link(filters):
        return cl.get_query_string(filters, [f"{field}__"])

    if year is None:
        dated = queryset.filter(**{f"{field}__isnull": False}).values_list(field, flat=True)
        first = dated.order_by(field).first()
        last = dated.order_by(f"-{field}").first()
        if first is None:
            return {"show": True, "back": None, "choices": []}
        if first.year != last.year:
            between = range(first.year + 1, last.year)
            found = _spans(queryset, field, [(_year_start(y), _year_start(y + 1)) for y in between])
            used = [y for y, has in zip(between, found, strict=True) if has]
            years = [first.year, *used, last.year]
            return {
                "show": True,
                "back": None,
                "choices": [
                    {"link": link({f"{field}__year": str(y)}), "title": str(y)} for y in years
                ],
            }
        year = first.year
        if first.month == last.month:
            month = first.month
    if month is None:
        bounds = [(_month_start(year, m), _month_start(year, m + 1)) for m in range(1, 13)]
        found = _spans(queryset, field, bounds)
        months = [m for m, has in zip(range(1, 13), found, strict=True) if has]
        return {
            "show": True,
            "back": {"link": link({}), "title": _("All dates")},
            "choices": [
                {
                    "link": link({f"{field}__year": year, f"{field}__month": m}),
                    "title": capfirst(
                        formats.date_format(datetime.date(year, m, 1), "YEAR_MONTH_FORMAT")
                    ),
                }
                for m in months
            ],
        }
    if day is None:
        start = _month_start(year, month)
        days = queryset.filter(
            **{f"{field}__gte": start, f"{field}__lt": _month_start(year, month + 1)}
        ).dates(field, "day")
        return {
            "show": True,
            "back": {"link": link({f"{field}__year": year}), "title": str(year)},
            "choices": [
                {
                    "link": link(
                        {f"{field}__year": year, f"{field}__month": month, f"{field}__day": d.day}
                    ),
                    "title": capfirst(formats.date_format(d, "MONTH_DAY_FORMAT")),
                }
                for d in days
            ],
        }
    chosen = datetime.date(year, month, day)
    return {
        "show": True,
        "back": {
            "link": link({f"{field}__year": year, f"{field}__month": month}),
            "title": capfirst(formats.date_format(chosen, "YEAR_MONTH_FORMAT")),
        },
        "choices": [{"title": capfirst(formats.date_format(chosen, "MONTH_DAY_FORMAT"))}],
    }
