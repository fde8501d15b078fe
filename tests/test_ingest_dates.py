import datetime

import pytest

from articles.ingest.dates import find_dates

D = datetime.date


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("ระหว่างวันที่ 1 – 5 มี.ค.65", D(2022, 3, 1), D(2022, 3, 5)),
        ("เมื่อวันที่ ๒ พฤษภาคม ๒๕๖๐ กระทรวง", D(2017, 5, 2), None),
        ("วันที่นำเข้าข้อมูล 5 พ.ค. 2560", D(2017, 5, 5), None),
        ("23 ตุลาคม 2020", D(2020, 10, 23), None),
        ("30 มี.ค. – 2 เม.ย. 2565", D(2022, 3, 30), D(2022, 4, 2)),
        ("ระหว่างวันที่ ๒๒ – ๒๗ พฤษภาคม ๒๕๖๐", D(2017, 5, 22), D(2017, 5, 27)),
        ("12 ส.ค. พ.ศ. 2566", D(2023, 8, 12), None),
        ("Sáng 29/5/2023, tại Hà Nội", D(2023, 5, 29), None),
        ("từ 1-5/3/2023", D(2023, 3, 1), D(2023, 3, 5)),
        ("ngày 29 tháng 5 năm 2023", D(2023, 5, 29), None),
        ("On 5 March 2022 police met", D(2022, 3, 5), None),
        ("held March 1-5, 2021 in Bangkok", D(2021, 3, 1), D(2021, 3, 5)),
        ("Posted 2024-01-31", D(2024, 1, 31), None),
        ("2023.12.04", D(2023, 12, 4), None),
        ("Ngày: 5/17/2025 6:16:11 PM", D(2025, 5, 17), None),  # only the month can come first
        ("pada 16 Januari hingga 22 Februari 2026.", D(2026, 1, 16), D(2026, 2, 22)),
        ("from 30 March – 2 April 2024", D(2024, 3, 30), D(2024, 4, 2)),
        ("LYON, 30 décembre 2016", D(2016, 12, 30), None),
    ],
)
def test_dates_are_read_in_the_common_era(text, first, last):
    (mention,) = find_dates(text)
    assert mention.first() == first
    assert mention.last() == last


def test_a_date_without_a_year_is_never_completed():
    (mention,) = find_dates("กรุงเทพฯ 17 ก.พ. – จเรตำรวจแห่งชาติ")
    assert (mention.start_day, mention.start_month, mention.year) == (17, 2, None)
    assert mention.first() is None
    assert mention.text == "17 ก.พ."


def test_mention_text_keeps_thai_digits_as_written():
    (mention,) = find_dates("วันที่ ๒ พฤษภาคม ๒๕๖๐")
    assert mention.text == "๒ พฤษภาคม ๒๕๖๐"


@pytest.mark.parametrize(
    "text",
    ["(6/2013 - 6/2023)", "31 ก.พ. 2565", "พ.ศ. 2565", "ครั้งที่ 40", "5 ประเทศ", "Room 12/3", ""],
)
def test_things_that_are_not_dates(text):
    assert find_dates(text) == []


def test_years_outside_the_plausible_range_are_ignored():
    assert find_dates("5 March 1850") == []
    assert find_dates("5 มีนาคม 2999", max_year=2027) == []


def test_dates_come_in_reading_order():
    found = find_dates("ประชุม 2 พ.ค. 2560 และอีกครั้ง 22 – 27 พฤษภาคม 2560; 1/6/2017")
    assert [m.first() for m in found] == [D(2017, 5, 2), D(2017, 5, 22), D(2017, 6, 1)]
