"""Third extension of the agency vocabulary, frozen for the migration that loads it.

It adds to the first two vocabularies (``_vocabulary_v1``, ``_vocabulary_v2``) what the fresh
captures of the labelled corpus (tests/corpus, ids from 101) showed missing: the agencies their
labellers proposed (the Royal Thai Army and its Pha Muang Task Force, the Safe Mekong
Coordination Centre, Viet Nam's navy, China's and Laos' drug-control commissions, Myanmar's
Ministry of Home Affairs, Thailand's Ministry of Justice, Austria's interior ministry, Cambodia's
anti-online-scam commission, the Armed Forces of the Philippines, Thailand's border intelligence
unit), with their names in Thai, Vietnamese and English and the forms Thai, Vietnamese, English,
Indonesian and Malay news name them by; and other names of agencies already listed that the
captures use (the Malaysian police's General Operations Force and narcotics department, the Thai
navy's Mekong riverine unit, Vietnamese provincial police, the Lao provincial security command).

Lower-case terms match in any case (and a final English plural); terms with capitals match only
as written. Both Vietnamese tone-mark placements are listed (ủy / uỷ, túy / tuý). Bare acronyms
that mean other things in English text are left out: "AFP" is the Australian Federal Police and
the news agency, "URS", "NCID", "GOF" and "NSB" name other bodies too. An agency's own acronym
is always a term of its own (``articles.vocabulary``, matched as written, on word boundaries),
so the ones chosen here are qualified where the bare letters are taken (AFP-PH, URS-TH, NAVY-VN,
MOJ-TH, MOHA-MM, BMI-AT); RTA is the labels' acronym for the Royal Thai Army and stays bare.
"""

