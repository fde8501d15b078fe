"""Seventh extension of the vocabulary, frozen for the migration that loads it.

What the fourth fresh set of captures names that the lists lacked: outlets by masthead, byline
or copyright line (UCA News "By UCA News reporter", Pantau "Pantau -", Pattaya Daily News
"พัทยาเดลีนิวส์", Ngày Nay "(Ngày Nay) -", An ninh Thủ đô "ANTĐ -", Thời báo Đức "© 2024 | Thời báo
ĐỨC", VOA Tiếng Việt, Kosmo!, MalaysiaGazette, Canhsatbien.vn), Znews's former name "Tri thức
trực tuyến"; the Royal Brunei Police Force and Thailand's Police Cyber Taskforce; and other
spellings of agencies (the Vietnamese ministry in Thai and Malay forms, the Philippine and Thai
police in Malay and Indonesian). Only adds.
"""

# name, slug, homepage, domains, country, kind, language, aliases
NEW_SOURCES = [
    ("UCA News", "ucanews", "https://www.ucanews.com", ["ucanews.com"], "TH", "other", "en",
     ["UCAN", "Union of Catholic Asian News", "ucanews.com"]),
    ("Pantau", "pantau", "https://www.pantau.com", ["pantau.com"], "ID", "other", "id",
     ["Pantau.com"]),
    ("Pattaya Daily News", "pattaya-daily-news", "https://th.pattayadailynews.com",
     ["pattayadailynews.com", "th.pattayadailynews.com"], "TH", "other", "th",
     ["พัทยาเดลีนิวส์", "Pattaya Daily News Thai"]),
    ("Ngày Nay", "ngay-nay", "https://ngaynay.vn", ["ngaynay.vn"], "VN", "newspaper", "vi",
     ["Báo Ngày Nay", "Ngaynay.vn"]),
    ("An ninh Thủ đô", "an-ninh-thu-do", "https://www.anninhthudo.vn", ["anninhthudo.vn"], "VN",
     "newspaper", "vi", ["ANTĐ", "ANTD", "Báo An ninh Thủ đô", "anninhthudo.vn"]),
    ("Thời báo Đức", "thoi-bao-duc", "https://thoibaoduc.com", ["thoibaoduc.com"], "DE",
     "other", "vi", ["Thời báo ĐỨC", "Thoi bao Duc"]),
    ("VOA Tiếng Việt", "voa-tieng-viet", "https://www.voatiengviet.com", ["voatiengviet.com"],
     "US", "broadcaster", "vi", ["Đài VOA", "VOA"]),
    ("Kosmo!", "kosmo", "https://www.kosmo.com.my", ["kosmo.com.my"], "MY", "newspaper", "ms",
     ["Kosmo! Online", "Kosmo Online", "Kosmo"]),
    ("MalaysiaGazette", "malaysia-gazette", "https://malaysiagazette.com",
     ["malaysiagazette.com"], "MY", "other", "ms", ["Malaysia Gazette"]),
    ("Cảnh sát biển Việt Nam", "canhsatbien", "https://canhsatbien.vn",
     ["canhsatbien.vn", "old.canhsatbien.vn"], "VN", "government", "vi", ["Canhsatbien.vn"]),
]  # fmt: skip

SOURCE_ALIASES = {
    "znews": ["Tri thức trực tuyến", "Zing News", "Zing.vn"],
    "tempo": ["TEMPO.CO", "Tempo.co"],
    "benarnews": ["เบนาร์นิวส์", "BenarNews Thai"],
    "bao-bien-phong": ["Biên phòng"],
}

# acronym, English, Thai, Vietnamese, aliases, country
NEW_AGENCIES = [
    ("RBPF", "Royal Brunei Police Force", "", "Lực lượng Cảnh sát Hoàng gia Brunei",
     ["Royal Brunei Police", "Polis Diraja Brunei", "Pasukan Polis Diraja Brunei",
      "Brunei police", "ตำรวจบรูไน", "cảnh sát Brunei", "Royal Brunei Police Force"], "BN"),
    ("PCT", "Police Cyber Taskforce (Thailand)", "", "Lực lượng Đặc nhiệm An ninh mạng",
     ["Police Cyber Taskforce", "Police Cyber Task Force", "Lực lượng Đặc nhiệm An ninh mạng"],
     "TH"),
    ("JIM", "Immigration Department of Malaysia", "", "Cục Xuất nhập cảnh Malaysia",
     ["Jabatan Imigresen Malaysia", "Jabatan Imigresen", "Imigresen Malaysia",
      "Malaysian Immigration Department", "Immigration Department of Malaysia"], "MY"),
    ("NCB-BN", "Narcotics Control Bureau (Brunei)", "", "Cục Kiểm soát Ma túy Brunei",
     ["Biro Kawalan Narkotik", "BKN", "Brunei's Narcotics Control Bureau",
      "Narcotics Control Bureau of Brunei"], "BN"),
]  # fmt: skip

