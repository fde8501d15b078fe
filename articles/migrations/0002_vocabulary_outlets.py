"""Outlets the captures name that the list lacked, and other names of known ones
(`_vocabulary_v5`). Only adds: an editor's own entries stay as they are."""

from django.db import migrations

from . import _data, _vocabulary_v5


def forwards(apps, schema_editor):
    _data.extend_vocabulary(apps, schema_editor.connection.alias, _vocabulary_v5)


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_squashed")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
