"""The change log is written by the database: triggers on the article and tag tables log every
change readers could see (`CatalogueChange`), whichever way it was written — the ORM, a bulk
import, `QuerySet.update()`, SQL in psql. Before, every write path had to call
`aggregates.changed()` or the counts went stale for up to an hour.

A change is logged when it concerns an article that is, or was, public (published or scheduled)
and touches what the facet index reads: status, publication time, date, outlet, language, tags.
A transaction that has logged "anything may have changed" (one row without an article: a bulk
import, a vocabulary change) is not logged article by article any more: on PostgreSQL it says so
in a transaction-local setting; on SQLite, whose writers take turns, its unstamped row says so.
On PostgreSQL every write to the log also announces itself to listening processes at commit.
"""

from django.db import migrations, models

PUBLIC = "('published', 'scheduled')"
TAG_TABLES = ("articles_article_topics", "articles_article_countries", "articles_article_agencies")
LOG = "articles_cataloguechange"
# What the facet index reads of an article (articles.facets).
READ = ("status", "published_at", "date", "source_id", "language")

# Asked by the trigger itself, before any function is called: a bulk import that logged
# "anything" pays next to nothing per row.
_LOGGING = "current_setting('newsroom.catalogue_logged', true) IS DISTINCT FROM 'all'"

POSTGRESQL = [
    f"""CREATE FUNCTION articles_catalogue_article_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            IF NEW.status IN {PUBLIC} THEN
                INSERT INTO {LOG} (article_id) VALUES (NEW.id);
            END IF;
        ELSIF TG_OP = 'DELETE' THEN
            IF OLD.status IN {PUBLIC} THEN
                INSERT INTO {LOG} (article_id) VALUES (OLD.id);
            END IF;
        ELSIF (OLD.status IN {PUBLIC} OR NEW.status IN {PUBLIC})
            AND ({", ".join(f"OLD.{c}" for c in READ)})
                IS DISTINCT FROM ({", ".join(f"NEW.{c}" for c in READ)}) THEN
            INSERT INTO {LOG} (article_id) VALUES (NEW.id);
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE TRIGGER articles_article_catalogue_change
    AFTER INSERT OR DELETE OR UPDATE OF {", ".join(READ)} ON articles_article
    FOR EACH ROW WHEN ({_LOGGING}) EXECUTE FUNCTION articles_catalogue_article_changed()""",
    f"""CREATE FUNCTION articles_catalogue_tag_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
        tagged bigint;
    BEGIN
        IF TG_OP = 'DELETE' THEN
            tagged := OLD.article_id;
        ELSE
            tagged := NEW.article_id;
        END IF;
        INSERT INTO {LOG} (article_id)
            SELECT a.id FROM articles_article a WHERE a.id = tagged AND a.status IN {PUBLIC};
        RETURN NULL;
    END $$""",
    *(
        f"""CREATE TRIGGER {table}_catalogue_change AFTER INSERT OR DELETE ON {table}
        FOR EACH ROW WHEN ({_LOGGING}) EXECUTE FUNCTION articles_catalogue_tag_changed()"""
        for table in TAG_TABLES
    ),
    # Listening processes drop the catalogue state they hold when a change commits
    # (articles.aggregates), also one no code of ours made.
    """CREATE FUNCTION articles_catalogue_announce() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('newsroom_catalogue', '');
        RETURN NULL;
    END $$""",
    f"""CREATE TRIGGER articles_cataloguechange_announce AFTER INSERT ON {LOG}
    FOR EACH STATEMENT EXECUTE FUNCTION articles_catalogue_announce()""",
]
POSTGRESQL_REVERSE = [
    f"DROP TRIGGER IF EXISTS articles_cataloguechange_announce ON {LOG}",
    "DROP FUNCTION IF EXISTS articles_catalogue_announce()",
    *(f"DROP TRIGGER IF EXISTS {table}_catalogue_change ON {table}" for table in TAG_TABLES),
    "DROP FUNCTION IF EXISTS articles_catalogue_tag_changed()",
    "DROP TRIGGER IF EXISTS articles_article_catalogue_change ON articles_article",
    "DROP FUNCTION IF EXISTS articles_catalogue_article_changed()",
]

# "Anything may have changed" is logged, unstamped, by this transaction (SQLite has one writer
# at a time, so an unstamped row is this transaction's, or one whose stamping waits for it).
_NOT_ALL = f"NOT EXISTS (SELECT 1 FROM {LOG} WHERE generation IS NULL AND article_id IS NULL)"
_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in READ)
SQLITE = [
    f"""CREATE TRIGGER articles_article_catalogue_ai AFTER INSERT ON articles_article
    WHEN NEW.status IN {PUBLIC} AND {_NOT_ALL}
    BEGIN INSERT INTO {LOG} (article_id, generation) VALUES (NEW.id, NULL); END""",
    f"""CREATE TRIGGER articles_article_catalogue_ad AFTER DELETE ON articles_article
    WHEN OLD.status IN {PUBLIC} AND {_NOT_ALL}
    BEGIN INSERT INTO {LOG} (article_id, generation) VALUES (OLD.id, NULL); END""",
    f"""CREATE TRIGGER articles_article_catalogue_au
    AFTER UPDATE OF {", ".join(READ)} ON articles_article
    WHEN (OLD.status IN {PUBLIC} OR NEW.status IN {PUBLIC}) AND ({_CHANGED}) AND {_NOT_ALL}
    BEGIN INSERT INTO {LOG} (article_id, generation) VALUES (NEW.id, NULL); END""",
    *(
        trigger
        for table in TAG_TABLES
        for trigger in (
            f"""CREATE TRIGGER {table}_catalogue_ai AFTER INSERT ON {table} WHEN {_NOT_ALL}
            BEGIN INSERT INTO {LOG} (article_id, generation)
            SELECT id, NULL FROM articles_article WHERE id = NEW.article_id AND status IN {PUBLIC};
            END""",
            f"""CREATE TRIGGER {table}_catalogue_ad AFTER DELETE ON {table} WHEN {_NOT_ALL}
            BEGIN INSERT INTO {LOG} (article_id, generation)
            SELECT id, NULL FROM articles_article WHERE id = OLD.article_id AND status IN {PUBLIC};
            END""",
        )
    ),
]
SQLITE_REVERSE = [
    *(
        f"DROP TRIGGER IF EXISTS {table}_catalogue_{e}"
        for table in TAG_TABLES
        for e in ["ai", "ad"]
    ),
    *(f"DROP TRIGGER IF EXISTS articles_article_catalogue_{e}" for e in ("ai", "ad", "au")),
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_search_pending_list_per_session"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="cataloguechange",
            index=models.Index(
                condition=models.Q(("generation", None)),
                fields=["article_id"],
                name="cataloguechange_unstamped_for",
            ),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
    ]
