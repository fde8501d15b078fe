"""Each tag's articles newest first, from the index alone (related articles, views.py); search
documents compressed with lz4 like the article bodies (0006): bulk loads and re-indexing
spend a third of their database time compressing them with the default pglz."""

from django.db import migrations

TABLES = {
    "articles_article_topics": "topic_id",
    "articles_article_countries": "country_id",
    "articles_article_agencies": "agency_id",
}


def search_documents_lz4(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql" or connection.pg_version < 140000:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
        )
        if not cursor.fetchone()[0]:
            return
        for column in ("head", "document"):  # applies to values written from now on
            cursor.execute(
                f"ALTER TABLE articles_searchdocument ALTER COLUMN {column} SET COMPRESSION lz4"
            )


class Migration(migrations.Migration):
    dependencies = [("articles", "0012_cataloguestate")]

    operations = [
        *(
            migrations.RunSQL(
                f"CREATE INDEX {table}_tag_recent ON {table} ({column}, article_id)",
                f"DROP INDEX {table}_tag_recent",
            )
            for table, column in TABLES.items()
        ),
        migrations.RunPython(search_documents_lz4, migrations.RunPython.noop),
    ]
