"""Topic descriptions and outlet names in Thai and Vietnamese, for readers of those languages,
frozen for the migration that loads them.

Every topic's description in Thai and Vietnamese; for outlets, the name an outlet goes by in
Thai or Vietnamese where it has one of its own (Thai outlets' Thai names, Vietnamese outlets'
Vietnamese ones, international bodies' official names). An outlet without one keeps the field
empty and readers see its usual name.
"""

TOPIC_DESCRIPTIONS = {
    # slug: (Thai, Vietnamese)
    "agreement": (
        "บันทึกความเข้าใจ หนังสือแสดงเจตจำนงความร่วมมือ สนธิสัญญา และความตกลงอื่น ๆ",
        "Bản ghi nhớ, văn bản hợp tác, hiệp ước và các thỏa thuận khác.",
    ),
    "capacity-building": (
        "การฝึกอบรม หลักสูตร การประชุมเชิงปฏิบัติการ และอุปกรณ์ที่ช่วยเสริมศักยภาพของหน่วยงานคู่ความร่วมมือ",
        "Đào tạo, khóa học, hội thảo tập huấn và trang thiết bị giúp nâng cao năng lực của các đối tác.",
    ),
    "information-sharing": (
        "การแลกเปลี่ยนข่าวกรอง ข้อมูล และข้อมูลคดีระหว่างหน่วยงาน",
        "Trao đổi tin tình báo, dữ liệu và thông tin vụ án giữa các cơ quan.",
    ),
    "joint-operation": (
        "การสืบสวนร่วม การจับกุม การบุกตรวจค้น และการส่งผู้ร้ายข้ามแดนที่ดำเนินการร่วมกัน",
        "Các cuộc điều tra, bắt giữ, đột kích và dẫn độ được phối hợp thực hiện.",
    ),
    "meeting": (
        "การประชุม การหารือ การเยือนอย่างเป็นทางการ และการเข้าเยี่ยมคารวะ",
        "Hội nghị, đối thoại, chuyến thăm chính thức và các buổi chào xã giao.",
    ),
    "victim-support": (
        "การคัดแยก คุ้มครอง ส่งต่อ และส่งกลับผู้เสียหาย",
        "Xác minh, bảo vệ, chuyển giao hỗ trợ và hồi hương nạn nhân.",
    ),
    "border-management": (
        "การควบคุมชายแดน จุดผ่านแดน และความร่วมมือข้ามพรมแดนระหว่างประเทศเพื่อนบ้าน",
        "Kiểm soát biên giới, cửa khẩu và hợp tác xuyên biên giới giữa các nước láng giềng.",
    ),
    "online-scams": (
        "แก๊งคอลเซ็นเตอร์ ฐานที่ตั้งของขบวนการต้มตุ๋น และการหลอกลวงทางออนไลน์ ทั้งหลอกให้รักและหลอกให้ลงทุน",
        "Các băng nhóm lừa đảo qua điện thoại, các khu tổ hợp lừa đảo, lừa đảo tình cảm và lừa đảo đầu tư trực tuyến.",
    ),
    "cybercrime": (
        "การเจาะระบบ มัลแวร์เรียกค่าไถ่ การพนันออนไลน์ และอาชญากรรมอื่นที่ใช้คอมพิวเตอร์",
        "Tấn công xâm nhập, mã độc tống tiền, cờ bạc trực tuyến và các tội phạm khác sử dụng máy tính.",
    ),
    "drug-trafficking": (
        "การผลิต การลักลอบขน และการค้ายาเสพติด รวมถึงความร่วมมือในการปราบปราม",
        "Sản xuất, vận chuyển trái phép và mua bán ma túy, cùng sự hợp tác phòng, chống các hoạt động này.",
    ),
    "economic-crime": (
        "การฉ้อโกง การทุจริตคอร์รัปชัน การปลอมแปลง การลักลอบนำเข้าสินค้า และความผิดทางภาษี",
        "Gian lận, tham nhũng, làm hàng giả, buôn lậu hàng hóa và tội phạm về thuế.",
    ),
    "human-trafficking": (
        "การค้ามนุษย์ การบังคับใช้แรงงาน และการแสวงประโยชน์ทางเพศข้ามพรมแดน",
        "Mua bán người, lao động cưỡng bức và bóc lột tình dục xuyên biên giới.",
    ),
    "illegal-migration": (
        "การย้ายถิ่นแบบไม่ปกติและการลักลอบขนผู้ย้ายถิ่น",
        "Di cư bất hợp pháp và đưa người di cư trái phép qua biên giới.",
    ),
    "maritime-security": (
        "โจรสลัด การปล้นเรือในทะเล การทำประมงผิดกฎหมาย และการลักลอบขนของทางทะเล",
        "Cướp biển, cướp có vũ trang trên biển, đánh bắt cá bất hợp pháp và buôn lậu đường biển.",
    ),
    "money-laundering": (
        "การฟอกเงินจากการกระทำความผิด การสนับสนุนทางการเงินแก่การก่อการร้าย และการติดตามยึดทรัพย์สินคืน",
        "Rửa tiền thu được từ tội phạm, tài trợ khủng bố và thu hồi tài sản.",
    ),
    "terrorism": (
        "การก่อการร้ายและแนวคิดสุดโต่งที่นิยมความรุนแรง รวมถึงการสนับสนุนทางการเงินแก่ทั้งสองอย่าง",
        "Khủng bố và chủ nghĩa cực đoan bạo lực, cùng việc tài trợ cho chúng.",
    ),
    "wildlife-trafficking": (
        "การค้าสัตว์ป่า ไม้ และพืชและสัตว์ใกล้สูญพันธุ์อย่างผิดกฎหมาย",
        "Buôn bán trái phép động vật hoang dã, gỗ và các loài nguy cấp.",
    ),
}

