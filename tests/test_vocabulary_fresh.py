"""The agencies and names the vocabulary extensions v3 and v4 add (from the fresh captures)
exist and are matched."""

import pytest

from articles.ingest import parse_article
from articles.models import Agency
from articles.vocabulary import load_vocabulary


def agencies_in(text: str) -> set[str]:
    return {s.key for s in parse_article(text, vocabulary=load_vocabulary()).agencies}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("acronym", "country"),
    [
        ("RTA", "TH"),
        ("PMTF", "TH"),
        ("SMCC", "TH"),
        ("NAVY-VN", "VN"),
        ("NNCC", "CN"),
        ("LCDC", "LA"),
        ("MOHA-MM", "MM"),
        ("MOJ-TH", "TH"),
        ("BMI-AT", "AT"),
        ("CCOS", "KH"),
        ("AFP-PH", "PH"),
        ("URS-TH", "TH"),
        ("NBI", "PH"),
        ("BI-PH", "PH"),
        ("ASEAN-NARCO", None),
        ("DBA-TH", "TH"),
        ("SB-HK", "HK"),
    ],
)
def test_the_new_agencies_exist_with_their_country(acronym, country):
    agency = Agency.objects.get(acronym=acronym)
    assert agency.country_id == country
    assert agency.name_th and agency.name_vi


