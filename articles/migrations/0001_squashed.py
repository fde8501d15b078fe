"""The catalogue's schema, what the database keeps beyond Django's tables (`_database`) and the
rows it starts with (`_data`): the 26 migrations of the first rounds squashed into one before
the first release.

A database that had applied all 26 goes on from here without change (`replaces`); one that had
applied only some of them must be migrated with a checkout from before the squash first (git log
-- articles/migrations), or made afresh.
"""

import django.db.models.deletion
import django.db.models.functions.comparison
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations, models

import articles.fields

from . import _data, _database


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("articles", "0001_initial"),
        ("articles", "0002_vocabularies"),
        ("articles", "0003_article_import_details"),
        ("articles", "0004_catalogue_permissions"),
        ("articles", "0005_data_desk_group"),
        ("articles", "0006_leaner_article_indexes"),
        ("articles", "0007_article_date"),
        ("articles", "0008_common_thai_country_names"),
        ("articles", "0009_workflow"),
        ("articles", "0010_roles"),
        ("articles", "0011_search"),
        ("articles", "0012_cataloguestate"),
        ("articles", "0013_tag_recency_indexes"),
        ("articles", "0014_public_listing_indexes"),
        ("articles", "0015_admin_date_index"),
        ("articles", "0016_catalogue_vocabulary_version"),
        ("articles", "0017_catalogue_changes"),
        ("articles", "0018_search_recent_gin"),
        ("articles", "0019_search_gin_pending_list"),
        ("articles", "0020_topic_keywords_other"),
        ("articles", "0021_vocabulary_real_captures"),
        ("articles", "0022_vocabulary_in_thai_and_vietnamese"),
        ("articles", "0023_search_pending_list_per_session"),
        ("articles", "0024_catalogue_change_triggers"),
        ("articles", "0025_vocabulary_fresh_captures"),
        ("articles", "0026_vocabulary_second_fresh_captures"),
    ]

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Agency",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("acronym", models.CharField(max_length=30, unique=True, verbose_name="acronym")),
                ("name_en", models.CharField(max_length=200, verbose_name="name (English)")),
                (
                    "name_th",
                    models.CharField(blank=True, max_length=200, verbose_name="name (Thai)"),
                ),
                (
                    "name_vi",
                    models.CharField(blank=True, max_length=200, verbose_name="name (Vietnamese)"),
                ),
                (
                    "aliases",
                    articles.fields.StringListField(
                        blank=True,
                        default=list,
                        help_text="Other names and abbreviations, in any language, one per line.",
                        verbose_name="aliases",
                    ),
                ),
            ],
            options={
                "verbose_name": "agency",
                "verbose_name_plural": "agencies",
                "ordering": ("acronym",),
            },
        ),
        migrations.CreateModel(
            name="CatalogueState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("generation", models.BigIntegerField(default=0)),
                ("vocabulary", models.BigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "catalogue state",
                "verbose_name_plural": "catalogue state",
            },
        ),
        migrations.CreateModel(
            name="Country",
            fields=[
                (
                    "code",
                    models.CharField(
                        max_length=2, primary_key=True, serialize=False, verbose_name="ISO code"
                    ),
                ),
                ("name_en", models.CharField(max_length=100, verbose_name="name (English)")),
                (
                    "name_th",
                    models.CharField(blank=True, max_length=100, verbose_name="name (Thai)"),
                ),
                (
                    "name_vi",
                    models.CharField(blank=True, max_length=100, verbose_name="name (Vietnamese)"),
                ),
                (
                    "aliases",
                    articles.fields.StringListField(
                        blank=True,
                        default=list,
                        help_text="Other names the news uses, in any language, one per line (e.g. สปป.ลาว).",
                        verbose_name="aliases",
                    ),
                ),
            ],
            options={
                "verbose_name": "country",
                "verbose_name_plural": "countries",
                "ordering": ("name_en",),
            },
        ),
        migrations.CreateModel(
            name="Topic",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=60, unique=True, verbose_name="slug")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("crime_area", "crime area"),
                            ("cooperation", "form of cooperation"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("name_en", models.CharField(max_length=100, verbose_name="name (English)")),
                (
                    "name_th",
                    models.CharField(blank=True, max_length=100, verbose_name="name (Thai)"),
                ),
                (
                    "name_vi",
                    models.CharField(blank=True, max_length=100, verbose_name="name (Vietnamese)"),
                ),
                ("description", models.TextField(blank=True, verbose_name="description (English)")),
                ("description_th", models.TextField(blank=True, verbose_name="description (Thai)")),
                (
                    "description_vi",
                    models.TextField(blank=True, verbose_name="description (Vietnamese)"),
                ),
                (
                    "keywords_en",
                    articles.fields.StringListField(
                        blank=True, default=list, verbose_name="keywords (English)"
                    ),
                ),
                (
                    "keywords_th",
                    articles.fields.StringListField(
                        blank=True, default=list, verbose_name="keywords (Thai)"
                    ),
                ),
                (
                    "keywords_vi",
                    articles.fields.StringListField(
                        blank=True, default=list, verbose_name="keywords (Vietnamese)"
                    ),
                ),
                (
                    "keywords_other",
                    articles.fields.StringListField(
                        blank=True,
                        default=list,
                        help_text="Indonesian, Malay and any other language, one per line.",
                        verbose_name="keywords (other languages)",
                    ),
                ),
            ],
            options={
                "verbose_name": "topic",
                "verbose_name_plural": "topics",
                "ordering": ("kind", "name_en"),
            },
        ),
        migrations.CreateModel(
            name="CatalogueChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("article_id", models.BigIntegerField(null=True)),
                ("generation", models.BigIntegerField(null=True)),
            ],
            options={
                "verbose_name": "catalogue change",
                "verbose_name_plural": "catalogue changes",
                "indexes": [
                    models.Index(fields=["generation"], name="cataloguechange_generation"),
                    models.Index(
                        condition=models.Q(("generation", None)),
                        fields=["id"],
                        name="cataloguechange_unstamped",
                    ),
                    models.Index(
                        condition=models.Q(("generation", None)),
                        fields=["article_id"],
                        name="cataloguechange_unstamped_for",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Article",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("headline", models.CharField(blank=True, max_length=500, verbose_name="headline")),
                (
                    "headline_en",
                    models.CharField(blank=True, max_length=500, verbose_name="English headline"),
                ),
                ("slug", models.SlugField(db_index=False, max_length=120, verbose_name="slug")),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("th", "Thai"),
                            ("vi", "Vietnamese"),
                            ("en", "English"),
                            ("km", "Khmer"),
                            ("lo", "Lao"),
                            ("ms", "Malay"),
                            ("id", "Indonesian"),
                            ("my", "Burmese"),
                            ("und", "other / undetermined"),
                        ],
                        default="und",
                        max_length=16,
                        verbose_name="language",
                    ),
                ),
                ("summary", models.TextField(blank=True, verbose_name="summary")),
                ("summary_en", models.TextField(blank=True, verbose_name="English summary")),
                ("body", models.TextField(blank=True, verbose_name="body")),
                ("url", models.URLField(blank=True, max_length=1000, verbose_name="original URL")),
                (
                    "published_on",
                    models.DateField(blank=True, null=True, verbose_name="published on"),
                ),
                ("updated_on", models.DateField(blank=True, null=True, verbose_name="updated on")),
                (
                    "event_start",
                    models.DateField(blank=True, null=True, verbose_name="event start"),
                ),
                ("event_end", models.DateField(blank=True, null=True, verbose_name="event end")),
                (
                    "date",
                    models.GeneratedField(
                        db_persist=True,
                        expression=django.db.models.functions.comparison.Coalesce(
                            "published_on", "event_start"
                        ),
                        output_field=models.DateField(),
                        verbose_name="date",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "draft"),
                            ("in_review", "in review"),
                            ("scheduled", "scheduled"),
                            ("published", "published"),
                            ("archived", "archived"),
                        ],
                        default="draft",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="published at"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                ("raw_text", models.TextField(blank=True, verbose_name="raw text")),
                (
                    "import_ref",
                    models.CharField(
                        blank=True,
                        help_text="Natural key of the raw text it was imported from; re-imports match on it.",
                        max_length=64,
                        verbose_name="import reference",
                    ),
                ),
                (
                    "flags",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Problems the importer or a check raised, as a list of {code, message}.",
                        verbose_name="review flags",
                    ),
                ),
                (
                    "import_details",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        help_text="What the importer saw: encoding, the outlet it suggested, the words behind each suggested tag, and the site chrome it removed.",
                        verbose_name="import details",
                    ),
                ),
                (
                    "edited_fields",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Fields an editor changed; a re-import never overwrites them.",
                        verbose_name="fields edited by hand",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        help_text="Raised on every save; a form holding an older version cannot overwrite.",
                        verbose_name="version",
                    ),
                ),
                (
                    "agencies",
                    models.ManyToManyField(
                        blank=True,
                        related_name="articles",
                        to="articles.agency",
                        verbose_name="agencies",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="created by",
                    ),
                ),
                (
                    "updated_by",
                    models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="updated by",
                    ),
                ),
                (
                    "countries",
                    models.ManyToManyField(
                        blank=True,
                        related_name="articles",
                        to="articles.country",
                        verbose_name="countries",
                    ),
                ),
            ],
            options={
                "verbose_name": "article",
                "verbose_name_plural": "articles",
                "ordering": ("-published_on", "-id"),
                "permissions": [
                    ("publish_article", "Can publish, unpublish and archive articles"),
                    ("import_catalogue", "Can import the catalogue from CSV/XLSX"),
                    ("export_catalogue", "Can export the catalogue to CSV/XLSX"),
                ],
                "get_latest_by": "published_at",
            },
        ),
        migrations.AddField(
            model_name="agency",
            name="country",
            field=models.ForeignKey(
                blank=True,
                help_text="Leave empty for international organisations.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="agencies",
                to="articles.country",
                verbose_name="country",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalArticle",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("headline", models.CharField(blank=True, max_length=500, verbose_name="headline")),
                (
                    "headline_en",
                    models.CharField(blank=True, max_length=500, verbose_name="English headline"),
                ),
                ("slug", models.SlugField(db_index=False, max_length=120, verbose_name="slug")),
                (
                    "language",
                    models.CharField(
                        choices=[
                            ("th", "Thai"),
                            ("vi", "Vietnamese"),
                            ("en", "English"),
                            ("km", "Khmer"),
                            ("lo", "Lao"),
                            ("ms", "Malay"),
                            ("id", "Indonesian"),
                            ("my", "Burmese"),
                            ("und", "other / undetermined"),
                        ],
                        default="und",
                        max_length=16,
                        verbose_name="language",
                    ),
                ),
                ("summary", models.TextField(blank=True, verbose_name="summary")),
                ("summary_en", models.TextField(blank=True, verbose_name="English summary")),
                ("body", models.TextField(blank=True, verbose_name="body")),
                ("url", models.URLField(blank=True, max_length=1000, verbose_name="original URL")),
                (
                    "published_on",
                    models.DateField(blank=True, null=True, verbose_name="published on"),
                ),
                ("updated_on", models.DateField(blank=True, null=True, verbose_name="updated on")),
                (
                    "event_start",
                    models.DateField(blank=True, null=True, verbose_name="event start"),
                ),
                ("event_end", models.DateField(blank=True, null=True, verbose_name="event end")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "draft"),
                            ("in_review", "in review"),
                            ("scheduled", "scheduled"),
                            ("published", "published"),
                            ("archived", "archived"),
                        ],
                        default="draft",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "published_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="published at"),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="created at"),
                ),
                (
                    "import_ref",
                    models.CharField(
                        blank=True,
                        help_text="Natural key of the raw text it was imported from; re-imports match on it.",
                        max_length=64,
                        verbose_name="import reference",
                    ),
                ),
                (
                    "flags",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Problems the importer or a check raised, as a list of {code, message}.",
                        verbose_name="review flags",
                    ),
                ),
                (
                    "edited_fields",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Fields an editor changed; a re-import never overwrites them.",
                        verbose_name="fields edited by hand",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="created by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "updated_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="updated by",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical article",
                "verbose_name_plural": "historical articles",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalArticle_agencies",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "agency",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.agency",
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.article",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="articles.historicalarticle",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalArticle_agencies",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalArticle_countries",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.article",
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.country",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="articles.historicalarticle",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalArticle_countries",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Source",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The name it is known by internationally; the importer and spreadsheets use it.",
                        max_length=200,
                        unique=True,
                        verbose_name="name",
                    ),
                ),
                (
                    "name_th",
                    models.CharField(
                        blank=True,
                        help_text="Its own Thai name, if it has one; Thai readers see the name above otherwise.",
                        max_length=200,
                        verbose_name="name (Thai)",
                    ),
                ),
                (
                    "name_vi",
                    models.CharField(
                        blank=True,
                        help_text="Its own Vietnamese name, if it has one; Vietnamese readers see the name above otherwise.",
                        max_length=200,
                        verbose_name="name (Vietnamese)",
                    ),
                ),
                ("slug", models.SlugField(max_length=100, unique=True, verbose_name="slug")),
                ("homepage", models.URLField(blank=True, verbose_name="homepage")),
                (
                    "domains",
                    articles.fields.StringListField(
                        blank=True,
                        default=list,
                        help_text="Domains it publishes under, one per line (e.g. mcot.net).",
                        verbose_name="domains",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("news_agency", "news agency"),
                            ("newspaper", "newspaper"),
                            ("broadcaster", "broadcaster"),
                            ("government", "government"),
                            ("international", "international organisation"),
                            ("other", "other"),
                        ],
                        default="other",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "language",
                    models.CharField(blank=True, max_length=16, verbose_name="usual language"),
                ),
                (
                    "aliases",
                    articles.fields.StringListField(
                        blank=True,
                        default=list,
                        help_text="Strings that identify it inside a text — sign-offs, site names — in any script, one per line.",
                        verbose_name="aliases",
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sources",
                        to="articles.country",
                        verbose_name="country",
                    ),
                ),
            ],
            options={
                "verbose_name": "source",
                "verbose_name_plural": "sources",
                "ordering": ("name",),
            },
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="source",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="articles.source",
                verbose_name="source",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="source",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="articles",
                to="articles.source",
                verbose_name="source",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalArticle_topics",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.article",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="articles.historicalarticle",
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.topic",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalArticle_topics",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="article",
            name="topics",
            field=models.ManyToManyField(
                blank=True, related_name="articles", to="articles.topic", verbose_name="topics"
            ),
        ),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("head", articles.fields.SearchTextField(blank=True)),
                ("document", articles.fields.SearchTextField(blank=True)),
                (
                    "visible_from",
                    models.DateTimeField(
                        blank=True, help_text="published_at while published or scheduled", null=True
                    ),
                ),
                ("date", models.DateField(blank=True, null=True)),
            ],
            options={
                "verbose_name": "search document",
                "verbose_name_plural": "search documents",
                "indexes": [
                    models.Index(
                        condition=models.Q(("visible_from__isnull", False)),
                        fields=["-date", "-article"],
                        name="search_visible_date",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="StatusChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "from_status",
                    models.CharField(
                        choices=[
                            ("draft", "draft"),
                            ("in_review", "in review"),
                            ("scheduled", "scheduled"),
                            ("published", "published"),
                            ("archived", "archived"),
                        ],
                        max_length=20,
                        verbose_name="from",
                    ),
                ),
                (
                    "to_status",
                    models.CharField(
                        choices=[
                            ("draft", "draft"),
                            ("in_review", "in review"),
                            ("scheduled", "scheduled"),
                            ("published", "published"),
                            ("archived", "archived"),
                        ],
                        max_length=20,
                        verbose_name="to",
                    ),
                ),
                ("at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="at")),
                ("note", models.CharField(blank=True, max_length=500, verbose_name="note")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="status_changes",
                        to="articles.article",
                        verbose_name="article",
                    ),
                ),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty when the system did it (scheduled publication, imports).",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
            ],
            options={
                "verbose_name": "status change",
                "verbose_name_plural": "status changes",
                "ordering": ("-at", "-id"),
                "get_latest_by": "at",
                "indexes": [
                    models.Index(fields=["article", "-at"], name="statuschange_article_at")
                ],
            },
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["-published_on", "-id"],
                include=("status", "language", "source_id"),
                name="article_published_on",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["status", "-date", "-id"], name="article_status_date"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["language", "status"], name="article_language_status"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["published_at"], name="article_published_at"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status__in", ("published", "scheduled"))),
                fields=["-date", "-id"],
                include=("published_at", "language", "source_id"),
                name="article_public_date",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("status__in", ("published", "scheduled"))),
                fields=["updated_at"],
                name="article_public_updated",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(fields=("slug",), name="article_slug_unique"),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                condition=models.Q(("url", ""), _negated=True),
                fields=("url",),
                name="article_url_unique_when_present",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                condition=models.Q(("import_ref", ""), _negated=True),
                fields=("import_ref",),
                name="article_import_ref_unique_when_present",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status__in", ["published", "scheduled"]), _negated=True),
                    models.Q(
                        models.Q(("headline", ""), _negated=True),
                        models.Q(("slug", ""), _negated=True),
                        models.Q(
                            ("published_on__isnull", False),
                            ("event_start__isnull", False),
                            _connector="OR",
                        ),
                    ),
                    _connector="OR",
                ),
                name="article_published_has_headline_slug_date",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status__in", ["published", "scheduled"]), _negated=True),
                    ("published_at__isnull", False),
                    _connector="OR",
                ),
                name="article_published_has_published_at",
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("event_end__isnull", True),
                    ("event_start__isnull", True),
                    ("event_end__gte", models.F("event_start")),
                    _connector="OR",
                ),
                name="article_event_end_after_start",
            ),
        ),
        BtreeGinExtension(),
        migrations.RunPython(_database.create, _database.drop),
        migrations.RunPython(_data.load_vocabularies, _data.unload_vocabularies),
        migrations.RunPython(_data.create_roles, _data.delete_roles),
        migrations.RunPython(_data.create_catalogue_state, migrations.RunPython.noop),
    ]