# slug: Thai name. Thai outlets and bodies by the name they print, and international bodies by
# their official Thai names.
SOURCE_NAMES_TH = {
    "amarin-tv": "อมรินทร์ทีวี",
    "australian-embassy-thailand": "สถานเอกอัครราชทูตออสเตรเลียประจำประเทศไทย",
    "bangkok-post": "บางกอกโพสต์",
    "ch3": "ช่อง 3",
    "ch7": "ช่อง 7HD",
    "dailynews": "เดลินิวส์",
    "inn-news": "สำนักข่าวไอเอ็นเอ็น",
    "isranews": "สำนักข่าวอิศรา",
    "khaosod": "ข่าวสด",
    "komchadluek": "คมชัดลึก",
    "manager-online": "ผู้จัดการออนไลน์",
    "matichon": "มติชน",
    "mcot": "สำนักข่าวไทย อสมท",
    "mfa-thailand": "กระทรวงการต่างประเทศ",
    "naewna": "แนวหน้า",
    "nation-tv": "เนชั่นทีวี",
    "oncb": "สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด (ป.ป.ส.)",
    "post-today": "โพสต์ทูเดย์",
    "pptv": "พีพีทีวี",
    "prachachat": "ประชาชาติธุรกิจ",
    "royal-thai-police": "สำนักงานตำรวจแห่งชาติ",
    "sanook": "สนุกดอทคอม",
    "siamrath": "สยามรัฐ",
    "spring-news": "สปริงนิวส์",
    "thai-pbs": "ไทยพีบีเอส",
    "thai-post": "ไทยโพสต์",
    "thai-tv5": "ททบ.5",
    "thaigov": "รัฐบาลไทย – ข่าวทำเนียบรัฐบาล",
    "thaipublica": "ไทยพับลิก้า",
    "thairath": "ไทยรัฐ",
    "thansettakij": "ฐานเศรษฐกิจ",
    "the-bangkok-insight": "เดอะ บางกอก อินไซต์",
    "the-nation-thailand": "เดอะเนชั่น",
    "the-standard": "เดอะสแตนดาร์ด",
    "tnn": "ทีเอ็นเอ็น ช่อง 16",
    "workpoint-today": "เวิร์คพอยท์ทูเดย์",
    # Its own Thai service's name.
    "xinhua": "สำนักข่าวซินหัว",
    "asean": "สำนักเลขาธิการอาเซียน",
    "interpol": "องค์การตำรวจอาชญากรรมระหว่างประเทศ (อินเตอร์โพล)",
    "unodc": "สำนักงานว่าด้วยยาเสพติดและอาชญากรรมแห่งสหประชาชาติ (UNODC)",
}

# slug: Vietnamese name, where it differs from the usual name (most Vietnamese outlets already
# go by their Vietnamese names).
SOURCE_NAMES_VI = {
    "antv": "Truyền hình Công an nhân dân (ANTV)",
    "biengioilanhtho": "Biên giới lãnh thổ (Ủy ban Biên giới quốc gia)",
    "bocongan": "Bộ Công an Việt Nam",
    "vgp": "Cổng Thông tin điện tử Chính phủ",
    "vna": "Thông tấn xã Việt Nam (TTXVN)",
    "vov": "Đài Tiếng nói Việt Nam (VOV)",
    "vtv": "Đài Truyền hình Việt Nam (VTV)",
    # Its own Vietnamese service's name.
    "cmg": "Tổng Đài Phát thanh và Truyền hình Trung ương Trung Quốc (CRI tiếng Việt)",
    "asean": "Ban Thư ký ASEAN",
    "interpol": "Tổ chức Cảnh sát Hình sự Quốc tế (INTERPOL)",
    "unodc": "Văn phòng Liên Hợp Quốc về Ma túy và Tội phạm (UNODC)",
}
