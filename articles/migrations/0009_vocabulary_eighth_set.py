"""Three countries' Vietnamese names put right, and agencies, forms and an outlet's name that the
eighth and ninth fresh sets of captures name and the lists lacked (`_vocabulary_v10`). Otherwise only
adds: an editor's own entries stay as they are."""

from django.db import migrations

from . import _data, _vocabulary_v10


def forwards(apps, schema_editor):
    _data.extend_vocabulary(apps, schema_editor.connection.alias, _vocabulary_v10)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_vocabulary_seventh_set")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
