"""Find who published a text: sign-offs, source lines, site names, breadcrumbs and URLs (also ones
written backwards), matched against the domains and aliases of known sources."""

from __future__ import annotations

import re

from .types import Outlet, SourceEntry

_TLDS = (
    "com|net|org|info|biz|gov|edu|int|mil|news|asia|online|today|tv|media|press|"
    "th|vn|kh|la|mm|my|sg|id|ph|bn|tl|cn|hk|tw|jp|kr|in|au|nz|uk|us|ca|de|fr|eu|ru|ch|nl|it|es|io|co"
)
_DOMAIN = re.compile(
    rf"(?<![\w.@-])(?:https?://)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{_TLDS}))"
    r"(?=$|[/:?#\s),;\"'])",
    re.IGNORECASE,
)
_NOT_OUTLETS = (
    "facebook.com", "fb.com", "twitter.com", "x.com", "t.co", "line.me", "youtube.com",
    "youtu.be", "instagram.com", "tiktok.com", "google.com", "bit.ly", "wa.me",
)  # fmt: skip
_SIGN_OFF = re.compile(r"[.。]\s*[-–—]{1,2}\s*(?P<name>[^\n.–—-][^\n]{1,60}?)\s*$")
_SOURCE_LINE = re.compile(
    r"^(?:\(?\s*(?:theo|nguồn|source|sources|via|credit|ที่มา|แหล่งที่มา|แหล่งข่าว|ขอบคุณข้อมูลจาก|"
    r"ขอบคุณ|ข่าวจาก))\s*[:：]?\s*(?P<name>[^\n]{2,80}?)\s*\)?$",
    re.IGNORECASE,
)


def domains_in(text: str) -> list[str]:
    """Return the web domains a text mentions, forwards or written backwards, in order."""
    found: list[str] = []
    for token in re.findall(r"\S+", text):
        if not token.isascii() or "." not in token:
            continue
        forward = _DOMAIN.search(token)
        if forward:
            found.append(forward.group(1).lower())
            continue
        backward = _DOMAIN.match(token[::-1].strip("()[]<>\"'.,;"))
        if backward and "/" in token:
            found.append(backward.group(1).lower())
    return [d for d in dict.fromkeys(found) if not _is_social(d)]


def _is_social(domain: str) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in _NOT_OUTLETS)


def _match_domain(domain: str, sources: tuple[SourceEntry, ...]) -> SourceEntry | None:
    for source in sources:
        for known in source.domains:
            known = known.lower().removeprefix("www.")
            if domain == known or domain.endswith("." + known):
                return source
    return None


def _match_name(name: str, sources: tuple[SourceEntry, ...]) -> SourceEntry | None:
    folded = name.casefold().strip(" .-–—()")
    if not folded:
        return None
    for source in sources:
        for alias in (source.name, *source.aliases):
            alias_folded = alias.casefold()
            if folded == alias_folded or (len(alias_folded) >= 4 and alias_folded in folded):
                return source
    return None


def find_outlet(
    *,
    paragraphs: list[str],
    chrome: list[str],
    breadcrumb: list[str],
    sources: tuple[SourceEntry, ...],
) -> Outlet | None:
    """Return the outlet the text names, known or not, or None when it gives no clue."""
    names: list[tuple[str, str]] = []  # (name, evidence)
    for paragraph in reversed(paragraphs[-3:]):
        for pattern in (_SOURCE_LINE, _SIGN_OFF):
            m = pattern.search(paragraph)
            if m:
                names.append((m.group("name").strip(), m.group(0).strip()))
                break
    for line in chrome:
        m = _SOURCE_LINE.search(line)
        if m:
            names.append((m.group("name").strip(), line))
    names += [(crumb, " » ".join(breadcrumb)) for crumb in breadcrumb]

    domains = domains_in("\n".join([*paragraphs, *chrome]))

    for name, evidence in names:
        source = _match_name(name, sources)
        if source:
            return Outlet(source.name, _first(source.domains), source.slug, evidence)
    for domain in domains:
        source = _match_domain(domain, sources)
        if source:
            return Outlet(source.name, domain, source.slug, domain)
    # Site names in the chrome (a header or footer line naming a known source).
    for line in chrome:
        source = _match_name(line, sources)
        if source:
            return Outlet(source.name, _first(source.domains), source.slug, line)

    # Nothing known: suggest what the text says, for an editor to confirm. Breadcrumbs name
    # sections as often as sites, so they are not offered as outlet names.
    sign_offs = [(n, e) for n, e in names if not breadcrumb or n not in breadcrumb]
    if sign_offs or domains:
        name, evidence = sign_offs[0] if sign_offs else (None, domains[0])
        return Outlet(name, domains[0] if domains else None, None, evidence)
    return None


def _first(domains: tuple[str, ...]) -> str | None:
    return domains[0] if domains else None
