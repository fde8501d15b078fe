"""Load the initial controlled vocabularies: countries, topics, agencies and a starter list of outlets.

Country names come from maintained libraries: English and Vietnamese from django-countries (current
Vietnamese forms such as Campuchia), Thai from pycountry's iso-codes catalogue, which django-countries
lacks. The tagger reads names and aliases from these rows, so editors can correct them in the admin.
"""

import gettext

import pycountry
from django.db import migrations
from django.utils import translation
from django_countries import countries as dc_countries

from ._vocabulary_v1 import (
    AGENCIES,
    COUNTRIES_ALIASES_EXTRA,
    COUNTRY_NAMES_NOT_FOR_TAGGING,
    SOURCES,
    TOPICS,
)


def _thai_names() -> dict[str, str]:
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["th"])
    names = {}
    for country in pycountry.countries:
        translated = catalogue.gettext(country.name)
        if translated != country.name:
            names[country.alpha_2] = translated
    return names


def load(apps, schema_editor):
    Country = apps.get_model("articles", "Country")
    Topic = apps.get_model("articles", "Topic")
    Agency = apps.get_model("articles", "Agency")
    Source = apps.get_model("articles", "Source")
    db = schema_editor.connection.alias  # the database being migrated

    thai = _thai_names()
    with translation.override("en"):
        english = {code: str(name) for code, name in dc_countries}
    with translation.override("vi"):
        vietnamese = {code: str(name) for code, name in dc_countries}

    rows = []
    for code, name_en in english.items():
        library = pycountry.countries.get(alpha_2=code)
        names = [name_en, thai.get(code, ""), vietnamese.get(code, "")]
        if library is not None:
            names += [library.name, getattr(library, "common_name", "")]
        aliases = [n for n in names if n and n not in COUNTRY_NAMES_NOT_FOR_TAGGING]
        aliases += COUNTRIES_ALIASES_EXTRA.get(code, [])
        rows.append(
            Country(
                code=code,
                name_en=name_en,
                name_th=thai.get(code, ""),
                name_vi=vietnamese.get(code, ""),
                aliases=list(dict.fromkeys(aliases)),
            )
        )
    Country.objects.using(db).bulk_create(rows)

    Topic.objects.using(db).bulk_create(
        Topic(
            slug=slug,
            kind=kind,
            name_en=en,
            name_th=th,
            name_vi=vi,
            description=description,
            keywords_en=kw_en,
            keywords_th=kw_th,
            keywords_vi=kw_vi,
        )
        for slug, kind, en, th, vi, description, kw_en, kw_th, kw_vi in TOPICS
    )
    Agency.objects.using(db).bulk_create(
        Agency(
            acronym=acronym,
            name_en=en,
            name_th=th,
            name_vi=vi,
            aliases=aliases,
            country_id=country,
        )
        for acronym, en, th, vi, aliases, country in AGENCIES
    )
    Source.objects.using(db).bulk_create(
        Source(
            name=name,
            slug=slug,
            homepage=homepage,
            domains=domains,
            country_id=country,
            kind=kind,
            language=language,
            aliases=aliases,
        )
        for name, slug, homepage, domains, country, kind, language, aliases in SOURCES
    )


def unload(apps, schema_editor):
    for model in ("Source", "Agency", "Topic", "Country"):
        apps.get_model("articles", model).objects.using(schema_editor.connection.alias).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
