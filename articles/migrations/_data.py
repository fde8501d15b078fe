"""The rows the squashed migration 0001 loads: the controlled vocabularies and the editorial roles.

Vocabularies: countries (names from maintained libraries: English and Vietnamese from
django-countries, with current Vietnamese forms such as Campuchia; Thai from pycountry's
iso-codes catalogue, which django-countries lacks, and the short name Thai readers know where
it gives the long official form), topics, agencies and outlets (`_vocabulary_v1`), then the
forms real captures use, each extension from the labelled corpus in turn (`_vocabulary_v2`:
the dev split, Indonesian and Malay keywords, bylines' outlets; `_vocabulary_v3`, `_v4`: the
fresh sets' agencies), and topic descriptions and outlet names in Thai and Vietnamese
(`_vocabulary_names`). The tagger reads names and aliases from these rows, so editors can
correct them in the admin; an extension only adds, and fills only empty fields.

Roles: Editor, Chief editor and Data desk groups with their permissions.
"""

import gettext
from types import SimpleNamespace

import pycountry
from django.contrib.auth.management import create_permissions
from django.db.models import Model
from django.utils import translation
from django_countries import countries as dc_countries

from . import _vocabulary_names, _vocabulary_v2, _vocabulary_v3, _vocabulary_v4
from ._vocabulary_v1 import (
    AGENCIES,
    COUNTRIES_ALIASES_EXTRA,
    COUNTRY_NAMES_NOT_FOR_TAGGING,
    SOURCES,
    TOPICS,
)

COMMON_THAI = {"LA": "ลาว"}  # iso-codes: สาธารณรัฐประชาธิปไตยประชาชนลาว (kept as an alias)


def _thai_names() -> dict[str, str]:
    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["th"])
    names = {}
    for country in pycountry.countries:
        translated = catalogue.gettext(country.name)
        if translated != country.name:
            names[country.alpha_2] = translated
    return names


def _load_first(apps, db: str) -> None:
    Country = apps.get_model("articles", "Country")
    Topic = apps.get_model("articles", "Topic")

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
    extend_vocabulary(apps, db, SimpleNamespace(NEW_AGENCIES=AGENCIES, NEW_SOURCES=SOURCES))


def _common_thai_names(apps, db: str) -> None:
    Country = apps.get_model("articles", "Country")
    for country in Country.objects.using(db).filter(code__in=COMMON_THAI):
        name = COMMON_THAI[country.code]
        if country.name_th and country.name_th not in country.aliases:
            country.aliases = [*country.aliases, country.name_th]
        country.name_th = name
        country.save(using=db, update_fields=["name_th", "aliases"])


def _extend(values: list[str], more: list[str]) -> list[str]:
    return list(dict.fromkeys([*values, *(m.strip() for m in more if m.strip())]))


_TOPIC_FIELDS = {
    "en": "keywords_en",
    "th": "keywords_th",
    "vi": "keywords_vi",
    "other": "keywords_other",
}


def _add_aliases(model: type[Model], db: str, key: str, aliases: dict[str, list[str]]) -> None:
    for row in model.objects.using(db).filter(**{f"{key}__in": aliases}):
        row.aliases = _extend(row.aliases, aliases[getattr(row, key)])
        row.save(using=db)


def _replace_names(
    model: type[Model], db: str, key: str, replaced: dict[str, dict[str, str]], *fields: str
) -> None:
    """Replace a name by another (a wrong one by the right one, one by its form marked ~ to
    count only beside its country) in the aliases and the named fields, where it still stands
    as it was written: an editor's own change is left alone."""
    for row in model.objects.using(db).filter(**{f"{key}__in": replaced}):
        changes = replaced[getattr(row, key)]
        values = {"aliases": list(dict.fromkeys(changes.get(a, a) for a in row.aliases))}
        values |= {f: changes.get(getattr(row, f), getattr(row, f)) for f in fields}
        if any(getattr(row, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(row, f, v)
            row.save(using=db, update_fields=list(values))


def extend_vocabulary(apps, db: str, extension) -> None:
    """Add what one extension module holds: topic keywords, agencies and outlets, aliases."""
    Topic = apps.get_model("articles", "Topic")
    Agency = apps.get_model("articles", "Agency")
    Country = apps.get_model("articles", "Country")
    Source = apps.get_model("articles", "Source")
    keywords = getattr(extension, "TOPIC_KEYWORDS", {})
    for topic in Topic.objects.using(db).filter(slug__in=keywords):
        for language, field in _TOPIC_FIELDS.items():
            setattr(
                topic, field, _extend(getattr(topic, field), keywords[topic.slug].get(language, []))
            )
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
        for acronym, en, th, vi, aliases, country in getattr(extension, "NEW_AGENCIES", [])
        if acronym not in existing
    )
    _add_aliases(Agency, db, "acronym", getattr(extension, "AGENCY_ALIASES", {}))
    _add_aliases(Country, db, "code", getattr(extension, "COUNTRY_ALIASES", {}))
    corrected = getattr(extension, "COUNTRY_NAMES_CORRECTED", {})
    _replace_names(Country, db, "code", corrected, "name_vi")
    _replace_names(Agency, db, "acronym", getattr(extension, "AGENCY_ALIASES_REPLACED", {}))
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
        for name, slug, homepage, domains, country, kind, language, aliases in getattr(
            extension, "NEW_SOURCES", []
        )
        if slug not in known_slugs and name not in known_names
    )
    _add_aliases(Source, db, "slug", getattr(extension, "SOURCE_ALIASES", {}))


