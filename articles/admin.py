"""The editors' admin: catalogue curation, workflow actions, vocabularies."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import search, services
from .admin_changelist import (
    ArticleChangeList,
    CappedPaginator,
    CountedChangeList,
    OutletFilter,
    TagFilter,
)
from .admin_history import history_records, readable_history
from .admin_import import import_raw_view
from .admin_spreadsheets import export_catalogue_view, import_catalogue_view
from .forms import ArticleAdminForm, TextareaField, WorkflowActionForm
from .models import ARTICLE_HISTORY, Agency, Article, Country, Source, StatusChange, Topic
from .services import IMPORTED_FIELDS
from .spreadsheets.resources import AgencyResource, SourceResource, TopicResource

# The admin's search lists the ids of a query's matches up to this many (see get_search_results).
ADMIN_LISTED_MATCHES = 10_000


# The change form's workflow buttons: the button's words, and what the message says was done.
MOVE_LABELS = {
    "review": (_("Send for review"), _("sent for review")),
    "draft": (_("Return to draft"), _("returned to draft")),
    "publish": (_("Publish"), _("published")),
    "schedule": (_("Schedule"), _("scheduled")),
    "unpublish": (_("Unpublish"), _("unpublished")),
}


def _field_label(name: str) -> str:
    return str(Article._meta.get_field(name).verbose_name).capitalize()


def _parse_when(value):
    """The schedule time from the change form (already validated by ArticleAdminForm)."""
    from .forms import ArticleAdminForm

    if not value:
        return None
    try:
        return ArticleAdminForm.base_fields["move_when"].clean(value)
    except ValidationError:
        return None


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
    change_form_template = "admin/articles/article/change_form.html"
    object_history_template = "admin/articles/article/object_history.html"
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
        "edited_fields",
        "import_details_display",
    )
    # The status, its moves and the review flags are at the top of the form, each flag beside
    # the field that settles it (change_form.html); the raw capture is beside the fields.
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
                    "published_at",
                    ("created_at", "created_by"),
                    ("updated_at", "updated_by"),
                    "import_ref",
                    "edited_fields",
                    "import_details_display",
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
        with search.search_plans():
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

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        request.article_change_form = True  # (see save_model)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(self._desk_context(request, obj, context["adminform"].form))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _desk_context(self, request, obj, form) -> dict:
        """What the top of the change form shows: the status, the moves this user may make,
        what keeps the article from being published, and its review flags."""
        labels = {name: _field_label(name) for name in Article.FLAG_FIELDS.values()}
        flags = [
            {
                "flag": flag,
                "field": Article.FLAG_FIELDS.get(flag.get("code")),
                "label": labels.get(Article.FLAG_FIELDS.get(flag.get("code")), ""),
                "reason": form[form.dismiss_field(flag)],
            }
            for flag in obj.flags
            if form.dismiss_field(flag) in form.fields
        ]
        by_field: dict[str, list] = {}
        for entry in flags:
            if entry["field"]:
                by_field.setdefault(entry["field"], []).append(entry)
        return {
            "desk_moves": [
                (move, MOVE_LABELS[move][0])
                for move in services.offered_moves(article=obj, user=request.user)
            ],
            "desk_status": Article.Status(obj.status).label,
            "desk_problems": (
                obj.publication_problems() if obj.status not in Article.PUBLIC_STATES else []
            ),
            "desk_flags": flags,
            "desk_judgment_flags": [entry for entry in flags if not entry["field"]],
            "desk_field_flags": by_field,
            "desk_raw_text": obj.raw_text,
        }

    def save_model(self, request, obj, form, change):
        if change:
            edited = set(obj.edited_fields) | (set(form.changed_data) & set(IMPORTED_FIELDS))
            obj.edited_fields = sorted(edited)
            # The form checked (under a row lock) that nobody saved since it was opened.
            obj.version = form.current_version + 1
        else:
            obj.created_by = request.user
        # Filling in the field a flag is about resolves it; a reason given dismisses one that
        # needs judgment. Both are recorded in one place (Article.resolve_flags).
        dismissed = form.cleaned_data.get("dismissed") or {}
        obj.resolve_flags(
            filled=set(form.changed_data), by=request.user.get_username(), dismissed=dismissed
        )
        if dismissed:
            obj._change_reason = services.fit_change_reason(
                gettext("flag dismissed: %(reasons)s") % {"reasons": "; ".join(dismissed.values())}
            )
        obj.updated_by = request.user
        # One history entry for the save and its tag changes, written in save_related once the
        # tags are saved (otherwise: one entry for the fields, then one per tag added or removed).
        # Only on the change form: reverting to a version (simple_history's view) saves no
        # related objects, and keeps its own entries.
        if getattr(request, "article_change_form", False):
            obj.skip_history_when_saving = True
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
        if hasattr(article, "skip_history_when_saving"):
            del article.skip_history_when_saving
            ARTICLE_HISTORY.create_historical_record(article, "~" if change else "+")

    def response_change(self, request, obj):
        move = request.POST.get("_move")
        if move in MOVE_LABELS:
            result = services.move_article(
                article=obj,
                move=move,
                by=request.user,
                when=_parse_when(request.POST.get("move_when")),
                note=request.POST.get("move_note", "").strip()[:500],
            )
            if result.changed:
                self.message_user(
                    request,
                    gettext("“%(article)s”: %(done)s.")
                    % {"article": obj, "done": MOVE_LABELS[move][1]},
                    messages.SUCCESS,
                )
            else:
                reasons = "; ".join(r for rs in result.refused.values() for r in rs)
                self.message_user(
                    request,
                    gettext("Your changes were saved, but the move was refused: %(reasons)s.")
                    % {"reasons": reasons or gettext("nothing to move")},
                    messages.ERROR,
                )
            return HttpResponseRedirect(request.path)
        if request.POST.get("_dismiss"):
            self.message_user(request, gettext("The flag was dismissed."), messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        """Only the entries that change something, each with its changes in words (read by
        set_history_delta_changes for the page shown)."""
        queryset = super().get_history_queryset(request, history_manager, pk_name, object_id)
        article = Article.objects.filter(pk=object_id).first()
        if article is None:
            return queryset
        entries = readable_history(article, history_records(article))
        request.article_history = {entry.record.history_id: entry for entry in entries}
        # Oldest first: the history reads as the article's story, from its import on.
        return queryset.filter(history_id__in=list(request.article_history)).order_by(
            "history_date", "history_id"
        )

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        entries = getattr(request, "article_history", {})
        for record in historical_records:
            record.readable = entries.get(record.history_id)

    def view_on_site(self, obj):
        if obj.is_public():
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
