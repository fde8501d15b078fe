"""Find who published a text: sign-offs, source lines, site names, breadcrumbs and URLs (also ones
written backwards), matched against the domains and aliases of known sources."""

from __future__ import annotations

import re
from itertools import pairwise

from .dates import ID_MS_WEEKDAYS, THAI_LETTER, TIME_OF_DAY, WEEKDAYS, find_dates
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


_FOLDED: dict[int, tuple] = {}  # id(sources) -> (sources, exact, by_length)


def _aliases(sources: tuple[SourceEntry, ...]) -> tuple[dict[str, SourceEntry], list]:
    """Each source's names folded once: {name: source} and (name, source) longest first.

    Kept per vocabulary object (by identity: hashing a hundred sources on every lookup cost
    more than the lookup); the entry holds the tuple, so its id is not reused while cached."""
    cached = _FOLDED.get(id(sources))
    if cached and cached[0] is sources:
        return cached[1], cached[2]
    if len(_FOLDED) > 8:
        _FOLDED.clear()
    exact: dict[str, SourceEntry] = {}
    for source in sources:
        for alias in (source.name, *source.aliases):
            exact.setdefault(alias.casefold(), source)
    by_length = sorted(exact.items(), key=lambda item: -len(item[0]))
    _FOLDED[id(sources)] = (sources, exact, by_length)
    return exact, by_length


def _match_name(name: str, sources: tuple[SourceEntry, ...], *, whole: bool = False):
    """The known source a name stands for: the name is an alias, or holds one as whole words
    ("Source: Bangkok Post (Thailand)"); with whole=True only the alias itself (a line of
    site chrome, where any sentence could hold a name)."""
    folded = name.casefold().strip(" .-–—()")
    if not folded:
        return None
    exact, by_length = _aliases(sources)
    if folded in exact:
        return exact[folded]
    bare = _NAME_SUFFIX.sub("", folded).strip()
    if len(bare) >= 4 and bare in exact:
        return exact[bare]  # "detikNews" for Detik
    if whole:
        return None
    for alias, source in by_length:
        if len(alias) < 4 or len(folded) > len(alias) + 40 or alias not in folded:
            continue
        if THAI_LETTER.match(alias) and folded.startswith(alias):
            return source  # Thai runs words together: "โดย: ผู้จัดการออนไลน์พล.อ.อ.…"
        at = folded.find(alias)
        while at != -1:
            end = at + len(alias)
            before = folded[at - 1] if at else " "
            after = folded[end] if end < len(folded) else " "
            if not (before.isalnum() or after.isalnum()):
                return source
            at = folded.find(alias, at + 1)
    return None


