"""Demo history for `seed_demo`: the awards the ward chairman decided for last year (the campaign's year before),
and one thematic Giấy khen of this year (so a second proposal for the same achievement is caught),
entered as the secretariat would enter paper decisions, so that the award pages, the search and the duplicate
check have something to find. Fictional people of the demo ward (data/wards/nam-gia-nghia-demo.yaml); never used
by the portal itself. Safe to run twice: an award already there is left alone.
"""

from datetime import date

from awards.history.models import Award
from awards.history.services import award_duplicate, award_record
from units.models import Official, Unit
from units.selectors import ward_root

LDTT = "Lao động tiên tiến"
GIAY_KHEN = "Giấy khen của Chủ tịch UBND phường"
# (decision number, day and month of December, title, officials by name or units by code)
DECISIONS = [
    (
        "214/QĐ-UBND",
        15,
        LDTT,
        [
            "Đỗ Thị Hạnh",
            "Phan Quốc Huy",
            "Lý Thị Hương",
            "Vương Thị Gấm",
            "Tạ Minh Hiếu",
            "Quách Văn Nam",
            "La Văn Sơn",
            "Cao Thị Thảo",
            "Hà Thị Xuân",
        ],
    ),
    ("215/QĐ-UBND", 18, GIAY_KHEN, ["Đỗ Thị Hạnh", "Cao Thị Thảo", "Ngô Thị Diệu"]),
    ("216/QĐ-UBND", 18, GIAY_KHEN, ["TTPVHCC", "VP"]),
]
# This year's thematic Giấy khen, decided before the yearly dossiers (the duplicate check finds it when his unit
# proposes him again for the same year): decision, date, title, names, achievement period.
THIS_YEAR = [
    ("152/QĐ-UBND", (9, 15), GIAY_KHEN, ["Trịnh Văn Khải"], ((1, 1), (8, 31))),
]


def history_demo_load(*, campaign, clerk) -> str:
    """Enter last year's decided awards of the demo's units and officials (those the demo ward has); returns the
    line seed_demo prints."""
    year = campaign.year - 1
    root = ward_root()
    issuer = f"Chủ tịch {root.short_name}" if root is not None else "Chủ tịch UBND phường"
    officials = {o.full_name: o for o in Official.objects.select_related("unit__parent", "position")}
    units = {u.code: u for u in Unit.objects.select_related("parent")}
    rows = [
        (number, date(year, 12, day), title, names, (date(year, 1, 1), date(year, 12, 31)))
        for number, day, title, names in DECISIONS
    ]
    rows += [
        (number, date(campaign.year, *md), title, names, (date(campaign.year, *start), date(campaign.year, *end)))
        for number, md, title, names, (start, end) in THIS_YEAR
    ]
    added = 0
    for number, decided, title, names, (start, end) in rows:
        for name in names:
            official, unit = officials.get(name), units.get(name)
            if official is None and unit is None:
                continue  # a demo ward edited by an admin: its people are theirs
            who = {"official": official, "unit": unit}
            if award_duplicate(**who, decision_number=number, decision_date=decided, title=title) is not None:
                continue
            award_record(
                actor=clerk,
                **who,
                year=decided.year,
                title=title,
                decision_number=number,
                decision_date=decided,
                issuer=issuer,
                period_start=start,
                period_end=end,
                source=Award.Source.MANUAL,
            )
            added += 1
    return f"Khen thưởng đã quyết định (năm {year} và đợt chuyên đề năm {campaign.year}): thêm {added}."
