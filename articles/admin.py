"""The editors' admin: catalogue curation, workflow actions, vocabularies."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import models
from django.db.models import Q
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import search, services
from .admin_catalogue import export_catalogue_view, import_catalogue_view
from .admin_changelist import (
    ArticleChangeList,
    CappedPaginator,
    CountedChangeList,
    OutletFilter,
    TagFilter,
)
from .admin_import import import_raw_view
from .forms import ArticleAdminForm, TextareaField, WorkflowActionForm
from .models import Agency, Article, Country, Source, StatusChange, Topic
from .resources import AgencyResource, SourceResource, TopicResource
from .services import IMPORTED_FIELDS

# The admin's search lists the ids of a query's matches up to this many (see get_search_results).
ADMIN_LISTED_MATCHES = 10_000


class HasFlagsFilter(admin.SimpleListFilter):
    title = _("review flags")
    parameter_name = "flagged"

    def lookups(self, request, model_admin):
        return (("yes", _("has flags")), ("no", _("no flags")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.flagged()
        if self.value() == "no":
            return queryset.filter(flags=[])
        return queryset


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    fields = ("at", "from_status", "to_status", "by", "note")
    readonly_fields = fields
    verbose_name_plural = _("Workflow history")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    form = ArticleAdminForm
    formfield_overrides = {models.TextField: {"form_class": TextareaField}}
    action_form = WorkflowActionForm
    inlines = (StatusChangeInline,)
    history_list_display = ("status",)
    object_history_list_template = "admin/articles/article/history_list.html"  # CSP-clean copy
    list_display = (
        "headline_display",
        "headline_en",
        "language",
        "source",
        "display_date",
        "status",
        "flag_count",
        "tags_display",
    )
    list_display_links = ("headline_display",)
    list_filter = (
        "status",
        "language",
        HasFlagsFilter,
        ("source", OutletFilter),
        ("topics", TagFilter),
        ("countries", TagFilter),
        ("agencies", TagFilter),
    )
    # Counts next to every filter option are one more scan of the catalogue per filter:
    # editors ask for them ("Show counts") rather than pay for them on every page.
    show_facets = admin.ShowFacets.ALLOW
    show_full_result_count = False
    list_select_related = ("source",)
    search_fields = ("headline",)  # for the search box; get_search_results uses the index
    search_help_text = _('Words in any language, "a phrase", -excluded, this OR that; or a slug.')
    date_hierarchy = "published_on"
    list_per_page = 50
    paginator = CappedPaginator
    autocomplete_fields = ("source", "topics", "agencies", "countries")
    prepopulated_fields = {"slug": ("headline_en",)}
    readonly_fields = (
        "status",
        "published_at",
        "created_at",
        "created_by",
        "updated_at",
        "updated_by",
        "import_ref",
        "flags_display",
        "edited_fields",
        "import_details_display",
        "raw_text_display",
    )
    fieldsets = (
        (
            _("Content"),
            {"fields": ("headline", "slug", "language", "summary", "body", "seen_version")},
        ),
        (_("English metadata"), {"fields": ("headline_en", "summary_en")}),
        (_("Classification"), {"fields": ("source", "url", "topics", "countries", "agencies")}),
        (_("Dates"), {"fields": (("published_on", "updated_on"), ("event_start", "event_end"))}),
        (
            _("Provenance"),
            {
                "classes": ("collapse",),
                "fields": (
                    "status",
                    "published_at",
                    ("created_at", "created_by"),
                    ("updated_at", "updated_by"),
                    "import_ref",
                    "flags_display",
                    "resolve_flags",
                    "edited_fields",
                    "import_details_display",
                    "raw_text_display",
                ),
            },
        ),
    )
    actions = ("send_for_review", "return_to_draft", "publish", "schedule", "unpublish", "archive")

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(lambda request, **kw: view(self, request, **kw))

        return [
            path("import-raw/", wrap(import_raw_view), name="articles_article_import_raw"),
            path(
                "import-spreadsheet/",
                wrap(import_catalogue_view),
                name="articles_article_import_catalogue",
            ),
            path("export/<str:fmt>/", wrap(export_catalogue_view), name="articles_article_export"),
            *super().get_urls(),
        ]

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_search_results(self, request, queryset, search_term):
        """The search box uses the search index (every status); a slug or file reference
        typed exactly finds its article too."""
        term = search_term.strip()
        if not term:
            return queryset, False
        exact = Article.objects.filter(Q(slug=term) | Q(import_ref=term)).order_by().values("pk")
        query = search.parse(term)
        if query is None:
            return queryset.filter(pk__in=exact), False
        # One set of ids, never `matches OR slug = …`, which makes PostgreSQL test every
        # article of the catalogue (7 s for a word in no article at a million). Up to
        # ADMIN_LISTED_MATCHES matches the set is read and listed; past them it stays a
        # subquery, which PostgreSQL joins by walking the list in its order and looking each
        # article up (a word in 70 % of a million: 0.2 s, against 18 s for reading all of its
        # matches, and 35 s for walking in search of a word in none).
        matches = search.matching_ids(query)
        with search.serial_plans():
            found = list(matches.values_list("article_id", flat=True)[: ADMIN_LISTED_MATCHES + 1])
        if len(found) <= ADMIN_LISTED_MATCHES:
            return queryset.filter(pk__in=[*found, *exact.values_list("pk", flat=True)]), False
        if exact.exists():
            matches = matches.union(exact, all=True)
        return queryset.filter(pk__in=matches), False

    def action_checkbox(self, obj):
        """Django's checkbox as one format_html: its widget renders a form template per row,
        the biggest single cost of a 50-row page."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(gettext("Select this object for an action - {}"), str(obj)),
        )

    @admin.display(description=_("headline"), ordering="headline")
    def headline_display(self, obj):
        if obj.headline:
            return format_html(
                '<span lang="{}" title="{}">{}</span>', obj.language, obj.headline, obj.headline
            )
        return format_html("<em>{}</em>", _("(no headline)"))

    @admin.display(description=_("date (published, else event)"), ordering="published_on")
    def display_date(self, obj):
        return obj.display_date

    @admin.display(description=_("tags"))
    def tags_display(self, obj):
        labels = getattr(obj, "tag_labels", None)  # the changelist reads them for its page
        if labels is None:
            labels = {
                "topics": [t.slug for t in obj.topics.all()],
                "countries": [c.code for c in obj.countries.all()],
                "agencies": [a.acronym for a in obj.agencies.all()],
            }
        topics = ", ".join(labels["topics"])
        countries = " ".join(labels["countries"])
        agencies = ", ".join(labels["agencies"])
        text = " · ".join(part for part in (topics, countries, agencies) if part)
        return format_html('<span title="{}">{}</span>', text, text) if text else ""

    @admin.display(description=_("flags"))
    def flag_count(self, obj):
        return len(obj.flags) or ""

    @admin.display(description=_("review flags"))
    def flags_display(self, obj):
        if not obj.flags:
            return _("none")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li><strong>{}</strong>: {}</li>",
                ((f.get("code", ""), f.get("message", "")) for f in obj.flags),
            ),
        )

    @admin.display(description=_("what the importer saw"))
    def import_details_display(self, obj):
        details = obj.import_details or {}
        if not details:
            return "—"
        outlet = details.get("outlet") or {}
        evidence_rows = (
            (kind, key, ", ".join(words))
            for kind, entries in (details.get("evidence") or {}).items()
            for key, words in entries.items()
        )
        return format_html(
            "<p>{}: {} · {}: {} {}</p><table><tbody>{}</tbody></table><h4>{}</h4><ul>{}</ul>",
            _("encoding"),
            details.get("encoding", ""),
            _("outlet"),
            outlet.get("name") or outlet.get("domain") or _("none found"),
            f"({outlet['evidence']})" if outlet.get("evidence") else "",
            format_html_join("", "<tr><td>{}</td><th>{}</th><td>{}</td></tr>", evidence_rows),
            _("Removed as site chrome"),
            format_html_join(
                "",
                "<li><strong>{}</strong>: <pre>{}</pre></li>",
                ((r["reason"], r["text"]) for r in details.get("removed", [])),
            ),
        )

    @admin.display(description=_("raw text"))
    def raw_text_display(self, obj):
        return format_html('<pre class="raw-text">{}</pre>', obj.raw_text)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.flags:  # nothing to resolve
            fieldsets = [
                (name, {**opts, "fields": tuple(f for f in opts["fields"] if f != "resolve_flags")})
                for name, opts in fieldsets
            ]
        return fieldsets

    def save_model(self, request, obj, form, change):
        if change:
            edited = set(obj.edited_fields) | (set(form.changed_data) & set(IMPORTED_FIELDS))
            obj.edited_fields = sorted(edited)
            # The form checked (under a row lock) that nobody saved since it was opened.
            obj.version = form.current_version + 1
        else:
            obj.created_by = request.user
        # Filling in the field a flag is about resolves it; the tick box settles the rest.
        # Both are recorded in one place (Article.resolve_flags).
        ticked = form.cleaned_data.get("resolve_flags")
        obj.resolve_flags(
            filled=set(form.changed_data),
            by=request.user.get_username(),
            dismissed={f["code"]: "ticked as resolved by the editor" for f in obj.flags}
            if ticked
            else None,
        )
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        # Tags are saved after the article: a "no topic" flag can only be settled now.
        if "topics" in form.changed_data and article.resolve_flags(
            filled={"topics"}, by=request.user.get_username()
        ):
            Article.objects.filter(pk=article.pk).update(
                flags=article.flags, import_details=article.import_details
            )

    def view_on_site(self, obj):
        if (
            obj.status in Article.PUBLIC_STATES
            and obj.published_at
            and (obj.published_at <= timezone.now())
        ):
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"pk": obj.pk})

    def _report(self, request, result: services.TransitionResult, done: str) -> None:
        if result.changed:
            self.message_user(
                request,
                ngettext("%(n)d article %(done)s.", "%(n)d articles %(done)s.", result.changed)
                % {"n": result.changed, "done": done},
                messages.SUCCESS,
            )
        for label, reasons in result.refused.items():
            self.message_user(
                request,
                _("“%(article)s” was not changed: %(reasons)s.")
                % {"article": label, "reasons": "; ".join(reasons)},
                messages.ERROR,
            )

    def _note(self, request) -> str:
        return request.POST.get("note", "").strip()[:500]

    @admin.action(description=_("Send selected articles for review"), permissions=("change",))
    def send_for_review(self, request, queryset):
        result = services.send_for_review(
            articles=queryset, by=request.user, note=self._note(request)
        )
        self._report(request, result, _("sent for review"))

    @admin.action(description=_("Return selected articles to draft"), permissions=("change",))
    def return_to_draft(self, request, queryset):
        result = services.return_to_draft(
            articles=queryset, by=request.user, note=self._note(request)
        )
        self._report(request, result, _("returned to draft"))

    @admin.action(description=_("Publish selected articles now"), permissions=("publish",))
    def publish(self, request, queryset):
        result = services.publish_articles(
            articles=queryset, by=request.user, note=self._note(request)
        )
        self._report(request, result, _("published"))

    @admin.action(
        description=_("Schedule selected articles (at the time given)"), permissions=("publish",)
    )
    def schedule(self, request, queryset):
        form = WorkflowActionForm(request.POST)
        when = form.data.get("when")
        moment = form.fields["when"].clean(when) if when else None
        if moment is None:
            self.message_user(
                request, _("Give the date and time to publish at, next to the action."),
                messages.ERROR,
            )  # fmt: skip
            return
        result = services.schedule_articles(
            articles=queryset, by=request.user, when=moment, note=self._note(request)
        )
        self._report(request, result, _("scheduled"))

    @admin.action(description=_("Unpublish selected articles"), permissions=("publish",))
    def unpublish(self, request, queryset):
        result = services.unpublish_articles(
            articles=queryset, by=request.user, note=self._note(request)
        )
        self._report(request, result, _("unpublished"))

    @admin.action(description=_("Archive selected articles"), permissions=("publish",))
    def archive(self, request, queryset):
        result = services.archive_articles(
            articles=queryset, by=request.user, note=self._note(request)
        )
        self._report(request, result, _("archived"))

    def has_publish_permission(self, request):
        return request.user.has_perm(services.PUBLISH_PERMISSION)


