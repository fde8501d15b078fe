"""django-import-export resources: the column contract for Article, Source, Topic and Agency.

Natural keys throughout (articles by slug, sources by name, topics by slug, agencies by acronym,
countries by ISO code), lists separated by `|`. Unknown references are errors, never dropped.
Large article files go through `spreadsheets.importing`, which keeps these columns but writes
in bulk.
"""

from __future__ import annotations

from django.utils import timezone
from import_export import fields, resources, widgets

from ..models import Agency, Article, Country, Source, Topic
from .columns import COLUMNS, LIST_SEPARATOR, escape_formula, unescape_formula


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Like ManyToManyWidget, but an unknown value is an error instead of being dropped."""

    def clean(self, value, row=None, **kwargs):
        if not value:
            return self.model.objects.none()
        items = [i.strip() for i in str(value).split(self.separator) if i.strip()]
        found = self.model.objects.filter(**{f"{self.field}__in": items})
        known = {str(getattr(obj, self.field)) for obj in found}
        unknown = [i for i in items if i not in known]
        if unknown:
            label = self.model._meta.verbose_name
            raise ValueError(f"unknown {label}: " + ", ".join(f"“{u}”" for u in unknown))
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return self.separator.join(sorted(str(getattr(o, self.field)) for o in value.all()))


class StrictForeignKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key by natural key whose error names the closest existing values."""

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            import difflib

            names = self.model.objects.values_list(self.field, flat=True)
            close = difflib.get_close_matches(str(value), list(names), n=3, cutoff=0.5)
            hint = ("; closest: " + ", ".join(f"“{c}”" for c in close)) if close else ""
            raise ValueError(f"unknown {self.model._meta.verbose_name} “{value}”{hint}") from None


class StringListWidget(widgets.Widget):
    """A StringListField as `|`-separated text."""

    def clean(self, value, row=None, **kwargs):
        return [i.strip() for i in str(value or "").split(LIST_SEPARATOR) if i.strip()]

    def render(self, value, obj=None, **kwargs):
        return LIST_SEPARATOR.join(value or [])


class EscapedTextWidget(widgets.CharWidget):
    """Text that a spreadsheet must never run as a formula; the escape is undone on import."""

    def clean(self, value, row=None, **kwargs):
        return unescape_formula(super().clean(value, row, **kwargs) or "")

    def render(self, value, obj=None, **kwargs):
        return escape_formula(super().render(value, obj, **kwargs) or "")


def _m2m(column: str, model, field: str) -> fields.Field:
    return fields.Field(
        attribute=column,
        column_name=column,
        widget=StrictManyToManyWidget(model, separator=LIST_SEPARATOR, field=field),
    )


class ArticleResource(resources.ModelResource):
    """The article columns, in the agreed order; `spreadsheets.importing` is the fast path."""

    source = fields.Field(
        attribute="source", column_name="source", widget=StrictForeignKeyWidget(Source, "name")
    )
    countries = _m2m("countries", Country, "code")
    topics = _m2m("topics", Topic, "slug")
    agencies = _m2m("agencies", Agency, "acronym")

    class Meta:
        model = Article
        fields = COLUMNS
        export_order = COLUMNS
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        widgets = {
            name: {"format": "%Y-%m-%d"}
            for name in ("published_on", "updated_on", "event_start", "event_end")
        }

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        # A row that publishes stamps the publication time, as the publish service does.
        if instance.status == Article.Status.PUBLISHED and instance.published_at is None:
            instance.published_at = timezone.now()

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if f.get_internal_type() in ("CharField", "TextField"):
            return EscapedTextWidget
        return super().widget_from_django_field(f, default)


class SourceResource(resources.ModelResource):
    country = fields.Field(
        attribute="country", column_name="country", widget=StrictForeignKeyWidget(Country, "code")
    )
    domains = fields.Field(attribute="domains", column_name="domains", widget=StringListWidget())
    aliases = fields.Field(attribute="aliases", column_name="aliases", widget=StringListWidget())

    class Meta:
        model = Source
        fields = (
            "name", "name_th", "name_vi", "slug", "homepage", "domains", "country", "kind",
            "language", "aliases",
        )  # fmt: skip
        import_id_fields = ("slug",)
        skip_unchanged = True
        clean_model_instances = True


class TopicResource(resources.ModelResource):
    keywords_en = fields.Field("keywords_en", "keywords_en", widget=StringListWidget())
    keywords_th = fields.Field("keywords_th", "keywords_th", widget=StringListWidget())
    keywords_vi = fields.Field("keywords_vi", "keywords_vi", widget=StringListWidget())
    keywords_other = fields.Field("keywords_other", "keywords_other", widget=StringListWidget())

    class Meta:
        model = Topic
        fields = (
            "slug", "kind", "name_en", "name_th", "name_vi",
            "description", "description_th", "description_vi",
            "keywords_en", "keywords_th", "keywords_vi", "keywords_other",
        )  # fmt: skip
        import_id_fields = ("slug",)
        skip_unchanged = True
        clean_model_instances = True


class AgencyResource(resources.ModelResource):
    country = fields.Field(
        attribute="country", column_name="country", widget=StrictForeignKeyWidget(Country, "code")
    )
    aliases = fields.Field(attribute="aliases", column_name="aliases", widget=StringListWidget())

    class Meta:
        model = Agency
        fields = ("acronym", "name_en", "name_th", "name_vi", "aliases", "country")
        import_id_fields = ("acronym",)
        skip_unchanged = True
        clean_model_instances = True
