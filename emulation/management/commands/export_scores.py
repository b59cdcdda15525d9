"""Export the stored scores of one campaign and period as CSV or Excel: one row per unit and indicator, then TONG."""

import csv
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.table_export import csv_cell, put
from emulation.models import Campaign, IndicatorScore, UnitScore
from emulation.plan.periods import Period, PeriodInvalid, parse_period
from emulation.reports.selectors import applicable_indicators
from emulation.scores.overview import latest_accepted_month

HEADER = ["ma_don_vi", "ma_chi_tieu", "gia_tri", "dat", "diem", "diem_toi_da", "thu_hang"]
TOTAL_CODE = "TONG"


def score_rows(campaign: Campaign, period: Period) -> list[list]:
    """The export's rows (no header), typed: Decimal, int or None; raise CommandError when nothing is stored."""
    totals = {row.unit_id: row for row in UnitScore.objects.filter(campaign=campaign, period=period.key)}
    if not totals:
        raise CommandError(
            f"Chưa có điểm đã tính cho kỳ {period.key} của {campaign.code}; "
            f"hãy chạy: python manage.py recompute_scores --campaign {campaign.code}"
        )
    stored = {
        (row.unit_id, row.indicator_id): row
        for row in IndicatorScore.objects.filter(campaign=campaign, period=period.key)
    }
    zero = Decimal("0.00")
    rows: list[list] = []
    total_rows: list[list] = []
    for unit in campaign.participants.order_by("order", "name"):
        for indicator in applicable_indicators(campaign, unit):
            score = stored.get((unit.pk, indicator.pk))
            if score is None or not score.has_data:
                value = score.value if score is not None else None
                rows.append([unit.code, indicator.code, value, None, zero, zero, None])
            else:
                met = None if score.met is None else int(score.met)
                rows.append([unit.code, indicator.code, score.value, met, score.points, score.max_points, None])
        total = totals.get(unit.pk)
        if total is not None:
            total_rows.append([unit.code, TOTAL_CODE, total.score, None, total.total, total.max_points, total.rank])
        else:
            total_rows.append([unit.code, TOTAL_CODE, None, None, zero, zero, None])
    # Every unit's indicator rows, then one TONG row per unit (the layout).
    return rows + total_rows


class Command(BaseCommand):
    help = (
        "Xuất điểm đã tính của một phong trào theo kỳ (2026-03, 2026-Q1, 2026-YTD, 2026) ra CSV hoặc Excel. "
        "Điểm được đọc từ dữ liệu đã lưu: chạy recompute_scores trước nếu chưa có."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--campaign", required=True, help="Mã phong trào, ví dụ CCHC-2026.")
        parser.add_argument("--period", required=True, help="Kỳ: 2026-03 | 2026-Q1 | 2026-YTD | 2026.")
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help="csv hoặc xlsx.")
        parser.add_argument("-o", "--output", type=Path, help="Tệp ghi ra (mặc định: màn hình; bắt buộc với xlsx).")

    def handle(self, *args, campaign: str, period: str, format: str, output: Path | None, **options) -> None:
        target = Campaign.objects.filter(code=campaign).first()
        if target is None:
            raise CommandError(f"Không có phong trào mã “{campaign}”.")
        if format == "xlsx" and output is None:
            raise CommandError("Xuất Excel cần chỉ rõ tệp ghi ra bằng -o.")
        latest = latest_accepted_month(target)
        try:
            chosen = parse_period(period, latest_accepted=latest)
        except PeriodInvalid as exc:
            raise CommandError(str(exc)) from None
        rows = score_rows(target, chosen)
        if format == "xlsx":
            self._write_xlsx(rows, output, chosen)
        elif output is None:
            self._write_csv(rows, self.stdout)
        else:
            with output.open("w", newline="", encoding="utf-8") as handle:
                self._write_csv(rows, handle)
        if output is not None:
            self.stderr.write(f"Đã ghi {len(rows)} dòng ({chosen.label}) vào {output}.")

    def _write_csv(self, rows: list[list], stream) -> None:
        target = _StdoutWriter(self.stdout) if stream is self.stdout else stream
        writer = csv.writer(target, lineterminator="\n")
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([csv_cell(cell, places=2) for cell in row])

    def _write_xlsx(self, rows: list[list], output: Path, period: Period) -> None:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = period.key
        for row_number, row in enumerate([HEADER, *rows], start=1):
            for column, value in enumerate(row, start=1):
                put(sheet, row_number, column, value)  # a text is written as text, never as a formula
        for cells in sheet.iter_rows(min_row=2, min_col=3, max_col=6):
            for cell in cells:
                if isinstance(cell.value, Decimal | float) and cell.column != 4:
                    cell.number_format = "0.00"
        book.save(output)


class _StdoutWriter:
    """Lets csv.writer write through the command's stdout (which tests capture) without extra newlines."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        self.stream.write(text, ending="")
