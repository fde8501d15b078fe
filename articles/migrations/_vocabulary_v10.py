"""Tenth extension of the vocabulary, frozen for the migration that loads it.

Three countries' Vietnamese names as the country list's library gave them were another
country's (Niger's "Nigeria", Iceland's "Ai-len", which is Ireland, Jersey's "Áo", which is
Austria), so a story about Nigeria was tagged Niger as well: they are put right, where an
editor has not changed them. And what the eighth fresh set of captures names that the lists
lacked: Singapore's Central Narcotics Bureau and Myanmar's Central Committee for Drug Abuse
Control; the Thai army's military circles and its Burapha and Suranari border forces; local
units of Vietnam's police ("Công an xã", "Công an huyện"), and "Công an" alone where the story
names Vietnam (`~`); China's narcotics commission as Thai pages also write it; the narcotics
board's full Thai name as its own site signs its news. "AFP" alone is the French news agency
as often as Australia's federal police: the police count only where the story names Australia.
"""

# code: (the wrong name, the right one)
COUNTRY_NAMES_CORRECTED = {
    "NE": ("Nigeria", "Niger"),
    "IS": ("Ai-len", "Iceland"),
    "JE": ("Áo", "Jersey"),
}

# acronym, English, Thai, Vietnamese, aliases, country
NEW_AGENCIES = [
    ("CNB", "Central Narcotics Bureau (Singapore)", "สำนักงานปราบปรามยาเสพติดกลางสิงคโปร์",
     "Cục Phòng chống ma túy Trung ương Singapore",
     ["Central Narcotics Bureau", "Singapore's Central Narcotics Bureau", "Biro Narkotik Pusat",
      "Biro Narkotik Pusat Singapura"], "SG"),
    ("CCDAC", "Central Committee for Drug Abuse Control (Myanmar)",
     "คณะกรรมการกลางเพื่อควบคุมยาเสพติด", "Ủy ban Trung ương kiểm soát lạm dụng ma túy Myanmar",
     ["Central Committee for Drug Abuse Control", "Myanmar's Central Committee for Drug Abuse Control",
      "คณะกรรมการกลางเพื่อควบคุมยาเสพติดเมียนมา", "คณะกรรมการกลางเพื่อควบคุมยาเสพติดแห่งเมียนมา"], "MM"),
]  # fmt: skip

AGENCY_ALIASES = {
    "RTA": ["มณฑลทหารบก", "กองกำลังบูรพา", "กองกำลังสุรนารี", "Burapha Force", "Suranari Force"],
    "MPS-VN": ["Công an xã", "Công an huyện", "Công an quận", "Công an phường", "Công an thị xã",
               "~Công an"],
    "NNCC": ["~คณะกรรมาธิการควบคุมยาเสพติดแห่งชาติ"],
    "AFP": ["~AFP"],
}  # fmt: skip

SOURCE_ALIASES = {
    "oncb": ["สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด"],
}