# Credits that open a lede: "(VOVworld) –", "Bangkok (VNA) -", "PHNOM PENH, 29 Jan (Bernama) --",
# "TPO -", "VTV.vn -", "TEMPO.CO, Jakarta -", "SAMARINDA, SENAYANPOST.com –", the site glued to
# the city as a page store prints it ("TEMPO.COJakarta -"); a reporter's credit ("By UCA News
# reporter"), the outlet's report ("Laporan Sinar Harian.").
_BYLINE = re.compile(
    r"^[^()\n]{0,40}?\((?P<paren>[^()\n]{2,30})\)\s*[-–—]{1,2}|"
    r"^(?P<acronym>[A-ZĐ]{2,10}(?:\.[a-z]{2,3})?)\s*[-–—]\s|"
    r"^(?:[A-Z][A-Z ]{1,25},\s*)?"
    r"(?P<site>[\w-]+\.(?i:com|co|id|vn|net|my|th|org)(?:\.(?i:[a-z]{2}))?)"
    r"(?:\b|(?<=[A-Z])(?=[A-Z][a-z]))[^-–—\n]{0,30}[-–—]|"
    r"^(?i:by)\s+(?P<reporter>[A-Z][\w.&!]*(?:\s[A-Z][\w.&!]*){0,3})\s+"
    r"(?i:reporters?|staff(?: writers?| reporters?)?|correspondents?|news desk|desk|bureau)\b|"
    r"^(?i:laporan|reported by|a report by)\s+"
    r"(?P<report>[A-Z][\w.&!]*(?:\s[A-Z][\w.&!]*){0,3})\.?$|"
    # A site named for its news before the dateline's city: "Kundurnews, Pekanbaru –"; after
    # it, or a name in camel case: "Karimun, Batamnews -", "Johor Bahru, LiputanBMI -".
    r"^(?P<newsname>[A-Z]\w*(?i:news|post|times|daily|online))\s*,\s*[A-Z][\w ]{2,30}?\s*[-–—]\s|"
    r"^[A-Z][\w]+(?: [A-Z][\w]+){0,2},\s*"
    r"(?P<cityname>[A-Z][a-z]+[A-Z]\w*|(?:[A-Z]\w*\s)?(?=[A-Z])\w*(?i:news|post|times|daily|online))"
    r"\s*[-–—]\s"
)
# A news desk named in Thai: "ทีมข่าวเดลินิวส์", "สำนักข่าวอิศรา", "บริการข่าวไทยรัฐ".
# Not สำนักข่าวกรอง (an intelligence agency) nor a desk named for its beat (ข่าวต่างประเทศ).
_THAI_DESK = re.compile(
    r"(?:ทีมข่าว|สำนักข่าว|บริการข่าว)(?!กรอง|ต่างประเทศ|ในประเทศ|การเมือง|อาชญากรรม)"
    r"(?P<name>[^\s()]{2,30})"
)
_THAI_BY = re.compile(r"(?:^|\s)โดย\s*:\s*(?P<name>[^\n]{2,60})")
# A credit glued to the end of a caption line: "Methamphetamine pills (Photo: …)Bangkok (VNA) -".
_BYLINE_TAIL = re.compile(r"\((?P<paren>[^()\n]{2,30})\)\s*[-–—]{1,2}\s*$")
# A time stamp signed by the outlet: "2024-05-01 13:35:25(GMT+08:00) CMG".
STAMP_NAME = re.compile(
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:\([^()\n]{1,12}\))?\s*(?P<name>[A-Za-z][\w.+]{1,15})$"
)
# A site's name just before its date stamp, in brackets or glued to it (a scraped header):
# "(People's Daily Online)วันพุธ 29 พฤศจิกายน 2023", "The Star29-04-2025", "CRI, November 14, 2023".
SIGNED_STAMP = re.compile(
    r"^\((?P<paren>[^()\n]{2,30})\)|^(?P<glued>[A-Z][^\W\d_'’.&+]*(?:[\s'’.&+]+[A-Z][^\W\d_]*){0,3})(?=\d)|"
    r"^(?P<comma>[A-Z][\w.&]*(?:\s[A-Z][\w.&]*){0,3}),\s*(?=\S)"
)


def stamp_signature(line: str, date_start: int) -> re.Match | None:
    """The name a date stamp starting at date_start is signed with, before it, or None."""
    m = SIGNED_STAMP.match(line)
    if m and m.group("comma") and _WEEKDAY.fullmatch(m.group("comma")):
        return None  # "Thursday, May 21, 2009": the day, not a signature
    if m and ((m.group("paren") and m.end() <= date_start) or m.end() == date_start):
        return m
    return None


_WEEKDAY = re.compile(
    rf"{WEEKDAYS}|{ID_MS_WEEKDAYS}|(?:mon|tue|wed|thu|fri|sat|sun)\.?", re.IGNORECASE
)


def signature_name(m: re.Match) -> str:
    return next(g for g in m.group("paren", "glued", "comma") if g).strip()


