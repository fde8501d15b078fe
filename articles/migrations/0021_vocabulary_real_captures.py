"""Extend the vocabularies with the forms real captures use (tests/corpus, dev split).

Indonesian and Malay keywords for every topic, more Thai, Vietnamese and English wordings,
agencies the news names that were missing (BNN, APMM, Bakamla, China's Ministry of Public
Security, Viet Nam's Border Guard and Coast Guard, …), other spellings of known agencies
(Polri, Polis Diraja Malaysia, Bộ Công an Lào, ตำรวจกัมพูชา), Indonesian and Malay country
names, and the outlets that bylines name. Only adds: an editor's own entries stay as they are.
"""

from django.db import migrations

from ._vocabulary_v2 import (
    AGENCY_ALIASES,
    COUNTRY_ALIASES,
    NEW_AGENCIES,
    NEW_SOURCES,
    SOURCE_ALIASES,
    TOPIC_KEYWORDS,
)

_TOPIC_FIELDS = {
    "en": "keywords_en",
    "th": "keywords_th",
    "vi": "keywords_vi",
    "other": "keywords_other",
}


def _extend(values: list[str], more: list[str]) -> list[str]:
    return list(dict.fromkeys([*values, *(m.strip() for m in more if m.strip())]))


def forwards(apps, schema_editor):
    db = schema_editor.connection.alias
    Topic = apps.get_model("articles", "Topic")
    Agency = apps.get_model("articles", "Agency")
    Country = apps.get_model("articles", "Country")
    Source = apps.get_model("articles", "Source")

    for topic in Topic.objects.using(db).filter(slug__in=TOPIC_KEYWORDS):
        for language, field in _TOPIC_FIELDS.items():
            more = TOPIC_KEYWORDS[topic.slug].get(language, [])
            setattr(topic, field, _extend(getattr(topic, field), more))
        topic.save(using=db)

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

    for country in Country.objects.using(db).filter(code__in=COUNTRY_ALIASES):
        country.aliases = _extend(country.aliases, COUNTRY_ALIASES[country.code])
        country.save(using=db)

    known_slugs = set(Source.objects.using(db).values_list("slug", flat=True))
    known_names = set(Source.objects.using(db).values_list("name", flat=True))
    Source.objects.using(db).bulk_create(
        Source(
            name=name,
            slug=slug,
            homepage=homepage,
            domains=_extend([], domains),
            country_id=country if country in countries else None,
            kind=kind,
            language=language,
            aliases=_extend([], aliases),
        )
        for name, slug, homepage, domains, country, kind, language, aliases in NEW_SOURCES
        if slug not in known_slugs and name not in known_names
    )
    for source in Source.objects.using(db).filter(slug__in=SOURCE_ALIASES):
        source.aliases = _extend(source.aliases, SOURCE_ALIASES[source.slug])
        source.save(using=db)


class Migration(migrations.Migration):
    dependencies = [("articles", "0020_topic_keywords_other")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
