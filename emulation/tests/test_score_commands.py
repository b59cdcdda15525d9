"""The recompute_scores and export_scores commands: exact CSV layout, TONG rows, YTD, Excel, errors."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from emulation.models import IndicatorScore, UnitScore
from emulation.tests.conftest import two_months_accepted

HEADER = "ma_don_vi,ma_chi_tieu,gia_tri,dat,diem,diem_toi_da,thu_hang"


@pytest.fixture
def recomputed(campaign, ward, sam):
    two_months_accepted(campaign, ward, sam)
    out = StringIO()
    call_command("recompute_scores", campaign=campaign.code, stdout=out)
    assert f"{5 * 15 * 29} dòng" in out.getvalue()
    return campaign


def export(*args: str) -> list[str]:
    out = StringIO()
    call_command("export_scores", *args, stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()


def test_csv_quarter_rows_and_totals(recomputed):
    lines = export("--campaign", "CCHC-2026", "--period", "2026-Q1", "--format", "csv")
    assert lines[0] == HEADER
    assert len(lines) == 1 + 5 * (15 + 1)
    assert lines[1] == "VP,1.1,8.50,1,8.50,10.00,"
    assert "VP,1.2a,63.33,0,3.17,5.00," in lines
    assert "VP,1.2b,,,0.00,0.00," in lines  # no figures
    assert "VP,1.5c,220.00,,0.00,0.00," in lines  # a value, but nothing to compare it with
    assert lines[76] == "VP,TONG,77.80,,11.67,15.00,2"  # 75 indicator rows first, then the totals
    assert "KTHTDT,TONG,88.33,,13.25,15.00,1" in lines
    assert "VHXH,TONG,50.00,,7.50,15.00,3" in lines
    assert "TTDVTH,TONG,,,0.00,0.00," in lines
    units = ["VP", "KTHTDT", "VHXH", "TTPVHCC", "TTDVTH"]
    assert [line.split(",")[0] for line in lines[1:76:15]] == units
    assert [line.split(",")[:2] for line in lines[76:]] == [[unit, "TONG"] for unit in units]


def test_csv_month_shows_the_rising_comparison(recomputed):
    lines = export("--campaign", "CCHC-2026", "--period", "2026-02")
    assert "VP,1.5c,120.00,1,5.00,5.00," in lines
    assert "KTHTDT,1.5c,40.00,0,0.00,5.00," in lines
    assert "VP,TONG,82.50,,16.50,20.00,1" in lines


def test_year_to_date_stops_at_the_latest_accepted_month(recomputed, tmp_path):
    target = tmp_path / "ytd.csv"
    call_command(
        "export_scores", "--campaign", "CCHC-2026", "--period", "2026-YTD", "-o", str(target), stderr=StringIO()
    )
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER
    assert "VP,TONG,77.80,,11.67,15.00,2" in lines  # January and February only


def test_xlsx_needs_a_file_and_holds_the_same_rows(recomputed, tmp_path):
    with pytest.raises(CommandError, match="-o"):
        export("--campaign", "CCHC-2026", "--period", "2026-Q1", "--format", "xlsx")
    target = tmp_path / "q1.xlsx"
    call_command(
        "export_scores",
        "--campaign",
        "CCHC-2026",
        "--period",
        "2026-Q1",
        "--format",
        "xlsx",
        "-o",
        str(target),
        stderr=StringIO(),
    )
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER.split(",")
    assert rows[76][:2] == ("VP", "TONG") and float(rows[76][2]) == 77.8 and rows[76][6] == 2


def test_export_without_stored_scores_says_to_recompute(campaign, ward, sam):
    two_months_accepted(campaign, ward, sam)
    with pytest.raises(CommandError, match="recompute_scores"):
        export("--campaign", "CCHC-2026", "--period", "2026-Q1")


def test_export_refuses_a_bad_period_or_campaign(recomputed):
    with pytest.raises(CommandError, match="không hợp lệ"):
        export("--campaign", "CCHC-2026", "--period", "2026-Q7")
    with pytest.raises(CommandError, match="NOPE"):
        export("--campaign", "NOPE", "--period", "2026-Q1")


def test_recompute_command_is_idempotent(recomputed):
    before = list(UnitScore.objects.order_by("pk").values_list("unit_id", "period", "total", "score", "rank"))
    call_command("recompute_scores", stdout=StringIO())
    after = list(UnitScore.objects.order_by("pk").values_list("unit_id", "period", "total", "score", "rank"))
    assert sorted(after) == sorted(before)
    assert IndicatorScore.objects.count() == 5 * 15 * 29


# A13: a unit code is typed by the admin; both formats must write it as text, never as a formula.
FORMULA_CODE = "=1+2"


def test_csv_export_writes_a_formula_like_code_as_text(recomputed):
    from units.models import Unit

    Unit.objects.filter(code="VP").update(code=FORMULA_CODE)
    lines = export("--campaign", "CCHC-2026", "--period", "2026-Q1")
    assert any(line.startswith(f"'{FORMULA_CODE},TONG,") for line in lines)
    assert not any(line.startswith(f"{FORMULA_CODE},") for line in lines)


def test_xlsx_export_writes_a_formula_like_code_as_text(recomputed, tmp_path):
    from units.models import Unit

    Unit.objects.filter(code="VP").update(code=FORMULA_CODE)
    target = tmp_path / "q1.xlsx"
    call_command(
        "export_scores",
        "--campaign",
        "CCHC-2026",
        "--period",
        "2026-Q1",
        "--format",
        "xlsx",
        "-o",
        str(target),
        stderr=StringIO(),
    )
    cells = [row[0] for row in load_workbook(target).active.iter_rows(min_row=2) if row[1].value == "TONG"]
    codes = [cell for cell in cells if cell.value == FORMULA_CODE]
    assert len(codes) == 1 and codes[0].data_type == "s"