@pytest.mark.django_db
def test_the_bare_acronyms_that_mean_other_things_are_not_aliases():
    assert "AFP" not in Agency.objects.get(acronym="AFP-PH").aliases
    assert "URS" not in Agency.objects.get(acronym="URS-TH").aliases


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "กองทัพบกและกองกำลังผาเมืองส่งกำลังพลลาดตระเวนชายแดนร่วมกับเจ้าหน้าที่ลาว "
            "เพื่อสกัดกั้นยาเสพติดที่ลักลอบข้ามแม่น้ำโขงเมื่อสัปดาห์ก่อน",
            {"RTA", "PMTF"},
        ),
        (
            "ผู้แทนกระทรวงยุติธรรมเปิดการประชุมที่ศูนย์ประสานงานแม่น้ำโขงปลอดภัย "
            "ร่วมกับคณะกรรมการควบคุมยาเสพติดแห่งชาติจีนและกระทรวงมหาดไทยเมียนมา",
            {"MOJ-TH", "SMCC", "NNCC", "MOHA-MM"},
        ),
        (
            "Tàu của Hải quân Nhân dân Việt Nam và Hải quân Hoàng gia Thái Lan hoàn thành "
            "đợt tuần tra chung trên vùng biển giáp ranh hai nước.",
            {"NAVY-VN", "RTN"},
        ),
        (
            "Ủy ban Chống lừa đảo trực tuyến Campuchia cho biết đã trao trả hơn 200 công dân "
            "nước ngoài bị giải cứu khỏi các cơ sở lừa đảo.",
            {"CCOS"},
        ),
        (
            "Officers of the Armed Forces of the Philippines met the Royal Thai Army and "
            "Austria's Interior Ministry to discuss smuggling routes.",
            {"AFP-PH", "RTA", "BMI-AT"},
        ),
        (
            "Polis Diraja Malaysia akan berkongsi maklumat dengan Unit Risikan Sempadan "
            "Thailand bagi membendung penyeludupan senjata api.",
            {"PDRM", "URS-TH"},
        ),
    ],
)
def test_the_importer_tags_the_new_agencies(text, expected):
    assert expected <= agencies_in(text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "Police in Manila arrested four people over a kidnapping plot, AFP reported on Sunday.",
        "Boats patrolled the Mekong at dawn, an AFP photographer in Chiang Rai said; the "
        "URS survey team had left the river port the day before.",
    ],
)
def test_afp_the_news_agency_is_not_the_philippine_armed_forces(text):
    found = agencies_in(text)
    assert "AFP-PH" not in found
    assert "URS-TH" not in found


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        (
            "The General Operations Force stepped up patrols along the Kelantan border.",
            "PDRM",
        ),
        ("Công an tỉnh An Giang tiếp nhận hai đối tượng bị truy nã từ phía bạn.", "MPS-VN"),
        ("ผบ.นรข.เขตหนองคาย นำเรือออกลาดตระเวนตามลำน้ำโขง", "RTN"),
        ("Petugas Imigrasi memeriksa paspor para WNA sebelum dideportasi.", "DGI-ID"),
    ],
)
def test_other_names_of_known_agencies(text, acronym):
    assert acronym in agencies_in(text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Agents of the National Bureau of Investigation arrested the fugitive in Manila.", "NBI"),
        ("สำนักงานความร่วมมือด้านยาเสพติดอาเซียน จัดสัมมนาเฝ้าระวังยาเสพติด", "ASEAN-NARCO"),
        ("พลโทพงศ์เทพ เจ้ากรมกิจการชายแดนทหาร ร่วมประชุมกับฝ่ายเมียนมา", "DBA-TH"),
        ("Hong Kong's Security Bureau said the victims had returned home.", "SB-HK"),
    ],
)
def test_the_second_fresh_sets_agencies_are_found(text, acronym):
    assert acronym in agencies_in(text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "(DS&PL) - Công an tỉnh phối hợp với cảnh sát Lào triệt phá đường dây ma túy.",
            "doi-song-phap-luat",
        ),
        (
            "The Irrawaddy could not independently verify the reports from the scam compounds.",
            "irrawaddy",
        ),
        ("(เบนาร์นิวส์) – ตำรวจไทยและมาเลเซียร่วมกันจับกุมผู้ต้องหาค้ามนุษย์ที่ชายแดน", "benarnews"),
        (
            "(CAO) Từ ngày 1-4/3/2022, tại thủ đô Phnom Pênh đã diễn ra hội nghị ASEANAPOL.",
            "cong-an-tphcm",
        ),
        (
            "NDO - Bộ Công an Việt Nam và Bộ Công an Trung Quốc tổ chức hội nghị lần thứ 7.",
            "nhan-dan",
        ),
    ],
)
def test_the_outlets_migrations_0002_and_0003_add_are_named(text, slug):
    parsed = parse_article(
        f"Police cooperate across borders\n\n{text}", vocabulary=load_vocabulary()
    )
    assert parsed.outlet.source_slug == slug


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "acronym"),
    [  # migration 0007
        ("Badan Nasional Penanggulangan Terorisme menggelar rapat dengan polisi Vietnam.", "BNPT"),
        ("The Philippine Coast Guard escorted the cargo ship back to port in Manila.", "PCG"),
        ("Hong Kong Police said the scam syndicate had moved its money through Malaysia.", "HKPF"),
        ("ผู้บัญชาการตำรวจแห่งชาติ เดินทางไปประชุมร่วมกับตำรวจกัมพูชา", "RTP"),
        ("ด่านตรวจคนเข้าเมืองจังหวัดตาก ส่งตัวชาวจีนกลับประเทศ", "IMB-TH"),
        # migration 0008: Laos's security forces; a province's "An ninh tỉnh" beside Laos
        ("Lực lượng An ninh Lào bắt giữ hai đối tượng vận chuyển ma túy qua biên giới.", "MPS-LA"),
        ("Công an tỉnh phối hợp với An ninh tỉnh Khăm Muộn (Lào) phá chuyên án ma túy.", "MPS-LA"),
        ("พล.ท.ธิรา แดหวา มทภ.4 ร่วมประชุมกับฝ่ายมาเลเซียที่ชายแดน", "RTA"),
    ],
)
def test_the_sixth_fresh_sets_agencies_are_found(text, acronym):
    assert acronym in agencies_in(text)


@pytest.mark.django_db
def test_a_provinces_security_is_laos_only_where_the_story_names_laos():
    assert "MPS-LA" not in agencies_in("An ninh tỉnh Quảng Trị tổ chức hội nghị về ma túy.")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A joint operation between Chinese and Laotian police freed the workers.",
         {"MPS-CN", "MPS-LA"}),
        ("Kerjasama polis Malaysia dan Thailand membanteras penyeludupan dadah.",
         {"PDRM", "RTP"}),
    ],
)  # fmt: skip
def test_one_noun_shared_by_two_countries_names_both_forces(text, expected):
    assert expected <= agencies_in(text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "slug"),
    [  # migration 0008
        ("TP - Hai cô gái bị lừa bán sang Trung Quốc được giải cứu và trở về với gia đình.",
         "tien-phong"),
        ("NDĐT - Bộ trưởng Công an ba nước Lào, Việt Nam và Campuchia họp bàn về ma túy.",
         "nhan-dan"),
    ],
)  # fmt: skip
def test_the_seventh_fresh_sets_bylines_name_their_outlets(text, slug):
    parsed = parse_article(
        f"Hợp tác phòng chống ma túy giữa ba nước láng giềng\n\n{text}",
        vocabulary=load_vocabulary(),
    )
    assert parsed.outlet.source_slug == slug


