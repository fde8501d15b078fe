"""The search index: one search document per article, and each database's index over it.

PostgreSQL: a GIN index over the tsvector. SQLite: an FTS5 table over the analysed text, kept in
step with the document table by triggers (SQLite's external-content pattern). Triggers copy an
article's visibility and date to its search document whenever they change. The tokenizer keeps
Thai combining marks (Unicode M*) inside tokens; diacritics are kept too (the analyser folds).
Documents are written by `manage.py reindex` and on every save, never by this migration.
"""

import django.db.models.deletion
from django.db import DatabaseError, migrations, models, transaction

import articles.fields

SQLITE = [
    """CREATE VIRTUAL TABLE articles_searchindex USING fts5(
        head, document, content='articles_searchdocument', content_rowid='article_id',
        tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'")""",
    """CREATE TRIGGER articles_searchdocument_ai AFTER INSERT ON articles_searchdocument BEGIN
        INSERT INTO articles_searchindex(rowid, head, document)
        VALUES (new.article_id, new.head, new.document);
    END""",
    """CREATE TRIGGER articles_searchdocument_ad AFTER DELETE ON articles_searchdocument BEGIN
        INSERT INTO articles_searchindex(articles_searchindex, rowid, head, document)
        VALUES ('delete', old.article_id, old.head, old.document);
    END""",
    """CREATE TRIGGER articles_searchdocument_au AFTER UPDATE OF head, document
    ON articles_searchdocument BEGIN
        INSERT INTO articles_searchindex(articles_searchindex, rowid, head, document)
        VALUES ('delete', old.article_id, old.head, old.document);
        INSERT INTO articles_searchindex(rowid, head, document)
        VALUES (new.article_id, new.head, new.document);
    END""",
    """CREATE TRIGGER articles_article_search_visibility
    AFTER UPDATE OF status, published_at, published_on, event_start ON articles_article BEGIN
        UPDATE articles_searchdocument SET
            visible_from = CASE WHEN new.status IN ('published', 'scheduled')
                           THEN new.published_at END,
            date = new.date
        WHERE article_id = new.id;
    END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS articles_article_search_visibility",
    "DROP TRIGGER IF EXISTS articles_searchdocument_au",
    "DROP TRIGGER IF EXISTS articles_searchdocument_ad",
    "DROP TRIGGER IF EXISTS articles_searchdocument_ai",
    "DROP TABLE IF EXISTS articles_searchindex",
]
POSTGRESQL = [
    "CREATE INDEX articles_searchdocument_document_gin ON articles_searchdocument "
    "USING gin (document)",
    "CREATE INDEX articles_searchdocument_head_gin ON articles_searchdocument USING gin (head)",
    """CREATE FUNCTION articles_search_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE articles_searchdocument SET
            visible_from = CASE WHEN NEW.status IN ('published', 'scheduled')
                           THEN NEW.published_at END,
            date = NEW.date
        WHERE article_id = NEW.id;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER articles_article_search_visibility
    AFTER UPDATE OF status, published_at, published_on, event_start ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_search_visibility()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS articles_article_search_visibility ON articles_article",
    "DROP FUNCTION IF EXISTS articles_search_visibility()",
    "DROP INDEX IF EXISTS articles_searchdocument_head_gin",
    "DROP INDEX IF EXISTS articles_searchdocument_document_gin",
]


# Matching a tsvector means reading it from TOAST storage, yet PostgreSQL costs the function at
# 1 and so prefers scanning every document to using the GIN index (11 s against 2 s at a million
# articles). Needs the function's owner (a superuser); elsewhere the migration goes on without.
POSTGRESQL_TUNING = "ALTER FUNCTION ts_match_vq(tsvector, tsquery) COST 100"


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)

    return run


def _tune_postgresql(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute(POSTGRESQL_TUNING)
    except DatabaseError as error:
        print(f"\n  (search tuning skipped: {str(error).strip()}; see docs/operations.md)")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_roles"),
    ]

    operations = [
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
                        blank=True,
                        help_text="published_at while published or scheduled",
                        null=True,
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
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
        migrations.RunPython(_tune_postgresql, migrations.RunPython.noop),
    ]
