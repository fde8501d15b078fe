"""Build the ingest Vocabulary from the database (the one place the importer reads it from)."""

from __future__ import annotations

from .ingest import SourceEntry, Vocabulary
from .models import Agency, Country, Source, Topic


def load_vocabulary() -> Vocabulary:
    """Return the current vocabularies as plain values for the pure ingest pipeline."""
    sources = tuple(
        SourceEntry(
            slug=s.slug,
            name=s.name,
            domains=tuple(s.domains),
            aliases=tuple(s.aliases),
            wire=s.kind == Source.Kind.NEWS_AGENCY,
        )
        for s in Source.objects.all()
    )
    topics = {
        t.slug: tuple(
            dict.fromkeys([*t.keywords_en, *t.keywords_th, *t.keywords_vi, *t.keywords_other])
        )
        for t in Topic.objects.all()
    }
    countries = {
        c.code: tuple(dict.fromkeys([c.name_en, c.name_th, *c.aliases]))
        for c in Country.objects.all()
    }
    agencies, agency_countries = {}, {}
    for a in Agency.objects.all():
        agencies[a.acronym] = tuple(
            dict.fromkeys([a.acronym, a.name_en, a.name_th, a.name_vi, *a.aliases])
        )
        if a.country_id:
            agency_countries[a.acronym] = a.country_id
    return Vocabulary(
        sources=sources,
        topics=topics,
        countries=countries,
        agencies=agencies,
        agency_countries=agency_countries,
    )