@pytest.mark.django_db
def test_no_name_stands_for_two_countries():
    from articles.models import Country

    owners: dict[str, set[str]] = {}
    for country in Country.objects.all():
        for name in {country.name_en, country.name_th, country.name_vi, *country.aliases}:
            if name:
                owners.setdefault(name.casefold(), set()).add(country.code)
    assert {name: codes for name, codes in owners.items() if len(codes) > 1} == {}


@pytest.mark.django_db
def test_a_story_about_nigeria_is_not_about_niger():
    parsed = parse_article(
        "Vietnam seizes ivory from Nigeria\n\nCustoms in Hai Phong seized eight tonnes of ivory "
        "and pangolin scales shipped from Nigeria, Vietnamese officials said.",
        vocabulary=load_vocabulary(),
    )
    assert {"NG", "VN"} <= {s.key for s in parsed.countries}
    assert "NE" not in {s.key for s in parsed.countries}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "acronym"),
    [  # migration 0009
        ("Officers of the Central Narcotics Bureau arrested two men at Woodlands.", "CNB"),
        ("ป.ป.ส. ประชุมร่วมกับคณะกรรมการกลางเพื่อควบคุมยาเสพติด เมียนมา", "CCDAC"),
        ("มณฑลทหารบกที่ 19 เตรียมรับคนไทยกลับจากกัมพูชา", "RTA"),
        ("Công an xã Lai Hòa cảnh báo người dân về lừa đảo việc làm ở Campuchia.", "MPS-VN"),
        ("BĐBP Tây Ninh phối hợp với Công an Tây Ninh bắt giữ 2 đối tượng tại Việt Nam.",
         "MPS-VN"),
        ("ป.ป.ส. หารือกับคณะกรรมาธิการควบคุมยาเสพติดแห่งชาติ สาธารณรัฐประชาชนจีน", "NNCC"),
        # and the ninth set's
        ("ศรชล.ภาค 1 ส่งเรือออกตรวจการณ์เรือประมงเวียดนามที่รุกล้ำน่านน้ำไทย", "THAI-MECC"),
        ("เจ้าหน้าที่ศุลกากรเวียดนามประจำท่าอากาศยานนอยไบตรวจพบเกล็ดลิ่น", "CUSTOMS-VN"),
        ("The Presidential Anti-Organized Crime Commission raided the hub in Pasay.", "PAOCC"),
        ("Jabatan Kastam Diraja Malaysia merampas 400 ekor haiwan di Langkawi.", "JKDM"),
        ("ตำรวจ สภ.ไทรโยค จับกุมแรงงานชาวเมียนมาที่ลักลอบเข้าเมือง", "RTP"),
        ("Laos police seized 1.5 tonnes of crystal methamphetamine near the border.", "MPS-LA"),
        # and the tenth's
        ("Malaysian and Indonesian navies will patrol the Malacca Strait together.", "TNI-AL"),
        ("ทหารพรานสกัดจับยาไอซ์ 21 กิโลกรัมที่ชายแดนมุกดาหาร", "RTA"),
        ("Officers of the Narcotics Anti Drugs Agency (NADA) met BNN in Kuala Lumpur.", "AADK"),
        # and the eleventh's
        ("เจ้าหน้าที่ศุลกากรสนามบินสุวรรณภูมิของไทยจับกุมชาวอินเดียลักลอบขนสัตว์ป่า", "CUSTOMS-TH"),
        ("ผู้แทนกระทรวงสันติบาลจีนร่วมประชุมที่หนานหนิง", "MPS-CN"),
        ("Cảnh sát Phnom Penh đã bắt giữ bốn nghi phạm trong đường dây bán thận.", "CNP"),
        # and the twelfth's
        ("Polrestabes Surabaya menyerahkan sembilan WNA asal China kepada Imigrasi.", "POLRI"),
        ("Bareskrim menangkap buronan kasus narkoba yang kabur ke Malaysia.", "POLRI"),
        ("Border Patrol Police Unit 346 handed the suspects to Myanmar officials.", "RTP"),
        ("ผบก.ภ.จว.อุดรธานี ร่วมประชุมกับเจ้าหน้าที่ลาว", "RTP"),
    ],
)  # fmt: skip
def test_the_eighth_fresh_sets_agencies_are_found(text, acronym):
    assert acronym in agencies_in(text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Hơn 600 người Trung Quốc rời Myanmar, theo ghi nhận của Hãng tin AFP tại Mae Sot.",
         False),
        ("The AFP and Thai police arrested the Australian fugitive in Pattaya.", True),
    ],
)  # fmt: skip
def test_afp_is_australias_police_only_where_the_story_names_australia(text, found):
    assert ("AFP" in agencies_in(text)) is found


