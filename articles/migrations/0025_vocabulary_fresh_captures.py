"""Extend the agency vocabulary with what the fresh captures (tests/corpus, ids from 101) use.

The agencies their labellers proposed (Royal Thai Army, Pha Muang Task Force, Safe Mekong
Coordination Centre, Vietnam People's Navy, China's NNCC, Laos' LCDC, Myanmar's Ministry of Home
Affairs, Thailand's Ministry of Justice, Austria's interior ministry, Cambodia's CCOS, the Armed
Forces of the Philippines, Thailand's border intelligence unit) and other names of known
agencies (the Malaysian police's General Operations Force, the Thai navy's นรข., Vietnamese
provincial police, Indonesia's Imigrasi, …). Only adds: an editor's own entries stay as they are.
"""

from django.db import migrations

from ._vocabulary_v3 import AGENCY_ALIASES, NEW_AGENCIES


def _extend(values: list[str], more: list[str]) -> list[str]:
    return list(dict.fromkeys([*values, *(m.strip() for m in more if m.strip())]))


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
            aliases=_extend([], aliases),
            country_id=country if country in countries else None,
        )
        for acronym, en, th, vi, aliases, country in NEW_AGENCIES
        if acronym not in existing
    )
    for agency in Agency.objects.using(db).filter(acronym__in=AGENCY_ALIASES):
        agency.aliases = _extend(agency.aliases, AGENCY_ALIASES[agency.acronym])
        agency.save(using=db)


class Migration(migrations.Migration):
    dependencies = [("articles", "0024_catalogue_change_triggers")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
