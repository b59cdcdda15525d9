"""Helpers shared by the award history tests: an award entered as the secretariat would, and a revoking decision
(as the decisions wing will issue them). No tests here; the test_history_* modules import what they need."""

from datetime import date

from awards.history.models import Award
from awards.history.services import award_record

ISSUER = "Chủ tịch UBND phường Nam Gia Nghĩa"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The import's layout, written out here rather than taken from the code it tests.
HEADER = [
    "Mã đơn vị",
    "Họ và tên",
    "Mã cán bộ",
    "Năm",
    "Danh hiệu/Hình thức khen thưởng",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan quyết định",
    "Thành tích từ ngày",
    "Thành tích đến ngày",
]


def record(actor, **changes) -> Award:
    """Lao động tiên tiến 2025 by decision 214/QĐ-UBND of 15/12/2025, with `changes` (official= or unit=)."""
    values = {
        "year": 2025,
        "title": "Lao động tiên tiến",
        "decision_number": "214/QĐ-UBND",
        "decision_date": date(2025, 12, 15),
        "issuer": ISSUER,
        "period_start": date(2025, 1, 1),
        "period_end": date(2025, 12, 31),
    }
    return award_record(actor=actor, **(values | changes))


def revoke(award: Award, *, issuer_unit, signer, number: int = 3, on: date = date(2026, 2, 10)):
    """A revocation decision (as the decisions wing issues them) marking `award` revoked."""
    from awards.decisions.models import Decision

    decision = Decision.objects.create(
        kind=Decision.Kind.REVOCATION,
        issuer=issuer_unit,
        year=on.year,
        number=number,
        issued_on=on,
        title="Thu hồi khen thưởng",
        signer_title="Chủ tịch UBND phường",
        signer_name="Nguyễn Văn An",
        reason="Khen nhầm.",
        issued_by=signer,
    )
    Award.objects.filter(pk=award.pk).update(revoked_by=decision)
    award.refresh_from_db()
    return decision
