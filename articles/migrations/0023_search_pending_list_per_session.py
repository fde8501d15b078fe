"""PostgreSQL: the search GIN indexes' pending-list limit set per session, not on the indexes.

Migration 0019 set 256 kB on the indexes themselves, which overrides the session setting, so a
bulk index run could not let the lists grow (merging every few hundred kB halves its speed).
The application's connections now ask for 256 kB themselves (settings: OPTIONS), and bulk runs
raise it for their own transactions (`articles.search`).
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
        ("articles", "0022_vocabulary_in_thai_and_vietnamese"),
    ]

    operations = [migrations.RunPython(_set(None), _set(256))]
