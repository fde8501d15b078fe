"""Tenth extension of the vocabulary, frozen for the migration that loads it.

Three countries' Vietnamese names as the country list's library gave them were another country's
(Niger's "Nigeria", Iceland's "Ai-len", which is Ireland, Jersey's "Áo", which is Austria), so a
story about Nigeria was tagged Niger as well: they are put right, where an editor has not
changed them.

And what the eighth and ninth fresh sets of captures name that the lists lacked: Singapore's
Central Narcotics Bureau, Myanmar's Central Committee for Drug Abuse Control, Thailand's
maritime enforcement centre (ศรชล.), Vietnam's and Malaysia's customs, the Philippines' anti-
organised-crime commission; the Thai army's military circles and its Burapha and Suranari border
forces; Thai police stations (สภ.); local units of Vietnam's police ("Công an xã", "Công an
huyện"), and "Công an" alone where the story names Vietnam (`~`); Cambodia's police and China's
narcotics commission as Thai pages also write them; the UN's drug office as "UN Office of Drugs
and Crime"; the narcotics board's full Thai name as its own site signs its news; Radio Free
Asia, The Philippine Star, Thời báo Tài chính Việt Nam (TBTCO) and Gatra. "AFP" alone is the
French news agency as often as Australia's federal police: the police count only where the story
names Australia.
"""

# code: {the wrong name: the right one}
COUNTRY_NAMES_CORRECTED = {
    "NE": {"Nigeria": "Niger"},
    "IS": {"Ai-len": "Iceland"},
    "JE": {"Áo": "Jersey"},
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
    ("THAI-MECC", "Thailand Maritime Enforcement Command Center",
     "ศูนย์อำนวยการรักษาผลประโยชน์ของชาติทางทะเล", "Trung tâm Chỉ huy Thực thi pháp luật trên biển Thái Lan",
     ["ศรชล.", "Thai-MECC", "Thai MECC", "Thailand Maritime Enforcement Coordinating Center",
      "Maritime Enforcement Command Center"], "TH"),
    ("CUSTOMS-VN", "General Department of Vietnam Customs", "กรมศุลกากรเวียดนาม", "Tổng cục Hải quan",
     ["Hải quan Việt Nam", "Tổng cục Hải quan Việt Nam", "Cục Hải quan", "Chi cục Hải quan",
      "Vietnam Customs", "Vietnamese customs", "Vietnam's customs", "ศุลกากรเวียดนาม",
      "Kastam Vietnam", "Bea Cukai Vietnam"], "VN"),
    ("PAOCC", "Presidential Anti-Organized Crime Commission (Philippines)", "", "",
     ["Presidential Anti-Organized Crime Commission", "Presidential Anti-Organised Crime Commission"],
     "PH"),
    ("JKDM", "Royal Malaysian Customs Department", "กรมศุลกากรมาเลเซีย", "Cục Hải quan Hoàng gia Malaysia",
     ["Jabatan Kastam Diraja Malaysia", "Kastam Diraja Malaysia", "Royal Malaysian Customs",
      "Malaysian customs", "Malaysia customs", "Bea Cukai Malaysia", "Hải quan Malaysia",
      "ศุลกากรมาเลเซีย"], "MY"),
]  # fmt: skip

AGENCY_ALIASES = {
    "RTA": ["มณฑลทหารบก", "กองกำลังบูรพา", "กองกำลังสุรนารี", "Burapha Force", "Suranari Force",
            "ทหารพราน"],
    "MPS-VN": ["Công an xã", "Công an huyện", "Công an quận", "Công an phường", "Công an thị xã",
               "~Công an", "Cơ quan Cảnh sát điều tra", "~public security department",
               "~department of public security"],
    "NNCC": ["~คณะกรรมาธิการควบคุมยาเสพติดแห่งชาติ"],
    "AFP": ["~AFP"],
    "RTP": ["สภ.", "สถานีตำรวจภูธร", "ตำรวจภูธร", "บก.ปอศ.", "ภ.จว.", "Border Patrol Police"],
    "CNP": ["ตำรวจของกัมพูชา", "ผู้บัญชาการตำรวจกัมพูชา", "ผู้บัญชาการตำรวจของกัมพูชา",
            "cảnh sát phnom penh", "công an phnom penh"],
    "UNODC": ["UN Office of Drugs and Crime", "United Nations Office of Drugs and Crime"],
    "MPS-LA": ["laos police", "lao police force"],
    "VBG": ["~border guard station"],
    "IMB-TH": ["~Immigration Bureau"],
    "AADK": ["NADA"],
    "PDRM": ["cảnh sát trưởng malaysia"],
    "CUSTOMS-TH": ["~ศุลกากร"],
    "POLRI": ["Polres", "Polresta", "Polrestabes", "Polsek", "Polda Metro Jaya", "Polair",
              "Polairud", "Bareskrim"],
    "MPS-CN": ["กระทรวงสันติบาลจีน", "~กระทรวงสันติบาล"],
}  # fmt: skip

# name, slug, homepage, domains, country, kind, language, aliases
NEW_SOURCES = [
    ("Radio Free Asia", "rfa", "https://www.rfa.org", ["rfa.org"], "US", "broadcaster", "en",
     ["RFA", "Đài Á Châu Tự Do", "វិទ្យុអាស៊ីសេរី"]),
    ("The Philippine Star", "philippine-star", "https://www.philstar.com", ["philstar.com"], "PH",
     "newspaper", "en", ["Philippine Star", "PhilStar", "Philstar.com"]),
    ("Thời báo Tài chính Việt Nam", "thoi-bao-tai-chinh-viet-nam", "https://thoibaotaichinhvietnam.vn",
     ["thoibaotaichinhvietnam.vn"], "VN", "newspaper", "vi", ["TBTCO", "Thời báo Tài chính"]),
    ("Gatra", "gatra", "https://www.gatra.com", ["gatra.com"], "ID", "newspaper", "id",
     ["Gatra.com", "GATRA"]),
]  # fmt: skip

# Malaysia's and Brunei's marine police are both "Polis Marin": Malaysia's only beside Malaysia.
AGENCY_ALIASES_REPLACED = {
    "PDRM": {"Polis Marin": "~Polis Marin"},
}

SOURCE_ALIASES = {
    "oncb": ["สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด"],
    "nguoi-lao-dong": ["NLĐO"],
    "thanh-nien": ["TN News"],
}
