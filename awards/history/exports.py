"""Awards out, in the layout the province asks for (Họ và tên / Tên tập thể, Đơn vị, Chức vụ, Danh hiệu/Hình thức
khen thưởng, Số quyết định, Ngày quyết định, Cơ quan quyết định, Năm), as CSV or .xlsx through core.table_export.

Each award is written as it was at award time (the snapshot), dates as dd/mm/yyyy; only awards in force go out
(a revoked award is no award to report).
"""

from collections.abc import Iterable

from awards.history.models import Award
from core.table_export import Table

HEADER = [
    "Họ và tên / Tên tập thể",
    "Đơn vị",
    "Chức vụ",
    "Danh hiệu/Hình thức khen thưởng",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan quyết định",
    "Năm",
]


def awards_table(awards: Iterable[Award], *, title: str) -> Table:
    """The awards in force among `awards`, one row each, under `title` (which says what was searched)."""
    rows = [
        [
            award.name,
            award.unit_name,
            award.position,
            award.title,
            award.decision_number,
            f"{award.decision_date:%d/%m/%Y}",
            award.issuer,
            award.year,
        ]
        for award in awards
        if not award.is_revoked
    ]
    return Table(title=title, headers=HEADER, rows=rows)
