"""SQLite: an index of each search document's visibility and date by article, so that a search
reads them for its matches without reading the documents.

A search finds its matches' ids in the FTS5 index, then looks up each match's visibility and
date to keep the visible ones and put them newest first. SQLite stores a row's columns in
order and these two come after the head and the document, so each lookup read through the
document's overflow pages: 18,000 lookups for a common Thai word in the headlines of 100,000
articles took 100 ms. From this index, a few dense pages (article, visibility, date: the
visibility second, so the planner prefers it to the primary key even for a query without a
date range), that page costs 43 ms and search p95 at 100,000 articles fell 177 → 76 ms
(docs/benchmarks.md). PostgreSQL keeps long values out of the row (TOAST): not needed there.
"""

from django.db import migrations

INDEX = "search_document_dates"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE INDEX {INDEX} ON articles_searchdocument (article_id, visible_from, date)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_vocabulary_fourth_set")]

    operations = [migrations.RunPython(forwards, backwards)]
