"""`manage.py import_figures FILE.xlsx [--accept] [--user USERNAME]`: the long-sheet import from the command line."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from core.spreadsheets import BROKEN_XLSX
from emulation.models import MonthlyReport, ReportTransition
from emulation.reports.models import ReportStatus
from emulation.tests.test_excel_support import (
    BAD_COUNTS,
    entry,
    inflating_zip,
    long_file,
    month,
    patched_xlsx,
    saved_state,
)

ROWS = [
    ["VP", "2026-05", "1.2a", 45, 50, None],
    ["VP", "2026-05", "1.1", None, None, 9],
    ["TTPVHCC", "2026-06", "1.3c", 98, 100, None],
]


@pytest.fixture
def sheet(tmp_path):
    def write(rows, name="so-lieu.xlsx"):
        path = tmp_path / name
        path.write_bytes(long_file(rows))
        return path

    return write


def _run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_figures", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_without_accept_figures_are_saved_in_draft_reports(sheet, campaign, sam):
    out, _ = _run(sheet(ROWS), "--user", "sam")
    assert "Đã nhập 3 dòng số liệu của 2 báo cáo: mở mới 2" in out
    reports = MonthlyReport.objects.filter(campaign=campaign)
    assert set(reports.values_list("status", flat=True)) == {ReportStatus.DRAFT}
    vp = reports.get(unit__code="VP", month=month(5))
    assert (entry(vp, "1.2a").numerator, entry(vp, "1.2a").denominator) == (45, 50)
    assert entry(vp, "1.1").appraised_score == Decimal("9")
    assert vp.created_by == sam
    assert not ReportTransition.objects.exists()


def test_with_accept_reports_end_accepted_as_on_the_web(sheet, campaign, sam):
    out, _ = _run(sheet(ROWS), "--accept", "--user", "sam")
    assert "chấp nhận 2 báo cáo" in out
    for report in MonthlyReport.objects.filter(campaign=campaign):
        assert (report.status, report.accepted_by) == (ReportStatus.ACCEPTED, sam)
        assert report.transitions.get().reason == "Nhập từ tệp “so-lieu.xlsx”."


def test_the_only_secretariat_account_is_the_default_user(sheet, campaign, sam, alice):
    _run(sheet(ROWS[:1]), "--accept")
    assert MonthlyReport.objects.get().accepted_by == sam


def test_a_bad_file_prints_every_error_exits_non_zero_and_saves_nothing(sheet, campaign, sam):
    _run(sheet(ROWS), "--user", "sam")
    before = saved_state()
    bad = [*ROWS, ["VP", "2026-05", "1.2b", 7, 6, None], ["VP", "2027-01", "1.2b", 1, 2, None]]
    bad[0] = ["VP", "2026-05", "1.2a", 44, 50, None]
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"^Tệp so-lieu-2.xlsx có 2 lỗi; không lưu gì.$"):
        call_command("import_figures", str(sheet(bad, "so-lieu-2.xlsx")), "--user", "sam", stderr=err)
    assert err.getvalue().splitlines() == [
        "Trang “Số liệu”, dòng 5, cột D (Tử số): Tử số (7) không được lớn hơn mẫu số (6).",
        "Trang “Số liệu”, dòng 6, cột B (Tháng): Tháng 01/2027 nằm ngoài thời gian của phong trào "
        "(01/01/2026 – 31/12/2026).",
    ]
    assert saved_state() == before


def test_an_oversized_file_is_refused(tmp_path, campaign, sam):
    path = tmp_path / "lon.xlsx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(50 * 1024 * 1024)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 lỗi"):
        call_command("import_figures", str(path), "--user", "sam", stderr=err)
    assert "Tệp nặng 50,0 MB, vượt giới hạn 5 MB" in err.getvalue()


def test_only_a_secretariat_account_may_import(sheet, campaign, alice, sam):
    with pytest.raises(CommandError, match="không có quyền nhập số liệu"):
        _run(sheet(ROWS), "--user", "alice")
    with pytest.raises(CommandError, match="Không có tài khoản đang hoạt động “nobody”"):
        _run(sheet(ROWS), "--user", "nobody")
    assert not MonthlyReport.objects.exists()


@pytest.mark.parametrize("value, message", list(BAD_COUNTS.values()), ids=list(BAD_COUNTS))
def test_a_figure_out_of_bounds_is_refused_by_the_command_and_nothing_is_saved(sheet, campaign, sam, value, message):
    _run(sheet(ROWS), "--user", "sam")
    before = saved_state()
    bad = [["VP", "2026-05", "1.2a", value, value, None], ["VP", "2026-07", "1.5c", None, None, value]]
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"có 3 lỗi; không lưu gì.$"):
        call_command("import_figures", str(sheet(bad, "lon.xlsx")), "--accept", "--user", "sam", stderr=err)
    assert err.getvalue().splitlines() == [
        f"Trang “Số liệu”, dòng 2, cột D (Tử số): {message}",
        f"Trang “Số liệu”, dòng 2, cột E (Mẫu số): {message}",
        f"Trang “Số liệu”, dòng 3, cột F (Giá trị): {message}",
    ]
    assert saved_state() == before


@pytest.mark.parametrize(
    "data, message",
    [
        (patched_xlsx(long_file([["VP", "2026-05", "MARKER", 1, 2, None]]), "MARKER", b"1.2\x00a"), BROKEN_XLSX),
        (inflating_zip(), "nội dung giải nén quá lớn (101,0 MB)"),
    ],
    ids=["a NUL byte in a cell", "a zip bomb"],
)
def test_a_hostile_file_is_refused_by_the_command(tmp_path, campaign, sam, data, message):
    path = tmp_path / "x.xlsx"
    path.write_bytes(data)
    err = io.StringIO()
    with pytest.raises(CommandError, match="có 1 lỗi; không lưu gì"):
        call_command("import_figures", str(path), "--accept", "--user", "sam", stderr=err)
    assert message in err.getvalue()
    assert not MonthlyReport.objects.exists()
