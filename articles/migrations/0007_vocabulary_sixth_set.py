"""Agencies, an outlet's spelling and Thai forms of agencies that the sixth fresh set of
captures names and the lists lacked (`_vocabulary_v8`). Only adds: an editor's own entries stay
as they are."""

from django.db import migrations

from . import _data, _vocabulary_v8


def forwards(apps, schema_editor):
    _data.extend_vocabulary(apps, schema_editor.connection.alias, _vocabulary_v8)


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_agency_aliases_in_context")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
