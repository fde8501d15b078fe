"""Sixth extension of the vocabulary, frozen for the migration that loads it: outlets.

The outlets the third fresh set of captures names by byline or sign-off that the list lacked
(Viet Nam News "— VNS", the Philippine Daily Inquirer, Hà Nội Mới "(HNM) -", Công an TP.HCM
"(CAO)", Malaysia's foreign ministry, which publishes its own statements), and Nhân Dân's
byline "NDO -". Only adds.
"""

# name, slug, homepage, domains, country, kind, language, aliases
NEW_SOURCES = [
    (
        "Viet Nam News",
        "vietnam-news",
        "https://vietnamnews.vn",
        ["vietnamnews.vn"],
        "VN",
        "newspaper",
        "en",
        ["VNS", "Việt Nam News", "Vietnam News"],
    ),
    (
        "Philippine Daily Inquirer",
        "inquirer",
        "https://www.inquirer.net",
        ["inquirer.net", "newsinfo.inquirer.net", "globalnation.inquirer.net"],
        "PH",
        "newspaper",
        "en",
        ["Inquirer", "Inquirer.net", "INQUIRER.net", "PDI"],
    ),
    (
        "Hà Nội Mới",
        "hanoimoi",
        "https://hanoimoi.vn",
        ["hanoimoi.vn", "hanoimoi.com.vn"],
        "VN",
        "newspaper",
        "vi",
        ["HNM", "Báo Hà Nội Mới", "Hanoimoi"],
    ),
    (
        "Công an TP.HCM",
        "cong-an-tphcm",
        "https://congan.com.vn",
        ["congan.com.vn"],
        "VN",
        "newspaper",
        "vi",
        ["CAO", "Công an Thành phố Hồ Chí Minh", "Báo Công an TP.HCM", "Công an TPHCM"],
    ),
    (
        "Kementerian Luar Negeri Malaysia",
        "kln-malaysia",
        "https://www.kln.gov.my",
        ["kln.gov.my"],
        "MY",
        "government",
        "ms",
        ["Kementerian Luar Negeri", "KLN", "Wisma Putra", "Ministry of Foreign Affairs Malaysia"],
    ),
]

SOURCE_ALIASES = {
    "nhan-dan": ["NDO", "Nhân Dân"],
}
