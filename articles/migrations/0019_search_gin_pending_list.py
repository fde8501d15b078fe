"""PostgreSQL: keep the search GIN indexes' pending lists short.

A GIN index takes new entries into a pending list, merged into the index by (auto)vacuum or
once the list passes `gin_pending_list_limit` (4 MB by default). Every search reads the whole
list, besides the index: with a few thousand documents re-indexed since the last vacuum, the
p95 of search_bench at a million articles went from 55 to 83 ms. At 256 kB an insert merges
the list every hundred documents or so (milliseconds), and a search's extra reading stays at a
few dozen pages.
"""

from django.db import migrations

INDEXES = ("search_recent_document_gin", "search_recent_head_gin")


def _set(limit):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for index in INDEXES:
            if limit is None:
                schema_editor.execute(f"ALTER INDEX {index} RESET (gin_pending_list_limit)")
            else:
                schema_editor.execute(f"ALTER INDEX {index} SET (gin_pending_list_limit = {limit})")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0018_search_recent_gin"),
    ]

    operations = [migrations.RunPython(_set(256), _set(None))]
