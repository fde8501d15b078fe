"""The catalogue: outlets (Source), controlled vocabularies (Topic, Agency, Country) and Article."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .fields import SearchTextField, StringListField


def _localised(obj, prefix: str, english: str | None = None) -> str:
    """Return the field in the active language, falling back to English (`prefix`_en, or the
    field named `english`)."""
    language = (translation.get_language() or "en")[:2]
    fallback = english or f"{prefix}_en"
    return getattr(obj, f"{prefix}_{language}", "") or getattr(obj, fallback)


class Country(models.Model):
    """An ISO 3166-1 country, with names from maintained libraries and the forms news uses."""

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_th = models.CharField(_("name (Thai)"), max_length=100, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=100, blank=True)
    aliases = StringListField(
        _("aliases"),
        help_text=_("Other names the news uses, in any language, one per line (e.g. สปป.ลาว)."),
    )

    class Meta:
        ordering = ("name_en",)
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:country", kwargs={"code": self.code.lower()})

    @property
    def name(self) -> str:
        return _localised(self, "name")


class Source(models.Model):
    """A news outlet or other publisher that articles come from."""

    class Kind(models.TextChoices):
        NEWS_AGENCY = "news_agency", _("news agency")
        NEWSPAPER = "newspaper", _("newspaper")
        BROADCASTER = "broadcaster", _("broadcaster")
        GOVERNMENT = "government", _("government")
        INTERNATIONAL = "international", _("international organisation")
        OTHER = "other", _("other")

    name = models.CharField(
        _("name"),
        max_length=200,
        unique=True,
        help_text=_(
            "The name it is known by internationally; the importer and spreadsheets use it."
        ),
    )
    name_th = models.CharField(
        _("name (Thai)"),
        max_length=200,
        blank=True,
        help_text=_("Its own Thai name, if it has one; Thai readers see the name above otherwise."),
    )
    name_vi = models.CharField(
        _("name (Vietnamese)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Its own Vietnamese name, if it has one; Vietnamese readers see the name above "
            "otherwise."
        ),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    homepage = models.URLField(_("homepage"), blank=True)
    domains = StringListField(
        _("domains"), help_text=_("Domains it publishes under, one per line (e.g. mcot.net).")
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sources",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    language = models.CharField(_("usual language"), max_length=16, blank=True)
    aliases = StringListField(
        _("aliases"),
        help_text=_(
            "Strings that identify it inside a text — sign-offs, site names — in any script, "
            "one per line."
        ),
    )

    class Meta:
        ordering = ("name",)
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:source", kwargs={"slug": self.slug})

    @property
    def localised_name(self) -> str:
        """The name readers see: in their language where the outlet has one, else `name`."""
        return _localised(self, "name", english="name")


class Topic(models.Model):
    """A controlled-vocabulary topic: a crime area or a form of cooperation."""

    class Kind(models.TextChoices):
        CRIME_AREA = "crime_area", _("crime area")
        COOPERATION = "cooperation", _("form of cooperation")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_th = models.CharField(_("name (Thai)"), max_length=100, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=100, blank=True)
    description = models.TextField(_("description (English)"), blank=True)
    description_th = models.TextField(_("description (Thai)"), blank=True)
    description_vi = models.TextField(_("description (Vietnamese)"), blank=True)
    keywords_en = StringListField(_("keywords (English)"))
    keywords_th = StringListField(_("keywords (Thai)"))
    keywords_vi = StringListField(_("keywords (Vietnamese)"))
    keywords_other = StringListField(
        _("keywords (other languages)"),
        help_text=_("Indonesian, Malay and any other language, one per line."),
    )

    class Meta:
        ordering = ("kind", "name_en")
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:topic", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        return _localised(self, "name")

    @property
    def localised_description(self) -> str:
        """The description in the reader's language, falling back to the English one."""
        return _localised(self, "description", english="description")


