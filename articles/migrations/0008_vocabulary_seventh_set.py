"""Names of Laos's security forces that stories use, and outlets, bylines and spellings that the
seventh fresh set of captures names and the lists lacked (`_vocabulary_v9`). Only adds: an
editor's own entries stay as they are."""

from django.db import migrations

from . import _data, _vocabulary_v9


def forwards(apps, schema_editor):
    _data.extend_vocabulary(apps, schema_editor.connection.alias, _vocabulary_v9)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_vocabulary_sixth_set")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