@pytest.mark.django_db
def test_the_narcotics_boards_own_page_names_it_as_outlet():
    parsed = parse_article(
        "ป.ป.ส. เข้าร่วมประชุมเครือข่ายข้อมูลเฝ้าระวังยาเสพติดอาเซียน\n\n"
        "หน่วยงาน : สำนักงานคณะกรรมการป้องกันและปราบปรามยาเสพติด\n\n"
        "เลขาธิการ ป.ป.ส. มอบหมายให้ผู้แทนเข้าร่วมการประชุมเครือข่ายข้อมูลเฝ้าระวังยาเสพติดอาเซียน "
        "ครั้งที่ 18 เพื่อนำเสนอสถานการณ์ยาเสพติดในภูมิภาคร่วมกับประเทศสมาชิกอาเซียน",
        vocabulary=load_vocabulary(),
    )
    assert parsed.outlet.source_slug == "oncb"


@pytest.mark.django_db
def test_a_logos_alternative_text_names_the_outlet():
    parsed = parse_article(
        "นรข.เขตเชียงรายป้องกันลักลอบขนยาเสพติดช่วงสงกรานต์\n\nLogo Thai PBS\n\n"
        "หน่วยเรือรักษาความสงบเรียบร้อยตามลำแม่น้ำโขงเขตเชียงรายคุมเข้มตลอดแนวชายแดนไทย-ลาว "
        "เพื่อป้องกันการลักลอบขนยาเสพติดเข้ามาในฝั่งไทยในช่วงเทศกาลสงกรานต์",
        vocabulary=load_vocabulary(),
    )
    assert parsed.outlet.source_slug == "thai-pbs"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "slug"),
    [  # migration 0009
        ("KUALA LUMPUR: Polis menahan dua suspek.\n\n"
         "Muat turun aplikasi Sinar Harian. Klik di sini!", "sinar-harian"),
        ("(TBTCO) - Hải quan Tân Sơn Nhất bắt giữ 4,5 kg cocaine của hành khách Thái Lan.",
         "thoi-bao-tai-chinh-viet-nam"),
        ("Cambodia deported 142 Chinese nationals, an immigration spokesman told RFA’s Khmer "
         "Service.", "rfa"),
        ("(NLĐO) - Công an bắt giữ và bàn giao đối tượng truy nã cho cảnh sát Trung Quốc.",
         "nguoi-lao-dong"),
    ],
)  # fmt: skip
def test_the_tenth_fresh_sets_outlets_are_named(text, slug):
    parsed = parse_article(
        f"Police cooperate across the border\n\n{text}", vocabulary=load_vocabulary()
    )
    assert parsed.outlet.source_slug == slug


@pytest.mark.django_db
def test_marine_police_are_malaysias_only_beside_malaysia():
    assert "PDRM" not in agencies_in("Polis Marin Brunei merampas 140 tin minuman keras.")
    assert "PDRM" in agencies_in("Polis Marin menahan bot itu di perairan Malaysia.")