class Agency(models.Model):
    """A police, security or drug-control body, or an international organisation."""

    acronym = models.CharField(_("acronym"), max_length=30, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_th = models.CharField(_("name (Thai)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    aliases = StringListField(
        _("aliases"),
        help_text=_(
            "Other names and abbreviations, in any language, one per line. Start a name with ~ "
            "when it stands for this agency only in a story that names its country "
            "(~Interior Ministry for Cambodia's)."
        ),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agencies",
        help_text=_("Leave empty for international organisations."),
    )

    class Meta:
        ordering = ("acronym",)
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.acronym

    def get_absolute_url(self) -> str:
        return reverse("articles:agency", kwargs={"acronym": self.acronym})

    @property
    def name(self) -> str:
        return _localised(self, "name")


@dataclass(frozen=True)
class TagRelation:
    """One of an article's tag relations, as everything that reads or writes tags names it."""

    name: str  # the relation on Article: "topics"
    facet: str  # its filter, facet and URL key: "topic"
    model: type[models.Model]  # the vocabulary it tags with: Topic

    @property
    def through(self) -> type[models.Model]:
        """The link table's model (article_id, topic_id)."""
        return getattr(Article, self.name).through

    @property
    def column(self) -> str:
        """The link table's column for the tag: "topic_id"."""
        return f"{self.facet}_id"


# The tag relations, in the order readers see them: the one registry (Article.TAGS), from which
# the facet index, the signals, history, search documents, imports and pages take theirs.
TAGS = (
    TagRelation("topics", "topic", Topic),
    TagRelation("countries", "country", Country),
    TagRelation("agencies", "agency", Agency),
)
TAG_RELATIONS = tuple(tag.name for tag in TAGS)
# Kept by name: the admin and the raw import write one history entry themselves where a save and
# its tag changes would otherwise make several (see ArticleAdmin.save_related).
ARTICLE_HISTORY = HistoricalRecords(
    excluded_fields=("raw_text", "import_details", "updated_at", "version", "date"),
    m2m_fields=TAG_RELATIONS,
    verbose_name=_("historical article"),
)


class ArticleQuerySet(models.QuerySet):
    def published(self, at: datetime.datetime | None = None) -> ArticleQuerySet:
        """Return the articles a reader may see (now, or at `at`): Article.public_q."""
        return self.filter(Article.public_q(at))

    def flagged(self) -> ArticleQuerySet:
        """Return the articles with unresolved review flags."""
        return self.exclude(flags=[])

    def with_relations(self) -> ArticleQuerySet:
        """Fetch the source and the tags with a constant number of queries."""
        return self.select_related("source").prefetch_related(*Article.TAG_RELATIONS)


class Article(models.Model):
    """A news report, from raw import through review to publication."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("in review")
        SCHEDULED = "scheduled", _("scheduled")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    class Language(models.TextChoices):
        THAI = "th", _("Thai")
        VIETNAMESE = "vi", _("Vietnamese")
        ENGLISH = "en", _("English")
        KHMER = "km", _("Khmer")
        LAO = "lo", _("Lao")
        MALAY = "ms", _("Malay")
        INDONESIAN = "id", _("Indonesian")
        BURMESE = "my", _("Burmese")
        OTHER = "und", _("other / undetermined")

    # Which status may follow which; the one place that says so.
    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.DRAFT: (Status.IN_REVIEW, Status.SCHEDULED, Status.PUBLISHED, Status.ARCHIVED),
        Status.IN_REVIEW: (Status.DRAFT, Status.SCHEDULED, Status.PUBLISHED, Status.ARCHIVED),
        Status.SCHEDULED: (Status.DRAFT, Status.PUBLISHED, Status.ARCHIVED),
        Status.PUBLISHED: (Status.DRAFT, Status.ARCHIVED),
        Status.ARCHIVED: (Status.DRAFT,),
    }
    # States in which an article is (or, when due, will be) public: the same rules apply.
    PUBLIC_STATES = (Status.PUBLISHED, Status.SCHEDULED)

    TAGS = TAGS
    TAG_RELATIONS = TAG_RELATIONS

    headline = models.CharField(_("headline"), max_length=500, blank=True)
    headline_en = models.CharField(_("English headline"), max_length=500, blank=True)
    # Indexed by the named unique constraint; SlugField's own two indexes would be redundant.
    slug = models.SlugField(_("slug"), max_length=120, db_index=False)
    language = models.CharField(
        _("language"), max_length=16, choices=Language.choices, default=Language.OTHER
    )
    summary = models.TextField(_("summary"), blank=True)
    summary_en = models.TextField(_("English summary"), blank=True)
    body = models.TextField(_("body"), blank=True)

    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    url = models.URLField(_("original URL"), max_length=1000, blank=True)

    published_on = models.DateField(_("published on"), null=True, blank=True)
    updated_on = models.DateField(_("updated on"), null=True, blank=True)
    event_start = models.DateField(_("event start"), null=True, blank=True)
    event_end = models.DateField(_("event end"), null=True, blank=True)

    # The date readers sort and filter by: publication, else the event's start. Computed by the
    # database so that bulk imports (COPY) and the ORM agree.
    date = models.GeneratedField(
        expression=Coalesce("published_on", "event_start"),
        output_field=models.DateField(),
        db_persist=True,
        verbose_name=_("date"),
    )

    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="articles"
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="articles"
    )
    agencies = models.ManyToManyField(
        Agency, verbose_name=_("agencies"), blank=True, related_name="articles"
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Audit columns, never filtered on: no index to maintain on every write.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,
    )

    raw_text = models.TextField(_("raw text"), blank=True)
    import_ref = models.CharField(
        _("import reference"),
        max_length=64,
        blank=True,
        help_text=_("Natural key of the raw text it was imported from; re-imports match on it."),
    )
    flags = models.JSONField(
        _("review flags"),
        default=list,
        blank=True,
        help_text=_("Problems the importer or a check raised, as a list of {code, message}."),
    )
    import_details = models.JSONField(
        _("import details"),
        default=dict,
        blank=True,
        help_text=_(
            "What the importer saw: encoding, the outlet it suggested, the words behind each "
            "suggested tag, and the site chrome it removed."
        ),
    )
    edited_fields = models.JSONField(
        _("fields edited by hand"),
        default=list,
        blank=True,
        help_text=_("Fields an editor changed; a re-import never overwrites them."),
    )

    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_("Raised on every save; a form holding an older version cannot overwrite."),
    )

    objects = ArticleQuerySet.as_manager()
    history = ARTICLE_HISTORY

    class Meta:
        ordering = ("-published_on", "-id")
        get_latest_by = "published_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, unpublish and archive articles")),
            ("import_catalogue", _("Can import the catalogue from CSV/XLSX")),
            ("export_catalogue", _("Can export the catalogue to CSV/XLSX")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="article_slug_unique"),
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_url_unique_when_present"
            ),
            models.UniqueConstraint(
                fields=["import_ref"],
                condition=~Q(import_ref=""),
                name="article_import_ref_unique_when_present",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["published", "scheduled"])
                | (
                    ~Q(headline="")
                    & ~Q(slug="")
                    & (Q(published_on__isnull=False) | Q(event_start__isnull=False))
                ),
                name="article_published_has_headline_slug_date",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["published", "scheduled"]) | Q(published_at__isnull=False),
                name="article_published_has_published_at",
            ),
            models.CheckConstraint(
                condition=Q(event_end__isnull=True)
                | Q(event_start__isnull=True)
                | Q(event_end__gte=models.F("event_start")),
                name="article_event_end_after_start",
            ),
        ]
        indexes = [
            # The admin's order, walked newest first with any filter: the first 50 that match,
            # the capped count and the date hierarchy's ends and years stop early, and read
            # status, language and outlet from the index (PostgreSQL), not from the wide rows.
            models.Index(
                fields=["-published_on", "-id"],
                include=["status", "language", "source_id"],
                name="article_published_on",
            ),
            models.Index(fields=["status", "-date", "-id"], name="article_status_date"),
            models.Index(fields=["language", "status"], name="article_language_status"),
            models.Index(fields=["published_at"], name="article_published_at"),
            # Public listings and feeds, newest first: walked in order, no sort of the catalogue.
            # It covers what the filters and counts read of an article besides its tags (on
            # PostgreSQL): a year of a million articles is then counted from the index alone,
            # not from the wide rows with their bodies.
            models.Index(
                fields=["-date", "-id"],
                condition=Q(status__in=("published", "scheduled")),
                include=["published_at", "language", "source_id"],
                name="article_public_date",
            ),
            # The sitemap's lastmod: the newest change to a public article, read off the end.
            models.Index(
                fields=["updated_at"],
                condition=Q(status__in=("published", "scheduled")),
                name="article_public_updated",
            ),
        ]

    def __str__(self) -> str:
        return self.headline or self.headline_en or f"({_('no headline')}) {self.slug}"

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    # --- who may see an article: the one rule ------------------------------------------------
    # A reader sees an article from `published_at` on when its status is published or scheduled
    # (a scheduled one is public at its time, before the job flips its status). Every reader of
    # the catalogue takes the rule from here: the queryset (published), an instance
    # (is_public), the search table's copy (visible_from, which the search triggers of
    # articles/migrations/_database.py write with the same CASE) and raw SQL (public_sql: the
    # facet index, the catalogue state).

    @classmethod
    def visible_from(cls, status: str, published_at: datetime.datetime | None):
        """When readers may see an article in this status: its publication time, or never."""
        return published_at if status in cls.PUBLIC_STATES else None

    @classmethod
    def public_q(cls, at: datetime.datetime | None = None) -> Q:
        """The rule as a filter on articles."""
        return Q(status__in=cls.PUBLIC_STATES, published_at__lte=at or timezone.now())

    @classmethod
    def public_sql(cls, alias: str = "", *, due: str = "by") -> str:
        """The rule in SQL over the article table's columns (`alias.` before each). `due`
        "by": public by a time given as the one %s parameter; "after": public only after
        it (scheduled, not yet due); "ever": public at some time (no parameter)."""
        column = f"{alias}." if alias else ""
        states = ", ".join(f"'{state}'" for state in cls.PUBLIC_STATES)  # our own constants
        sql = f"{column}status IN ({states}) AND {column}published_at IS NOT NULL"
        comparison = {"by": " <= %s", "after": " > %s", "ever": ""}[due]
        return sql + (f" AND {column}published_at{comparison}" if comparison else "")

    def is_public(self, at: datetime.datetime | None = None) -> bool:
        """The rule for this instance, as it stands in memory."""
        since = self.visible_from(self.status, self.published_at)
        return since is not None and since <= (at or timezone.now())

    # Was the article public when it was read? (A save or delete of one that was, or is,
    # changes what readers see: articles.signals.) Unknown when `status` was deferred.
    loaded_public = False

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.loaded_public = (
            instance.status in cls.PUBLIC_STATES if "status" in field_names else True
        )
        return instance

    @property
    def display_date(self):
        return self.published_on or self.event_start

    @property
    def paragraphs(self) -> list[str]:
        """The body as paragraphs (blank lines separate them)."""
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]

    def publication_problems(self) -> list[str]:
        """Return everything that keeps this article from being published, as sentences."""
        problems = []
        if not self.headline.strip():
            problems.append(_("it has no headline"))
        if not self.headline_en.strip():
            problems.append(_("it has no English headline"))
        if not self.slug:
            problems.append(_("it has no slug"))
        if not (self.published_on or self.event_start):
            problems.append(_("it has neither a publication date nor an event start date"))
        if self.source_id is None:
            problems.append(_("it has no source"))
        if self.pk is None or not self.topics.exists():
            problems.append(_("it has no topic"))
        if self.flags:
            problems.append(_("it has %(n)d unresolved review flag(s)") % {"n": len(self.flags)})
        return [str(problem) for problem in problems]

    # The field that settles each importer flag: filling it resolves the flag. Flags not here
    # need judgment (a yearless date seen beside a full one) and are dismissed with a reason.
    FLAG_FIELDS = {
        "headline_missing": "headline",
        "headline_truncated": "headline",
        "headline_unsure": "headline",
        "date_without_year": "published_on",
        "published_date_missing": "published_on",
        "event_date_without_year": "event_start",
        "outlet_missing": "source",
        "outlet_unknown": "source",
        "language_unknown": "language",
        "no_topics": "topics",
        "body_empty": "body",
    }

    def flags_by_field(self) -> dict[str | None, list[dict]]:
        """Group the open flags by the field that settles each; None holds those that need
        judgment (no field settles them)."""
        grouped: dict[str | None, list[dict]] = {}
        for flag in self.flags:
            grouped.setdefault(self.FLAG_FIELDS.get(flag.get("code")), []).append(flag)
        return grouped

    def resolve_flags(self, *, filled: set[str], by: str, dismissed: dict[str, str] | None = None):
        """Drop the flags whose field was filled in, and those dismissed with a reason; keep a
        record of each (who, when, which flag, why) in import_details["resolved_flags"]."""
        dismissed = dismissed or {}
        kept, resolved = [], []
        for flag in self.flags:
            field = self.FLAG_FIELDS.get(flag.get("code"))
            value = (
                getattr(self, field if field != "source" else "source_id", None) if field else None
            )
            if field == "topics":
                value = self.pk and self.topics.exists()
            if field in filled and value not in (None, "", "und"):
                resolved.append({**flag, "resolution": f"{field} filled in"})
            elif flag.get("code") in dismissed:
                resolved.append({**flag, "resolution": f"dismissed: {dismissed[flag['code']]}"})
            else:
                kept.append(flag)
        if resolved:
            record = {"by": by, "at": timezone.now().isoformat(), "flags": resolved}
            self.import_details = {
                **self.import_details,
                "resolved_flags": [*self.import_details.get("resolved_flags", []), record],
            }
            self.flags = kept
        return resolved

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())

    @classmethod
    def move_problem(cls, current: str | None, to: str, *, may_publish: bool) -> str | None:
        """Why an article may not go from `current` (None: a new one) to `to`, or None.

        The one rule book every write path asks — the admin's actions (through services), the
        spreadsheet import and the raw import: the TRANSITIONS graph, and entering or leaving a
        public state (published, scheduled) only with the publish permission."""
        if current == to:
            return None
        if current is not None and to not in cls.TRANSITIONS.get(current, ()):
            return str(
                _("an article cannot go from %(from)s to %(to)s")
                % {"from": cls.Status(current).label, "to": cls.Status(to).label}
            )
        public = cls.PUBLIC_STATES
        if not may_publish and (to in public or current in public):
            return str(_("only users who may publish can publish, schedule or unpublish articles"))
        return None

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.event_start and self.event_end and self.event_end < self.event_start:
            errors.setdefault("event_end", []).append(
                _("The event cannot end before it starts (%(start)s).")
                % {"start": self.event_start.isoformat()}
            )
        if self.status in self.PUBLIC_STATES:
            if not self.headline.strip():
                errors.setdefault("headline", []).append(_("A published article needs a headline."))
            if not (self.published_on or self.event_start):
                errors.setdefault("published_on", []).append(
                    _("A published article needs a publication date or an event start date.")
                )
        if errors:
            raise ValidationError(errors)


class StatusChange(models.Model):
    """One move of an article from one state to another: who, when, and why."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Article.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the system did it (scheduled publication, imports)."),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ("-at", "-id")
        get_latest_by = "at"
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["article", "-at"], name="statuschange_article_at")]

    def __str__(self) -> str:
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class SearchDocument(models.Model):
    """An article as the search index sees it; written by `articles.search`, never by hand.

    `head` holds the headlines (they rank first); `document` everything searchable. On
    PostgreSQL both are tsvectors and `document` repeats the head; on SQLite both are analysed
    text behind the FTS5 table `articles_searchindex`, which matches across the two.

    `visible_from` and `date` copy what readers' searches filter and sort on, so that a search
    never has to visit the articles it does not show. Database triggers on the article keep
    them in step with every status change, however it is made (migrations/_database.py).
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="search"
    )
    head = SearchTextField(blank=True)
    document = SearchTextField(blank=True)
    visible_from = models.DateTimeField(
        null=True, blank=True, help_text=_("published_at while published or scheduled")
    )
    date = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [
            models.Index(
                fields=["-date", "-article"],
                condition=Q(visible_from__isnull=False),
                name="search_visible_date",
            ),
        ]

    def __str__(self) -> str:
        return f"search document of article {self.article_id}"


class CatalogueState(models.Model):
    """One row: the generation of the public catalogue, raised after every change readers could
    see; cached counts are keyed by it (`articles.counts`)."""

    generation = models.BigIntegerField(default=0)
    # Raised with the generation when an outlet, topic, country or agency changes: what a
    # process keeps of the vocabulary outlives publications.
    vocabulary = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("catalogue state")
        verbose_name_plural = _("catalogue state")

    def __str__(self) -> str:
        return f"catalogue generation {self.generation}"


class CatalogueChange(models.Model):
    """An article whose public facets may have changed, written by the database's triggers in
    the transaction that changed it (migrations/_database.py: any write, ORM or not);
    `generation` is set when the catalogue generation is raised after the commit. The
    in-memory facet index (`articles.counts.facet_index`) re-reads the articles named since
    the generation it holds. No article (NULL, written by `counts.changed`) means "anything
    may have changed": rebuild."""

    article_id = models.BigIntegerField(null=True)  # no foreign key: deleted articles too
    generation = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = _("catalogue change")
        verbose_name_plural = _("catalogue changes")
        indexes = [
            models.Index(fields=["generation"], name="cataloguechange_generation"),
            models.Index(
                fields=["id"], name="cataloguechange_unstamped", condition=Q(generation=None)
            ),
            # "Has this transaction logged anything?" (the SQLite triggers ask it on each write)
            models.Index(
                fields=["article_id"],
                name="cataloguechange_unstamped_for",
                condition=Q(generation=None),
            ),
        ]

    def __str__(self) -> str:
        return f"article {self.article_id} in generation {self.generation}"
