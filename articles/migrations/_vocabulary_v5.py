"""Fifth extension of the vocabulary, frozen for the migration that loads it: outlets.

The outlets the corpus's captures name in their bylines and sign-offs that the list lacked (The
Irrawaddy, Poskota, People's Daily Online's Thai service, Giáo dục & Thời đại, Sputnik's
Vietnamese service, Đời sống & Pháp luật), and other names of known ones (BenarNews in Thai,
China Media Group's Thai service, CRI). Only adds.
"""

# name, slug, homepage, domains, country, kind, language, aliases
NEW_SOURCES = [
    (
        "The Irrawaddy",
        "irrawaddy",
        "https://www.irrawaddy.com",
        ["irrawaddy.com", "burma.irrawaddy.com"],
        "MM",
        "newspaper",
        "en",
        ["Irrawaddy", "ဧရာဝတီ"],
    ),
    (
        "Poskota",
        "poskota",
        "https://www.poskota.co.id",
        ["poskota.co.id"],
        "ID",
        "newspaper",
        "id",
        ["Pos Kota", "POSKOTA.CO.ID"],
    ),
    (
        "People's Daily Online",
        "peoples-daily-online",
        "http://thai.people.com.cn",
        ["people.com.cn", "thai.people.cn", "people.cn", "en.people.cn"],
        "CN",
        "newspaper",
        "zh",
        ["People's Daily", "พีเพิลส์เดลี่ออนไลน์", "เหรินหมินรื่อเป้า", "Nhân dân Nhật báo"],
    ),
    (
        "Giáo dục và Thời đại",
        "giao-duc-thoi-dai",
        "https://giaoducthoidai.vn",
        ["giaoducthoidai.vn"],
        "VN",
        "newspaper",
        "vi",
        ["GD&TĐ", "Báo Giáo dục và Thời đại", "Giáo dục & Thời đại"],
    ),
    (
        "Sputnik Việt Nam",
        "sputnik-vietnam",
        "https://kevesko.vn",
        ["kevesko.vn", "vn.sputniknews.com"],
        "RU",
        "news_agency",
        "vi",
        ["Sputnik Vietnam", "Sputnik tiếng Việt"],
    ),
    (
        "Đời sống & Pháp luật",
        "doi-song-phap-luat",
        "https://doisongphapluat.com",
        ["doisongphapluat.com", "doisongphapluat.com.vn"],
        "VN",
        "newspaper",
        "vi",
        ["DS&PL", "Đời sống và Pháp luật", "Báo Đời sống & Pháp luật"],
    ),
]

SOURCE_ALIASES = {
    "benarnews": ["เบนาร์นิวส์", "BeritaBenar"],
    "cmg": ["CRI", "China Radio International", "ซีอาร์ไอ", "CRI ภาคภาษาไทย"],
}
