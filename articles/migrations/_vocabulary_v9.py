"""Ninth extension of the vocabulary, frozen for the migration that loads it.

Laos's security forces as Vietnamese and English stories name them: "lực lượng An ninh Lào",
"Bộ An ninh nước CHDCND Lào", a province's "An ninh tỉnh Khăm Muộn" (the name of Laos's
provincial security, counted only where the story names Laos: `~`), "Lao security officials".
Only adds.
"""

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
}
