"""Ninth extension of the vocabulary, frozen for the migration that loads it.

Laos's security forces as Vietnamese and English stories name them: "lực lượng An ninh Lào",
"Bộ An ninh nước CHDCND Lào", a province's "An ninh tỉnh Khăm Muộn" (the name of Laos's
provincial security, counted only where the story names Laos: `~`), "Lao security officials";
and what the seventh fresh set of captures names that the lists lacked: ABS-CBN News, the
bylines of Tiền Phong ("TP -") and Nhân Dân điện tử ("NDĐT"), the Thai army regions'
commanders by their abbreviation ("มทภ.4"). Only adds.
"""

# name, slug, homepage, domains, country, kind, language, aliases
NEW_SOURCES = [
    ("ABS-CBN News", "abs-cbn-news", "https://news.abs-cbn.com", ["news.abs-cbn.com", "abs-cbn.com"],
     "PH", "broadcaster", "en", ["ABS-CBN", "ABS-CBN News Channel", "ANC"]),
]  # fmt: skip

SOURCE_ALIASES = {
    "tien-phong": ["TP"],
    "nhan-dan": ["NDĐT"],
}

AGENCY_ALIASES = {
    "MPS-LA": [
        "An ninh Lào",
        "lực lượng an ninh Lào",
        "Bộ An ninh nước CHDCND Lào",
        "Bộ An ninh CHDCND Lào",
        "~An ninh tỉnh",
        "Lao security officials",
        "Lao security forces",
        "Lao security authorities",
    ],
    "RTA": ["มทภ.1", "มทภ.2", "มทภ.3", "มทภ.4"],
}