# acronym, en, th, vi, aliases, country
NEW_AGENCIES = [
    (
        "RTA",
        "Royal Thai Army",
        "กองทัพบก",
        "Lục quân Hoàng gia Thái Lan",
        [
            "กองทัพบกไทย",
            "ทบ.",
            "กองทัพภาคที่ 1",
            "กองทัพภาคที่ 2",
            "กองทัพภาคที่ 3",
            "กองทัพภาคที่ 4",
            "royal thai army",
            "thai army",
            "thailand's army",
            "First Army Region",
            "Second Army Region",
            "Third Army Region",
            "Fourth Army Region",
            "1st Army Region",
            "2nd Army Region",
            "3rd Army Region",
            "4th Army Region",
            "lục quân hoàng gia thái lan",
            "lục quân thái lan",
            "Tentera Darat Diraja Thailand",
            "tentera darat thailand",
            "Angkatan Darat Kerajaan Thailand",
            "angkatan darat thailand",
        ],
        "TH",
    ),
    (
        "PMTF",
        "Pha Muang Task Force",
        "กองกำลังผาเมือง",
        "Lực lượng Đặc nhiệm Pha Muang",
        [
            "กกล.ผาเมือง",
            "pha muang task force",
            "phamuang task force",
            "pha muang force",
            "lực lượng đặc nhiệm pha muang",
            "lực lượng pha muang",
        ],
        "TH",
    ),
    (
        "SMCC",
        "Safe Mekong Coordination Centre",
        "ศูนย์ประสานงานแม่น้ำโขงปลอดภัย",
        "Trung tâm Điều phối An ninh sông Mê Công",
        [
            "safe mekong coordination centre",
            "safe mekong coordination center",
            "trung tâm điều phối an ninh sông mê công",
            "trung tâm điều phối an ninh sông mê kông",
            "trung tâm điều phối mê công an toàn",
            "trung tâm điều phối mê kông an toàn",
            "pusat koordinasi mekong aman",
            "pusat penyelarasan mekong selamat",
        ],
        "TH",
    ),
    (
        "NAVY-VN",
        "Vietnam People's Navy",
        "กองทัพเรือเวียดนาม",
        "Hải quân Nhân dân Việt Nam",
        [
            "กองทัพเรือประชาชนเวียดนาม",
            "กองทัพเรือของเวียดนาม",
            "vietnam people's navy",
            "viet nam people's navy",
            "vietnamese people's navy",
            "vietnamese navy",
            "vietnam navy",
            "viet nam navy",
            "vietnam's navy",
            "hải quân nhân dân việt nam",
            "hải quân việt nam",
            "quân chủng hải quân",
            "vùng 1 hải quân",
            "vùng 2 hải quân",
            "vùng 3 hải quân",
            "vùng 4 hải quân",
            "vùng 5 hải quân",
            "tentera laut vietnam",
            "angkatan laut vietnam",
        ],
        "VN",
    ),
    (
        "NNCC",
        "National Narcotics Control Commission (China)",
        "คณะกรรมการควบคุมยาเสพติดแห่งชาติจีน",
        "Ủy ban Phòng chống Ma túy Quốc gia Trung Quốc",
        [
            "คณะกรรมการควบคุมยาเสพติดแห่งชาติของจีน",
            "คณะกรรมการควบคุมยาเสพติดแห่งชาติ สาธารณรัฐประชาชนจีน",
            "คณะกรรมการปราบปรามยาเสพติดแห่งชาติจีน",
            "National Narcotics Control Commission",
            "National Narcotic Control Commission",
            "china national narcotics control commission",
            "china's national narcotics control commission",
            "chinese national narcotics control commission",
            "ủy ban phòng chống ma túy quốc gia trung quốc",
            "uỷ ban phòng chống ma tuý quốc gia trung quốc",
            "ủy ban kiểm soát ma túy quốc gia trung quốc",
            "uỷ ban kiểm soát ma tuý quốc gia trung quốc",
            "ủy ban cấm ma túy quốc gia trung quốc",
            "uỷ ban cấm ma tuý quốc gia trung quốc",
            "komisi nasional pengendalian narkotika china",
            "komisi nasional pengendalian narkotika tiongkok",
            "suruhanjaya kawalan narkotik kebangsaan china",
        ],
        "CN",
    ),
    (
        "LCDC",
        "Lao National Commission for Drug Control and Supervision",
        "คณะกรรมการแห่งชาติเพื่อตรวจตราและควบคุมยาเสพติด",
        "Ủy ban Quốc gia Kiểm soát và Giám sát Ma túy Lào",
        [
            "คณะกรรมการแห่งชาติเพื่อควบคุมและตรวจตรายาเสพติด",
            "คณะกรรมการควบคุมยาเสพติดแห่งชาติลาว",
            "คณะกรรมการควบคุมยาเสพติดแห่งชาติ สปป.ลาว",
            "National Commission for Drug Control and Supervision",
            "lao national commission for drug control",
            "laos' national commission for drug control and supervision",
            "ủy ban quốc gia kiểm soát và giám sát ma túy lào",
            "uỷ ban quốc gia kiểm soát và giám sát ma tuý lào",
            "ủy ban quốc gia phòng chống và kiểm soát ma túy lào",
            "uỷ ban quốc gia phòng chống và kiểm soát ma tuý lào",
            "ủy ban kiểm soát ma túy quốc gia lào",
            "uỷ ban kiểm soát ma tuý quốc gia lào",
            "ủy ban quốc gia kiểm soát ma túy lào",
            "uỷ ban quốc gia kiểm soát ma tuý lào",
            "komisi nasional pengendalian dan pengawasan narkoba laos",
            "suruhanjaya kebangsaan kawalan dan penyeliaan dadah laos",
        ],
        "LA",
    ),
    (
        "MOHA-MM",
        "Ministry of Home Affairs (Myanmar)",
        "กระทรวงมหาดไทยเมียนมา",
        "Bộ Nội vụ Myanmar",
        [
            "กระทรวงมหาดไทยพม่า",
            "กระทรวงมหาดไทยเมียนมาร์",
            "กระทรวงมหาดไทยของเมียนมา",
            "กระทรวงมหาดไทยของพม่า",
            "myanmar ministry of home affairs",
            "myanmar's ministry of home affairs",
            "ministry of home affairs of myanmar",
            "myanmar home affairs ministry",
            "myanmar's home affairs ministry",
            "burmese ministry of home affairs",
            "burma's ministry of home affairs",
            "bộ nội vụ myanmar",
            "kementerian dalam negeri myanmar",
            "kementerian hal ehwal dalam negeri myanmar",
        ],
        "MM",
    ),
    (
        "MOJ-TH",
        "Ministry of Justice (Thailand)",
        "กระทรวงยุติธรรม",
        "Bộ Tư pháp Thái Lan",
        [
            "กระทรวงยุติธรรมไทย",
            "thai ministry of justice",
            "thailand's ministry of justice",
            "ministry of justice of thailand",
            "thai justice ministry",
            "thailand's justice ministry",
            "justice ministry of thailand",
            "bộ tư pháp thái lan",
            "kementerian kehakiman thailand",
        ],
        "TH",
    ),
    (
        "BMI-AT",
        "Austrian Federal Ministry of the Interior",
        "กระทรวงมหาดไทยแห่งสหพันธ์ออสเตรีย",
        "Bộ Nội vụ Liên bang Áo",
        [
            "Bundesministerium für Inneres",
            "กระทรวงมหาดไทยออสเตรีย",
            "austrian ministry of interior",
            "austrian ministry of the interior",
            "austrian federal ministry of interior",
            "austrian interior ministry",
            "austria's interior ministry",
            "austria's ministry of interior",
            "austria's ministry of the interior",
            "federal ministry of the interior of austria",
            "bộ nội vụ liên bang áo",
            "bộ nội vụ áo",
            "kementerian dalam negeri austria",
            "kementerian hal ehwal dalam negeri austria",
        ],
        "AT",
    ),
    (
        "CCOS",
        "Commission for Combating Online Scams (Cambodia)",
        "คณะกรรมการปราบปรามการหลอกลวงทางออนไลน์กัมพูชา",
        "Ủy ban Chống lừa đảo trực tuyến Campuchia",
        [
            "คณะกรรมการปราบปรามการหลอกลวงทางออนไลน์ของกัมพูชา",
            "คณะกรรมการต่อต้านการหลอกลวงทางออนไลน์กัมพูชา",
            # Singular last words: a lower-case term also matches its plural ("… Scams").
            "commission for combating online scam",
            "commission for combatting online scam",
            "commission to combat online scam",
            "committee for combating online scam",
            "ủy ban chống lừa đảo trực tuyến campuchia",
            "uỷ ban chống lừa đảo trực tuyến campuchia",
            "ủy ban phòng chống lừa đảo trực tuyến campuchia",
            "uỷ ban phòng chống lừa đảo trực tuyến campuchia",
            "ban chống lừa đảo trực tuyến campuchia",
            "komisi pemberantasan penipuan online kamboja",
            "suruhanjaya memerangi penipuan dalam talian kemboja",
        ],
        "KH",
    ),
    (
        "AFP-PH",
        "Armed Forces of the Philippines",
        "กองทัพฟิลิปปินส์",
        "Lực lượng Vũ trang Philippines",
        [
            # Never the bare "AFP": the Australian Federal Police and the news agency.
            "armed forces of the philippines",
            "philippine armed forces",
            "philippine military",
            "lực lượng vũ trang philippines",
            "quân đội philippines",
            "angkatan bersenjata filipina",
            "militer filipina",
            "angkatan tentera filipina",
            "tentera filipina",
        ],
        "PH",
    ),
    (
        "URS-TH",
        "Border Intelligence Unit (Thailand)",
        "หน่วยข่าวกรองชายแดนไทย",
        "Đơn vị Tình báo Biên giới Thái Lan",
        [
            # Not the bare "URS", which names other things in English text.
            "Unit Risikan Sempadan",
            "thai border intelligence unit",
            "thailand's border intelligence unit",
            "unit intelijen perbatasan thailand",
            "đơn vị tình báo biên giới thái lan",
        ],
        "TH",
    ),
]