# The outlet's own interview or check: "…,” Hishammuddin told BenarNews.", "The Irrawaddy could
# not independently verify …". Only where nothing else names one.
_TOLD = re.compile(
    r"\b(?:told|said to|in an interview with)\s+(?P<name>[A-Z][\w.+]*(?:\s[A-Z][\w.+]*){0,2})|"
    # "The Irrawaddy could not independently verify the reports."
    r"(?P<checking>[A-Z][\w.+]*(?:\s[A-Z][\w.+]*){0,2})\s+(?:could not|was unable to|cannot)\s+"
    r"(?:independently\s+)?(?:verify|confirm)\b"
)
# Photo credits name whoever took the picture, not the outlet: "(Photo: thaipbsworld.com)".
_PHOTO_CREDIT = re.compile(r"\((?:photo|ảnh|foto|ภาพ|source photo)\s*:[^()\n]*\)", re.IGNORECASE)
_OWN_PHOTO = re.compile(
    r"(?:photo|foto|ảnh|ภาพ|gambar)(?:\s+(?:illustration|ilustrasi|file))?\s*:\s*"
    r"(?P<credit>[^()\n:]{2,60}?)\s*(?:\)|$|\.\s)",
    re.IGNORECASE,
)
# A photographer and the outlet on a credit line of its own: "มารียัม อัฮหมัด/เบนาร์นิวส์".
_SLASHED_CREDIT = re.compile(r"^(?P<credit>[^/\n]{2,40}\s?/\s?[^/\n]{2,30})$")
_CREDIT_FILLER = re.compile(r"\b(?:file|ist|dok|istimewa|archive|arsip)\b\.?", re.IGNORECASE)
# Names in credits that are not outlets.
_NOT_NAMES = re.compile(
    r"^(?:photo|ảnh|foto|ภาพ|video|clip|file|ist|dok|"
    r"wib|wita|wit|myt|ict|sgt|pht|gmt|utc|cet|est|pst|jst|kst|hkt|am|pm)$",  # time zones
    re.IGNORECASE,
)
# A byline that opens the story with the outlet's short name: "(DS&PL) -", "(VOVworld) –".
_BYLINE_OPENING = re.compile(r"^\([^()\n]{2,30}\)\s*[-–—]")
# A writer's byline naming the outlet: "Kanavino Ahmad Rizqo - detikNews".
_WRITER_OUTLET = re.compile(
    r"^[A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){1,4}\s[-–—|]\s(?P<name>[\w.&]{3,30})$"
)
# A lede opened by a name of a few words and a dash: "MGR Online - …" (a known outlet only: the
# same shape opens with a city, "KUALA LUMPUR -").
_NAMED_OPENING = re.compile(
    r"^(?P<name>[^\W\d_][\w.&]*(?: [\w.&]+){0,2})\s[-–—]\s|^\((?P<paren>[^()\n]{2,30})\)\s"
)
# Credits that name a known outlet only: a byline on its own line, at the top or the end
# ("By : THE NATION", "โดย PPTV Online"), the outlet's reporter ("ผู้สื่อข่าว ข่าวสด
# รายงานว่า"), a source at the end of a header line ("… ดูความถี่:0 แหล่ง:CRI"), the office
# that posted an agency's news ("หน่วยงาน : สำนักงาน…"), a name in brackets on a line of its own.
_KNOWN_CREDITS = re.compile(
    r"^(?i:by|โดย)\s*:?\s*(?P<name>[^\n]{2,40}?)\s*$|"
    r"(?:^|\s)ผู้สื่อข่าว\s*(?P<reporter>[^\s]{2,20}(?:\s[^\s]{2,20})?)\s*รายงาน|"
    r"(?:^|\s)(?:แหล่ง|ที่มา|(?i:source))\s*[:：]\s*(?P<source>[^\s:：]{2,30})$|"
    r"^หน่วยงาน\s*[:：]\s*(?P<office>[^:：\n]{2,60})$|"  # an agency's own page: "หน่วยงาน : …"
    # the site's own app: "Muat turun aplikasi Sinar Harian. Klik di sini!"
    r"^(?i:muat turun|download|tải)\s+(?i:aplikasi|ứng dụng|the)\s+(?P<app>[^.!\n]{2,30}?)"
    r"(?:\s+(?i:app))?\s*[.!]|"
    r"^\((?P<alone>[^()\n]{2,30})\)$"  # a sign-off alone: "(Vietnam+)"
)
# A copyright line names the publisher: "© 2024 | Thời báo ĐỨC", "Copyright © 2023 The Star. All
# rights reserved.", "Bản quyền thuộc về Báo X".
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b|bản quyền(?: thuộc về)?|hak cipta(?: terpelihara)?)\s*"
    r"(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?[|,.:–-]?\s*"
    r"(?P<name>[^\W\d][^|\n]{1,50}?)\s*"
    r"(?:[.,|]\s*(?:all rights reserved|bảo lưu mọi quyền|hak cipta terpelihara).*)?\.?$",
    re.IGNORECASE,
)