class _CountedAdmin(admin.ModelAdmin):
    """Show how many articles use each vocabulary entry, counted for the entries on the page
    (one grouped count over the tag table), not for the whole vocabulary on every query: the
    change form needs no count, and counting a million articles' tags per request would not
    do."""

    def get_changelist(self, request, **kwargs):
        return CountedChangeList

    article_relation = ""  # the Article field that holds this vocabulary

    @admin.display(description=_("articles"))
    def article_count(self, obj):
        count = getattr(obj, "article_count", 0)
        if not count:
            return 0
        field = Article._meta.get_field(self.article_relation)
        return format_html(
            '<a href="{}?{}__{}__exact={}">{}</a>',
            reverse("admin:articles_article_changelist"),
            field.name,
            field.target_field.name,
            obj.pk,
            formats.number_format(count, force_grouping=True),
        )


class _SpreadsheetAdmin(ImportExportModelAdmin, _CountedAdmin):
    """A vocabulary the data desk moves in and out as spreadsheets (natural keys)."""

    export_template_name = "admin/articles/import_export_export.html"  # CSP-clean copy

    def has_import_permission(self, request):
        return request.user.has_perm("articles.import_catalogue") and self.has_change_permission(
            request
        )

    def has_export_permission(self, request):
        return request.user.has_perm("articles.export_catalogue")