# Further aliases for agencies of the earlier vocabularies. Never a bare generic word (no bare
# "police", "ตำรวจ", "Ministry of Interior" or "Ministry of Home Affairs", which many countries
# have), nor an official's title.
AGENCY_ALIASES = {
    "PDRM": [
        "General Operations Force",
        "Narcotics Crime Investigation Department",
        "Narcotics Criminal Investigation Department",
        "Jabatan Siasatan Jenayah Narkotik",
        "JSJN",
        # The state contingents (Ibu Pejabat Polis Kontinjen Sabah, Polis Kontinjen Kelantan).
        "Polis Kontinjen",
    ],
    "RTN": [
        # The navy's Mekong riverine unit (นรข.เขตเชียงราย, นรข.เขตหนองคาย).
        "นรข.",
        "หน่วยเรือรักษาความสงบเรียบร้อยตามลำแม่น้ำโขง",
    ],
    "RTP": [
        # The Narcotics Suppression Bureau's usual short name.
        "ตำรวจปราบปรามยาเสพติด",
        "cảnh sát quốc gia thái lan",
    ],
    "MPS-LA": [
        # A Lao province's public security command (กองบัญชาการป้องกันความสงบ แขวงบ่อแก้ว).
        "กองบัญชาการป้องกันความสงบ",
    ],
    "MPS-VN": [
        # Provincial and city police departments are the ministry's (Công an tỉnh Long An,
        # Công an TP.HCM, Công an thành phố Hà Nội).
        "Công an tỉnh",
        "Công an TP",
        "Công an TPHCM",
        "Công an thành phố",
        "Công an Thành phố",
    ],
    "LM-LECC": [
        "trung tâm hợp tác an ninh hành pháp tổng hợp sông lan thương mê công",
        "trung tâm hợp tác an ninh hành pháp tổng hợp sông lan thương mê kông",
        "trung tâm hợp tác an ninh hành pháp tổng hợp lan thương mê công",
        "trung tâm hợp tác an ninh hành pháp tổng hợp lan thương mê kông",
        "trung tâm hành pháp sông lan thương mê công",
        "trung tâm hành pháp sông lan thương mê kông",
        "trung tâm hợp tác thực thi pháp luật và an ninh lan thương mê công",
    ],
    "DGI-ID": [
        # Indonesian news names the immigration service "Imigrasi" (surat ke Imigrasi, pihak
        # Imigrasi); longer names of other countries' services (Imigrasi Thailand) win there.
        "Imigrasi",
    ],
}
