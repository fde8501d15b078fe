"""Eighth extension of the vocabulary, frozen for the migration that loads it.

What the sixth fresh set of captures names that the lists lacked: Xinhua as Thai pages also
spell it (ซินหวา); four agencies (Indonesia's counter-terrorism agency BNPT, the Philippine
Coast Guard, the Hong Kong Police Force, the Royal Cambodian Gendarmerie); and Thai forms of
Thai agencies that the stories write by their officers' titles or offices (the national
police's commissioner, an immigration checkpoint, an army region's commander, the justice
minister). Only adds.
"""

SOURCE_ALIASES = {
    "xinhua": ["ซินหวา", "สำนักข่าวซินหวา"],
}

# acronym, English, Thai, Vietnamese, aliases, country
NEW_AGENCIES = [
    ("BNPT", "National Counter Terrorism Agency (Indonesia)", "", "Cơ quan Chống khủng bố Quốc gia Indonesia",
     ["Badan Nasional Penanggulangan Terorisme", "Indonesia's National Counter Terrorism Agency",
      "National Counter Terrorism Agency", "Cơ quan chống khủng bố quốc gia Indonesia"], "ID"),
    ("PCG", "Philippine Coast Guard", "หน่วยยามฝั่งฟิลิปปินส์", "Lực lượng Bảo vệ bờ biển Philippines",
     ["Philippine Coast Guard", "Philippines Coast Guard", "Pengawal Pantai Filipina",
      "Penjaga Pantai Filipina", "Cảnh sát biển Philippines"], "PH"),
    ("HKPF", "Hong Kong Police Force", "ตำรวจฮ่องกง", "Cảnh sát Hồng Kông",
     ["Hong Kong Police", "Hong Kong police", "Polis Hong Kong", "Kepolisian Hong Kong",
      "cảnh sát Hồng Kông"], "HK"),
    ("RCG", "Royal Cambodian Gendarmerie", "ตำรวจภูธรกัมพูชา", "Hiến binh Hoàng gia Campuchia",
     ["Royal Gendarmerie of Cambodia", "Cambodian Gendarmerie", "Cambodian military police",
      "Hiến binh Campuchia", "Gendarmerie Diraja Kemboja"], "KH"),
]  # fmt: skip

AGENCY_ALIASES = {
    "RTP": ["ตำรวจแห่งชาติ", "ผู้บัญชาการตำรวจแห่งชาติ"],
    "IMB-TH": ["ตรวจคนเข้าเมือง", "ด่านตรวจคนเข้าเมือง"],
    "RTA": ["แม่ทัพภาคที่ 1", "แม่ทัพภาคที่ 2", "แม่ทัพภาคที่ 3", "แม่ทัพภาคที่ 4"],
    "MOJ-TH": ["รมว.ยุติธรรม"],
}