# The name before the sign: "VietBF© Sưu tập".
_NAME_COPYRIGHT = re.compile(r"^(?P<name>[^\W\d][\w.]{1,30})\s*©")


def _copyright(lines: list[str]) -> tuple[str, str] | None:
    for line in lines:
        m = _COPYRIGHT.match(line) or _NAME_COPYRIGHT.match(line)
        name = m.group("name") if m else ""
        if name and not re.search(r"\d", name) and not _NOT_PUBLISHER.search(name):
            return name.strip(), line
    return None


# What a copyright line credits that is not the publisher: the site's builders.
_NOT_PUBLISHER = re.compile(
    r"\b(?:theme|design(?:ed)?|powered|developed|wordpress|blogger|template|thiết kế|phát triển)\b",
    re.IGNORECASE,
)


# What a site adds to its name in a byline: "detikNews", "Tribunnews", "VnExpress Online".
_NAME_SUFFIX = re.compile(r"(?:news|online|\.com|\.co(?:\.\w{2})?|\.vn|tv)$")


def _credits(
    paragraphs: list[str], header: list[str], sources: tuple[SourceEntry, ...]
) -> list[tuple[str, str]]:
    """(name, evidence) from bylines and news-desk credits at the top of the story."""
    found = []
    for line in [*header, *paragraphs[:3]]:
        m = _BYLINE.match(line) or _BYLINE_TAIL.search(line)
        if m:
            name = next(
                g
                for g in m.group(
                    "paren", "acronym", "site", "reporter", "report", "newsname", "cityname"
                )
                if g
            )
            # A long word in capitals is as often the dateline's city ("SINGAPORE -",
            # "JAKARTA –") as an outlet: only a known one counts, or one named as a site.
            city_like = (
                bool(m.group("acronym"))
                and len(name) > 5
                and not _NAME_SUFFIX.search(name.casefold())  # "KORDANEWS –" is an outlet
            )
            if not _NOT_NAMES.match(name.strip()) and not (
                city_like and _match_name(name, sources, whole=True) is None
            ):
                found.append((name.strip(), m.group(0).strip()))
        for m in _THAI_DESK.finditer(line[:200]):
            found.append((m.group("name"), m.group(0)))
    for line in header:
        m = STAMP_NAME.search(line)
        if m and not _NOT_NAMES.match(m.group("name")):
            found.append((m.group("name"), line))
        dates = find_dates(line)
        signed = stamp_signature(line, dates[0].start) if dates else None
        if signed:
            found.append((signature_name(signed), line))
    for line in [*header, *paragraphs[:3]]:
        m = _THAI_BY.search(line[:200])
        if m:
            found.append((m.group("name").strip(), m.group(0).strip()))
    return found


# A title bar's site name before the headline: "MGR Online - “รองเลขา ปปง.” แจง …".
_SITE_PREFIX = re.compile(r"^(?P<name>[^\s\-–—|][^\-–—|]{1,30}?)\s[-–—|]\s(?P<rest>\S.{19,})$")


def site_prefix(headline: str, sources: tuple[SourceEntry, ...]) -> tuple[SourceEntry, str] | None:
    """(the known outlet, the headline without it) when a headline starts with an outlet's
    name and a dash, as a page title does; None otherwise ("Thailand - Laos agree …")."""
    m = _SITE_PREFIX.match(headline)
    source = _match_name(m.group("name"), sources, whole=True) if m else None
    return (source, m.group("rest")) if source else None