def _fill(instance, field: str, value: str) -> bool:
    if getattr(instance, field):
        return False
    setattr(instance, field, value)
    return True


def _names_in_thai_and_vietnamese(apps, db: str) -> None:
    Topic = apps.get_model("articles", "Topic")
    Source = apps.get_model("articles", "Source")
    descriptions = _vocabulary_names.TOPIC_DESCRIPTIONS
    for topic in Topic.objects.using(db).filter(slug__in=descriptions):
        thai, vietnamese = descriptions[topic.slug]
        changed = _fill(topic, "description_th", thai)
        changed = _fill(topic, "description_vi", vietnamese) or changed
        if changed:
            topic.save(using=db, update_fields=["description_th", "description_vi"])
    thai_names, vietnamese_names = (
        _vocabulary_names.SOURCE_NAMES_TH,
        _vocabulary_names.SOURCE_NAMES_VI,
    )
    for source in Source.objects.using(db).filter(slug__in={*thai_names, *vietnamese_names}):
        changed = _fill(source, "name_th", thai_names.get(source.slug, ""))
        changed = _fill(source, "name_vi", vietnamese_names.get(source.slug, "")) or changed
        if changed:
            source.save(using=db, update_fields=["name_th", "name_vi"])


def load_vocabularies(apps, schema_editor):
    db = schema_editor.connection.alias  # the database being migrated
    _load_first(apps, db)
    _common_thai_names(apps, db)
    extend_vocabulary(apps, db, _vocabulary_v2)
    _names_in_thai_and_vietnamese(apps, db)
    extend_vocabulary(apps, db, _vocabulary_v3)
    extend_vocabulary(apps, db, _vocabulary_v4)


def unload_vocabularies(apps, schema_editor):
    for model in ("Source", "Agency", "Topic", "Country"):
        apps.get_model("articles", model).objects.using(schema_editor.connection.alias).delete()


VOCABULARY_VIEW = ["view_source", "view_topic", "view_agency", "view_country"]
ROLES = {
    "Editor": [
        "view_article", "add_article", "change_article", "view_historicalarticle",
        "view_statuschange", *VOCABULARY_VIEW,
    ],
    "Chief editor": [
        "view_article", "add_article", "change_article", "delete_article", "publish_article",
        "view_historicalarticle", "view_statuschange", *VOCABULARY_VIEW,
        "add_source", "change_source", "add_topic", "change_topic", "add_agency", "change_agency",
        "change_country",
    ],
    # It may import and export the catalogue spreadsheets.
    "Data desk": [
        "view_article", "import_catalogue", "export_catalogue", *VOCABULARY_VIEW,
        "change_source", "change_topic", "change_agency", "add_source", "add_topic", "add_agency",
    ],
}  # fmt: skip


def create_roles(apps, schema_editor):
    db = schema_editor.connection.alias
    # Permissions are normally created after all migrations; make sure ours exist now.
    config = apps.get_app_config("articles")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0, using=db)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.using(db).get_or_create(name=name)
        group.permissions.set(
            Permission.objects.using(db).filter(
                content_type__app_label="articles", codename__in=codenames
            )
        )


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(
        name__in=ROLES
    ).delete()


def create_catalogue_state(apps, schema_editor):
    apps.get_model("articles", "CatalogueState").objects.using(
        schema_editor.connection.alias
    ).get_or_create(pk=1)
