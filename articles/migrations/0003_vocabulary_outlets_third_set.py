"""Outlets the third fresh set of captures names that the list lacked (`_vocabulary_v6`). Only
adds: an editor's own entries stay as they are."""

from django.db import migrations

from . import _data, _vocabulary_v6


def forwards(apps, schema_editor):
    _data.extend_vocabulary(apps, schema_editor.connection.alias, _vocabulary_v6)


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_vocabulary_outlets")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