def find_outlet(
    *,
    paragraphs: list[str],
    chrome: list[str],
    breadcrumb: list[str],
    sources: tuple[SourceEntry, ...],
    header: list[str] = (),
    site_name: str = "",
    title_site: SourceEntry | None = None,
) -> Outlet | None:
    """Return the outlet the text names, known or not, or None when it gives no clue.

    Looked for in this order: a byline at the top of the story ("(VOVworld) –", "TPO -"), a
    site name after the headline, source lines ("Nguồn: …", "ที่มา: …") and sign-offs, the
    breadcrumb, then web addresses. A wire named in a source line ("Theo TTXVN") yields to a
    byline: the byline names the outlet, the source line its wire.
    """
    names: list[tuple[str, str]] = _credits(paragraphs, list(header), sources)
    for line in chrome[:12]:  # a credit glued to a photo caption, or alone, set aside
        m = _BYLINE_TAIL.search(line)
        if m and not _NOT_NAMES.match(m.group("paren").strip()):
            names.append((m.group("paren").strip(), m.group(0).strip()))
        m = _BYLINE.match(line)  # "Laporan Sinar Harian." printed twice, so taken for a caption
        if m and (m.group("report") or m.group("reporter")):
            names.append(((m.group("report") or m.group("reporter")).strip(), line))
        for m in _THAI_DESK.finditer(line[:200]):  # "บริการข่าวไทยรัฐ" in the page's header
            names.append((m.group("name"), m.group(0)))
    bylines = len(names)  # the story's own credits, from its top
    copyright = _copyright([*chrome, *paragraphs[-3:]])
    if copyright:
        if not any(_match_name(name, sources) for name, _ in names):
            # The publisher, before any source line (which names where the story came from:
            # "Nguồn: vnexpress.net" on a page "© 2024 | Thời báo ĐỨC").
            source = _match_name(copyright[0], sources)
            if source is None:
                return Outlet(copyright[0], None, None, copyright[1])
        names.append(copyright)
    if site_name:
        names.append((site_name, site_name))
    for paragraph in reversed(paragraphs[-3:]):
        for pattern in (_SOURCE_LINE, _SIGN_OFF):
            m = pattern.search(paragraph)
            if m:
                name = m.group("name").strip()
                bracketed = _BRACKETED.search(name)  # "Theo NGỌC LÊ (TNO)": the writer (outlet)
                if bracketed:
                    names.append((bracketed.group(1).strip(), m.group(0).strip()))
                names.append((name, m.group(0).strip()))
                break
    for line in [*header, *chrome, *paragraphs[:-3]]:
        m = _SOURCE_LINE.search(line)
        if m:
            names.append((m.group("name").strip(), line))
    names += [(crumb, " » ".join(breadcrumb)) for crumb in breadcrumb]

    domains = domains_in(_PHOTO_CREDIT.sub(" ", "\n".join([*header, *paragraphs, *chrome])))
    if title_site:
        names.insert(0, (title_site.name, title_site.name))

    # Known outlets only: a writer's byline ("Kanavino Ahmad Rizqo - detikNews"), a page
    # title's site name ("Content image - Phnom Penh Post").
    named_only = (
        [
            (m.group("name") or m.group("paren"), line)
            for line in [*header, *paragraphs[:3]]
            for pattern in (_WRITER_OUTLET, _NAMED_OPENING)
            if (m := pattern.match(line))
        ]
        + [
            (next(name for name in m.groups() if name), m.group(0).strip())
            for line in [*header, *chrome[:12], *paragraphs[:3], *paragraphs[3:][-3:]]
            for m in _KNOWN_CREDITS.finditer(line[:300])
        ]
        + [
            (line.rsplit(sep, 1)[1], line)
            for line in chrome[:12]
            for sep in (" - ", " | ", " – ")
            if sep in line and len(line) <= 80
        ]
    )
    candidates = names + named_only
    for position, (name, evidence) in enumerate(candidates):
        source = _match_name(name, sources)
        if source is None:
            continue
        if source.wire:
            # A wire's report ("สำนักข่าวซินหวารายงานว่า") on a page whose own credit names a
            # known outlet that is not a wire ("แหล่ง:CRI"): the outlet published it.
            publisher = next(
                (
                    (other, e)
                    for n, e in candidates[position + 1 :]
                    if (other := _match_name(n, sources)) and not other.wire
                ),
                None,
            )
            if publisher:
                source, evidence = publisher
        if (
            bylines
            and bylines <= position < len(names)
            and _BYLINE_OPENING.match(names[0][1])
            and _SOURCE_LINE.match(evidence)
        ):
            # The story's byline names an outlet we do not know, and a source line names a
            # known one ("(DS&PL) - …" … "(Theo Reuters)"): the byline names the outlet, the
            # source line its wire.
            name, evidence = names[0]
            return Outlet(name, None, None, evidence)
        return Outlet(source.name, _first(source.domains), source.slug, evidence)
    if bylines and _DOMAIN.fullmatch(names[0][0]):
        # The story's byline names its site by its address ("kabartuban.com – …"): the page's
        # own, before any known site the story cites ("Mengutip dari detik.com").
        name, evidence = names[0]
        return Outlet(name, name.casefold(), None, evidence)
    for domain in domains:
        source = _match_domain(domain, sources)
        if source:
            return Outlet(source.name, domain, source.slug, domain)
    # Site names on a line of their own (a header or footer naming a known source, a logo's
    # alternative text "Logo Thai PBS"), also broken over two lines ("Australian Embassy" /
    # "Thailand").
    lines = [_LOGO.sub("", line) for line in [*header, *chrome, *paragraphs[:3]]]
    for line in [*lines, *(f"{a} {b}" for a, b in pairwise(lines))]:
        if len(line) > 80:
            continue
        source = _match_name(line, sources, whole=True)
        if source:
            return Outlet(source.name, _first(source.domains), source.slug, line)
    for paragraph in paragraphs:
        for m in _TOLD.finditer(paragraph):
            source = _match_name(m.group("name") or m.group("checking"), sources, whole=True)
            if source:
                return Outlet(source.name, _first(source.domains), source.slug, m.group(0))
    # The outlet's own pictures: "(Foto: Ist/Okezone)", "PHOTO ILLUSTRATION: ST FILE" — a
    # known outlet that is not a news agency (an agency's picture is the wire's), and only
    # where the story carries no credit of its own ("TTH - …" under a picture "Ảnh: FMT").
    for line in [*chrome, *paragraphs] if not bylines else ():
        for m in [*_OWN_PHOTO.finditer(line), *_SLASHED_CREDIT.finditer(line)]:
            for name in re.split(r"\s*[/,;&]\s*", _CREDIT_FILLER.sub("", m.group("credit"))):
                source = _match_name(name, sources, whole=True)
                if source and not source.wire:
                    return Outlet(source.name, _first(source.domains), source.slug, m.group(0))

    # Nothing known: suggest what the text says, for an editor to confirm. Breadcrumbs name
    # sections as often as sites, so they are not offered as outlet names.
    sign_offs = [
        (n, e)
        for n, e in names
        if (not breadcrumb or n not in breadcrumb) and not _DATED_NAME.search(n)
    ]
    if sign_offs or domains:
        name, evidence = sign_offs[0] if sign_offs else (None, domains[0])
        return Outlet(name, domains[0] if domains else None, None, evidence)
    return None


_BRACKETED = re.compile(r"\(([^()]{2,30})\)?$")
_LOGO = re.compile(r"^logo\s+(?=\S)", re.IGNORECASE)
# A time or a year is not a name: "Updated Jun 9, 2025 01:48 pm" after a "|" in a header.
_DATED_NAME = re.compile(rf"{TIME_OF_DAY}|\b(?:19|20)\d{{2}}\b", re.IGNORECASE)


def _first(domains: tuple[str, ...]) -> str | None:
    return domains[0] if domains else None
