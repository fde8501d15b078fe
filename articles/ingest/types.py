"""Values passed between the ingest stages and out to the services."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


@dataclass(frozen=True)
class Flag:
    """Something the importer could not tell, for an editor to resolve."""

    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Removed:
    """A piece of site chrome taken out of the text, kept so the editor can see it."""

    reason: str
    text: str


@dataclass(frozen=True)
class SourceEntry:
    slug: str
    name: str
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    wire: bool = False  # a news agency, whose name in a credit is a wire's, not the outlet's


@dataclass(frozen=True)
class Outlet:
    """Who published the text: a known Source (source_slug) or a suggestion to confirm."""

    name: str | None = None
    domain: str | None = None
    source_slug: str | None = None
    evidence: str = ""

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "domain": self.domain, "source_slug": self.source_slug}


@dataclass(frozen=True)
class Suggestion:
    """A suggested tag (topic slug, ISO code or acronym) and the words that matched."""

    key: str
    evidence: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Vocabulary:
    """The controlled vocabularies the tagger and outlet matcher read (built from the database)."""

    sources: tuple[SourceEntry, ...] = ()
    topics: dict[str, tuple[str, ...]] = field(default_factory=dict)
    countries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    agencies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The country of each national agency (acronym -> ISO code); international bodies have none.
    agency_countries: dict[str, str] = field(default_factory=dict)

    @cached_property
    def matcher(self):
        from .tagging import TermMatcher

        return TermMatcher(
            {"topics": self.topics, "countries": self.countries, "agencies": self.agencies},
            owners=self.agency_countries,
        )


@dataclass
class ParsedArticle:
    encoding: str
    text: str
    language: str
    headline: str
    body: str
    published_on: datetime.date | None = None
    updated_on: datetime.date | None = None
    event_start: datetime.date | None = None
    event_end: datetime.date | None = None
    outlet: Outlet = field(default_factory=Outlet)
    topics: list[Suggestion] = field(default_factory=list)
    countries: list[Suggestion] = field(default_factory=list)
    agencies: list[Suggestion] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    natural_key: str = ""
