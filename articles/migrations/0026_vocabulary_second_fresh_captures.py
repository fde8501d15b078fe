"""Extend the agency vocabulary with what the second fresh set of captures (tests/corpus, ids
from 111) uses: the Philippines' NBI and Bureau of Immigration, ASEAN-NARCO, the Thai armed
forces' Directorate of Border Affairs, Hong Kong's Security Bureau. Only adds."""

from django.db import migrations

from ._vocabulary_v4 import NEW_AGENCIES


def forwards(apps, schema_editor):
    db = schema_editor.connection.alias
    Agency = apps.get_model("articles", "Agency")
    Country = apps.get_model("articles", "Country")

    countries = set(Country.objects.using(db).values_list("code", flat=True))
    existing = set(Agency.objects.using(db).values_list("acronym", flat=True))
    Agency.objects.using(db).bulk_create(
        Agency(
            acronym=acronym,
            name_en=en,
            name_th=th,
            name_vi=vi,
            aliases=list(dict.fromkeys(aliases)),
            country_id=country if country in countries else None,
        )
        for acronym, en, th, vi, aliases, country in NEW_AGENCIES
        if acronym not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0025_vocabulary_fresh_captures")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