AGENCY_ALIASES = {
    "MPS-VN": [
        "กระทรวงความมั่นคงปลอดภัยสาธารณะ",
        "กระทรวงความมั่นคงปลอดภัยสาธารณะเวียดนาม",
        "Keselamatan Awam Republik Sosialis Vietnam",
        "Menteri Keselamatan Awam Vietnam",
    ],
    "PNP": ["kepolisian Filipina"],
    # "~": a name that stands for the agency only where the story names its country.
    "MOI-KH": [
        "~Interior Ministry",
        "~Ministry of Interior",
        "~Ministry of the Interior",
        "~interior ministry",
        "~Bộ Nội vụ",
        "Nội vụ Campuchia",
        "cambodian interior ministry",
    ],
    "RTP": ["Polis Thai", "Royal Police Thailand"],
    # The army's border task forces.
    "RTA": [
        "Naresuan Force",
        "Pha Muang Force",
        "Surasi Force",
        "Thepsatri Force",
        "กองกำลังนเรศวร",
        "กองกำลังผาเมือง",
        "กองกำลังสุรสีห์",
        "กองกำลังเทพสตรี",
        "ฉก.ราชมนู",
        "หน่วยเฉพาะกิจราชมนู",
    ],
    "BI-PH": ["~Bureau of Immigration"],
}

# Ways of naming the exchange of intelligence the lists lacked, and the support of victims in
# Thai and Vietnamese words for helping and receiving them.
TOPIC_KEYWORDS = {
    "information-sharing": {
        "en": ["intelligence information", "shared database", "common database",
               "information cooperation", "intelligence exchanged", "intelligence shared",
               "critical information", "criminal database", "intelligence reports", "red alert"],
        "th": ["ด้านข่าวกรอง", "ความร่วมมือด้านข่าวกรอง", "ทางด้านข่าวกรอง", "ข้อมูลการข่าว"],
        "vi": ["cung cấp thông tin", "thông tin trao đổi", "trao đổi các thông tin"],
        "other": ["penguatan informasi", "kerja sama informasi", "tukar menukar informasi",
                  "koordinasi informasi", "perkongsian data", "maklumat risikan"],
    },
    "human-trafficking": {
        "th": ["หลอกไปทำงาน", "ถูกหลอกไปทำงาน", "บังคับค้าประเวณี"],
        "vi": ["lừa bán", "bị lừa bán", "ép buộc bán dâm", "cưỡng bức lao động"],
        "other": ["pemerdagangan manusia", "dipaksa bekerja", "dipaksa terlibat", "kerja paksa"],
    },
    "illegal-migration": {
        "en": ["living illegally", "immigration violations", "immigration violation",
               "overstaying", "illegal entry", "entered illegally"],
        "th": ["ข้ามชายแดนอย่างผิดกฎหมาย", "ลักลอบการเข้าเมือง", "ลักลอบเข้าเมือง", "เข้าเมืองผิดกฎหมาย"],
        "vi": ["vi phạm quy định xuất nhập cảnh", "cư trú bất hợp pháp", "cư trú trái phép",
               "nhập cảnh trái phép", "xuất cảnh trái phép"],
        "other": ["penyeludupan orang", "pendatang asing tanpa izin", "PATI"],
    },
    "victim-support": {
        "th": ["เข้าช่วยเหลือ", "ให้การช่วยเหลือ", "ให้ความช่วยเหลือ", "การช่วยเหลือ"],
        "vi": ["hỗ trợ ban đầu", "đưa các công dân"],
        "other": ["pemulihan korban"],
    },
}  # fmt: skip
