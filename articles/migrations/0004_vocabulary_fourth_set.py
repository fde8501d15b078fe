"""Outlets, agencies and spellings the fourth fresh set of captures names that the lists lacked
(`_vocabulary_v7`). Only adds: an editor's own entries stay as they are."""

from django.db import migrations

from . import _data, _vocabulary_v7


def forwards(apps, schema_editor):
    _data.extend_vocabulary(apps, schema_editor.connection.alias, _vocabulary_v7)


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_vocabulary_outlets_third_set")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