@admin.register(Source)
class SourceAdmin(_SpreadsheetAdmin):
    article_relation = "source"
    resource_classes = (SourceResource,)
    list_display = ("name", "name_th", "name_vi", "slug", "kind", "country", "article_count")
    list_filter = ("kind", "language")
    search_fields = ("name", "name_th", "name_vi", "slug", "aliases", "domains")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("country",)


@admin.register(Topic)
class TopicAdmin(_SpreadsheetAdmin):
    article_relation = "topics"
    resource_classes = (TopicResource,)
    list_display = ("slug", "name_en", "name_th", "name_vi", "kind", "article_count")
    list_filter = ("kind",)
    search_fields = ("slug", "name_en", "name_th", "name_vi")
    fieldsets = (
        (None, {"fields": ("slug", "kind")}),
        (_("Names"), {"fields": ("name_en", "name_th", "name_vi")}),
        (
            _("Descriptions"),
            {
                "fields": ("description", "description_th", "description_vi"),
                "description": _(
                    "Shown to readers on the topic's page; an empty Thai or Vietnamese one "
                    "shows the English."
                ),
            },
        ),
        (
            _("Tagger keywords"),
            {"fields": ("keywords_en", "keywords_th", "keywords_vi", "keywords_other")},
        ),
    )


@admin.register(Agency)
class AgencyAdmin(_SpreadsheetAdmin):
    article_relation = "agencies"
    resource_classes = (AgencyResource,)
    list_display = ("acronym", "name_en", "name_th", "name_vi", "country", "article_count")
    list_select_related = ("country",)
    search_fields = ("acronym", "name_en", "name_th", "name_vi", "aliases")
    autocomplete_fields = ("country",)


@admin.register(Country)
class CountryAdmin(_CountedAdmin):
    article_relation = "countries"
    list_display = ("code", "name_en", "name_th", "name_vi", "article_count")
    search_fields = ("code", "name_en", "name_th", "name_vi", "aliases")
