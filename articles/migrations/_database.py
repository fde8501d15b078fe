"""What the database keeps beyond Django's tables, per vendor, for the squashed migration 0001.

- The search index (`articles.search`): on SQLite an FTS5 table over the analysed text kept in
  step with the document table by triggers (SQLite's external-content pattern; the tokenizer
  keeps Thai combining marks, Unicode M*, inside tokens); on PostgreSQL GIN indexes over the
  tsvectors. On both, a trigger copies an article's visibility and date to its search document
  whenever they change. Documents are written by `manage.py reindex` and on every save.
- The GIN indexes carry the date too (btree_gin), keyed as `date + 0`, so that a search can ask
  for its matches among the newest documents without reading every match of a common word
  (8 ms for the newest 20,000 of a million documents against 60 ms for a word in 70 % of them).
  Over a long date range the same lookup costs far more than the word's whole list, and
  PostgreSQL cannot tell: `articles.search` writes `date + 0` for the newest documents only,
  while a plain `date` condition stays with the btree (search_visible_date).
- The change log (`CatalogueChange`) written by triggers on the article and tag tables: every
  change readers could see, whichever way it was written — the ORM, a bulk import,
  `QuerySet.update()`, SQL in psql. A change is logged when it concerns an article that is, or
  was, public and touches what the facet index reads. A transaction that has logged "anything
  may have changed" (a row without an article) is not logged article by article any more: on
  PostgreSQL it says so in a transaction-local setting; on SQLite, whose writers take turns, its
  unstamped row says so. On PostgreSQL every write to the log announces itself at commit.
- Each tag's articles newest first, from an index alone (related articles).
- PostgreSQL 14+: long text compressed with lz4, several times faster than the default pglz.

Nothing here changes PostgreSQL's own functions or settings: the search asks its planner for
index plans in its own transactions (`articles.search.reading.search_plans`).

"Public" below is the SQL twin of `Article.visible_from` (published or scheduled, from
`published_at`): the triggers cannot call Python, and tests/test_visibility_rule.py holds them
to it.
"""

SEARCH_SQLITE = [
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
SEARCH_SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS articles_article_search_visibility",
    "DROP TRIGGER IF EXISTS articles_searchdocument_au",
    "DROP TRIGGER IF EXISTS articles_searchdocument_ad",
    "DROP TRIGGER IF EXISTS articles_searchdocument_ai",
    "DROP TABLE IF EXISTS articles_searchindex",
]
SEARCH_POSTGRESQL = [
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
SEARCH_POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS articles_article_search_visibility ON articles_article",
    "DROP FUNCTION IF EXISTS articles_search_visibility()",
]

# The search GIN indexes with the date (needs btree_gin). Statistics of the indexes' expression
# tell the planner about `date + 0`; without them it guesses a third of the table.
GIN_POSTGRESQL = [
    "CREATE INDEX search_recent_document_gin ON articles_searchdocument "
    "USING gin ((date + 0), document)",
    "CREATE INDEX search_recent_head_gin ON articles_searchdocument USING gin ((date + 0), head)",
    "ANALYZE articles_searchdocument",
]
GIN_POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_recent_head_gin",
    "DROP INDEX IF EXISTS search_recent_document_gin",
]

TAG_RECENT = {
    "articles_article_topics": "topic_id",
    "articles_article_countries": "country_id",
    "articles_article_agencies": "agency_id",
}
TAGS_BOTH = [
    f"CREATE INDEX {table}_tag_recent ON {table} ({column}, article_id)"
    for table, column in TAG_RECENT.items()
]
TAGS_BOTH_REVERSE = [f"DROP INDEX IF EXISTS {table}_tag_recent" for table in TAG_RECENT]

PUBLIC = "('published', 'scheduled')"
TAG_TABLES = ("articles_article_topics", "articles_article_countries", "articles_article_agencies")
LOG = "articles_cataloguechange"
# What the facet index reads of an article (articles.counts.facet_index).
READ = ("status", "published_at", "date", "source_id", "language")

# Asked by the trigger itself, before any function is called: a bulk import that logged
# "anything" pays next to nothing per row.
_LOGGING = "current_setting('newsroom.catalogue_logged', true) IS DISTINCT FROM 'all'"

CHANGES_POSTGRESQL = [
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
    # (articles.counts), also one no code of ours made.
    """CREATE FUNCTION articles_catalogue_announce() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('newsroom_catalogue', '');
        RETURN NULL;
    END $$""",
    f"""CREATE TRIGGER articles_cataloguechange_announce AFTER INSERT ON {LOG}
    FOR EACH STATEMENT EXECUTE FUNCTION articles_catalogue_announce()""",
]
CHANGES_POSTGRESQL_REVERSE = [
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
CHANGES_SQLITE = [
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
CHANGES_SQLITE_REVERSE = [
    *(
        f"DROP TRIGGER IF EXISTS {table}_catalogue_{e}"
        for table in TAG_TABLES
        for e in ["ai", "ad"]
    ),
    *(f"DROP TRIGGER IF EXISTS articles_article_catalogue_{e}" for e in ("ai", "ad", "au")),
]

LZ4_COLUMNS = {
    "articles_article": ("body", "raw_text", "summary"),
    "articles_searchdocument": ("head", "document"),
}


def _lz4(connection) -> list[str]:
    if connection.vendor != "postgresql" or connection.pg_version < 140000:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if not cursor.fetchone()[0]:
            return []
    return [
        f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION lz4"
        for table, columns in LZ4_COLUMNS.items()
        for column in columns
    ]


FORWARDS = {
    "sqlite": [*SEARCH_SQLITE, *TAGS_BOTH, *CHANGES_SQLITE],
    "postgresql": [*SEARCH_POSTGRESQL, *GIN_POSTGRESQL, *TAGS_BOTH, *CHANGES_POSTGRESQL],
}
BACKWARDS = {
    "sqlite": [*CHANGES_SQLITE_REVERSE, *TAGS_BOTH_REVERSE, *SEARCH_SQLITE_REVERSE],
    "postgresql": [
        *CHANGES_POSTGRESQL_REVERSE,
        *TAGS_BOTH_REVERSE,
        *GIN_POSTGRESQL_REVERSE,
        *SEARCH_POSTGRESQL_REVERSE,
    ],
}


def create(apps, schema_editor):
    connection = schema_editor.connection
    for statement in [*FORWARDS.get(connection.vendor, ()), *_lz4(connection)]:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in BACKWARDS.get(schema_editor.connection.vendor, ()):
        schema_editor.execute(statement)
