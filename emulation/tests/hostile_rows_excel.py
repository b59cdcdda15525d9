"""Hostile-input rows of the Excel wing (core/tests/test_hostile_input.py): a unit's template upload, the
secretariat's long sheet, the import_figures command and the figures export, fed what an attacker or a slip of
the finger would feed them.

An upload that passes the door (rights, size, a zip holding a workbook) becomes an import job, which the
person follows to its page; a refused one is a failed job whose page lists the cells to fix. That failed
job row is the refusal's record (the page the person lands on, the secretariat's list of imports): the
one write an upload refused by its content must make (the cases name it in `leaves`). `_job_page` runs the
job (Celery is eager in tests, on commit), follows to its page and checks the job is exactly that record —
failed, errors listed, its stored file deleted; the table checks that nothing else changed (no report,
figure, notice or file). Uploads refused at the door write nothing at all.
"""

import functools
import io
import tempfile
from datetime import date
from pathlib import Path

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from core.tests.hostile import Case, command, get
from emulation.models import ImportJob, MonthlyReport
from emulation.reports import services
from emulation.reports.excel.layout import LONG_HEADER
from emulation.reports.excel.writers import report_template
from emulation.tests.test_excel_support import (
    TOO_BIG,
    XLSX,
    inflating_zip,
    patched_xlsx,
    workbook_bytes,
)
from units.models import Unit

MONTH = date(2026, 8, 1)  # a month the other tables' rows do not open
SHEET, ONE_STOP = "Báo cáo tháng", "Một cửa"
COLUMNS = {"numerator": "F", "denominator": "G", "value": "H", "self_score": "I", "explanation": "J"}
BROKEN = "bị hỏng hoặc có ký tự không hợp lệ"
NOT_XLSX = "Tệp không phải bảng tính Excel (.xlsx)."
OVER_5_MB = b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024)
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _report(ctx: dict, code: str, actor) -> MonthlyReport:
    unit = Unit.objects.get(code=code)
    existing = MonthlyReport.objects.filter(campaign=ctx["campaign"], unit=unit, month=MONTH).first()
    return existing or services.report_open(campaign=ctx["campaign"], unit=unit, month=MONTH, actor=actor)


def context(ctx: dict) -> dict:
    """alice's VP report and bob's KT-HT-ĐT report of August, and VP's template as downloaded."""
    report_vp = _report(ctx, "VP", ctx["alice"])
    report_kthtdt = _report(ctx, "KTHTDT", ctx["bob"])
    template = report_template(report_vp, list(report_vp.entries.select_related("indicator")))
    return {"excel_vp": report_vp, "excel_kthtdt": report_kthtdt, "excel_template": template}


# --- Files --------------------------------------------------------------------------------------------------


def _template(**cells) -> callable:
    """VP's template with cells set: i<code>__<field>=value on the indicator's row (i1_5c__value: 1.5c's Giá trị),
    or by cell name ("B5", "one_stop_B2")."""

    def make(ctx) -> bytes:
        workbook = openpyxl.load_workbook(io.BytesIO(ctx["excel_template"]))
        sheet = workbook[SHEET]
        rows = {sheet.cell(row=r, column=1).value: r for r in range(10, sheet.max_row + 1)}
        for key, value in cells.items():
            if key.startswith("one_stop_"):
                workbook[ONE_STOP][key.removeprefix("one_stop_")] = value
            elif "__" in key:
                code, field = key.split("__")
                sheet[f"{COLUMNS[field]}{rows[code.removeprefix('i').replace('_', '.')]}"] = value
            else:
                sheet[key] = value
        return workbook_bytes(workbook)

    return make


def _nul_template(ctx) -> bytes:
    return patched_xlsx(_template(i1_1__self_score=8, i1_1__explanation="MARKER")(ctx), "MARKER", b"a\x00b")


def _long(*rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Số liệu"
    sheet.append(LONG_HEADER)
    for row in rows:
        sheet.append(row)
    return workbook_bytes(workbook)


def _long_formula() -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(_long(["VP", "2026-08", "1.2a", None, 50, None])))
    workbook.active["D2"] = "=40+5"
    return workbook_bytes(workbook)


def _long_nul() -> bytes:
    return patched_xlsx(_long(["VP", "2026-08", "MARKER", 1, 2, None]), "MARKER", b"1.2\x00a")


def _ratio(value) -> bytes:
    return _long(["VP", "2026-08", "1.2a", value, value, None])


def _count(value) -> bytes:
    return _long(["KTHTDT", "2026-08", "1.5c", None, None, value])


# --- Sending ------------------------------------------------------------------------------------------------


def _job_page(url, make, name: str = "so-lieu.xlsx"):
    """POST the file to url(ctx), run the job it enqueued, follow to the page the person lands on (the job's,
    or the form again when refused at the door). See the module's docstring for the failed job's row."""

    def send(client, ctx):
        data = make(ctx) if callable(make) else make
        body = {} if data is None else {"file": SimpleUploadedFile(name, data, content_type=XLSX)}
        last = ImportJob.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = client.post(url(ctx), body)
        if response.status_code in (301, 302):
            response = client.get(response["Location"], follow=True)
        for job in ImportJob.objects.filter(pk__gt=last):
            assert job.status == ImportJob.Status.FAILED, f"the job did not fail: {job.summary}"
            assert job.errors and not job.file, "a failed job keeps its errors and drops its file"
        return response

    return send


def _upload_vp(make, name: str = "bao-cao-VP-2026-08.xlsx"):
    return _job_page(lambda ctx: reverse("emulation:report-excel-upload", args=[ctx["excel_vp"].pk]), make, name)


def _upload_long(make, name: str = "so-lieu.xlsx"):
    return _job_page(lambda ctx: reverse("emulation:figures-import", kwargs={"code": ctx["campaign"].code}), make, name)


@functools.cache
def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="hostile-excel-"))  # outside MEDIA_ROOT: the command reads a path


def _path(make, name: str = "so-lieu.xlsx"):
    def path(ctx) -> str:
        target = _folder() / name
        target.write_bytes(make() if callable(make) else make)
        return str(target)

    return path


def _import_figures(make, *options: str):
    return command("import_figures", _path(make), "--accept", *(options or ("--user", "sam")))


def _export(period: str):
    return get(lambda ctx: f"{reverse('emulation:figures-export', kwargs={'code': ctx['campaign'].code})}?ky={period}")


# --- The table ----------------------------------------------------------------------------------------------


def C(name: str, persona: str | None, send, status=None, says: str = "") -> Case:
    """A case of this table; an upload's refusal may leave its failed import job (its record), nothing else."""
    return Case(name, persona, send, status, says, leaves=("emulation_importjob",))


CASES = [
    # A unit head's template upload: every bad cell refused on the job's page, nothing saved.
    C("excel-template-count-14-digits", "alice", _upload_vp(_template(i1_5c__value=10**13)), 200, TOO_BIG),
    C(
        "excel-template-count-14-digits-as-text",
        "alice",
        _upload_vp(_template(i1_2a__numerator=1, i1_2a__denominator="10000000000000")),
        200,
        TOO_BIG,
    ),
    C("excel-template-count-10-pow-30", "alice", _upload_vp(_template(i1_5c__value=10**30)), 200, TOO_BIG),
    C("excel-template-count-2-pow-63", "alice", _upload_vp(_template(i1_5c__value=2**63)), 200, TOO_BIG),
    C("excel-template-count-5000-digits", "alice", _upload_vp(_template(i1_5c__value="9" * 5000)), 200, TOO_BIG),
    C("excel-template-count-1e30-number", "alice", _upload_vp(_template(i1_5c__value=1e30)), 200, TOO_BIG),
    C(
        "excel-template-count-1e30-text",
        "alice",
        _upload_vp(_template(i1_5c__value="1e30")),
        200,
        "“1e30” không phải là số.",
    ),
    C("excel-template-count-nan", "alice", _upload_vp(_template(i1_5c__value="NaN")), 200, "“NaN” không phải là số."),
    C(
        "excel-template-numerator-2-pow-31",
        "alice",
        _upload_vp(_template(i1_2a__numerator=2**31, i1_2a__denominator=2**31)),
        200,
        TOO_BIG,
    ),
    C("excel-template-count-negative", "alice", _upload_vp(_template(i1_5c__value=-5)), 200, "Không được là số âm."),
    C("excel-template-count-words", "alice", _upload_vp(_template(i1_5c__value="mười")), 200, "“mười” không phải"),
    C(
        "excel-template-one-stop-14-digits",
        "alice",
        _upload_vp(_template(one_stop_B2=10**13)),
        200,
        TOO_BIG,
    ),
    C(
        "excel-template-self-score-above-points",
        "alice",
        _upload_vp(_template(i1_1__self_score=11)),
        200,
        "Điểm tự chấm phải từ 0 đến 10.",
    ),
    C(
        "excel-template-self-score-10-pow-30",
        "alice",
        _upload_vp(_template(i1_1__self_score=10**30)),
        200,
        "Quá lớn",
    ),
    C(
        "excel-template-formula-cell",
        "alice",
        _upload_vp(_template(i1_5c__value="=1+1")),
        200,
        "Ô có công thức “=1+1”",
    ),
    C("excel-template-nul-byte", "alice", _upload_vp(_nul_template), 200, BROKEN),
    C(
        "excel-template-explanation-too-long",
        "alice",
        _upload_vp(_template(i1_1__self_score=8, i1_1__explanation="x" * 5001)),
        200,
        "Giải trình dài 5.001 ký tự, vượt giới hạn 5.000 ký tự.",
    ),
    C(
        "excel-template-another-units-code",
        "alice",
        _upload_vp(_template(B4="KTHTDT")),
        200,
        "Tệp là mẫu của đơn vị “KTHTDT”, không phải VP.",
    ),
    C(
        "excel-template-another-month",
        "alice",
        _upload_vp(_template(B5="2026-07")),
        200,
        "Tệp là mẫu tháng 07/2026, không phải tháng 08/2026.",
    ),
    C(
        "excel-template-month-of-year-zero",
        "alice",
        _upload_vp(_template(B5="0000-08")),
        200,
        "Tháng phải có dạng YYYY-MM, ví dụ 2026-03; tệp ghi “0000-08”.",
    ),
    # Refused at the door: nothing written, nothing stored; the report page says why.
    C(
        "excel-template-another-units-report",
        "alice",
        _job_page(lambda ctx: reverse("emulation:report-excel-upload", args=[ctx["excel_kthtdt"].pk]), _template()),
        404,
    ),
    C("excel-template-by-an-official", "olga", _upload_vp(_template()), 404),
    C("excel-template-a-pdf", "alice", _upload_vp(PDF, "bao-cao.xlsx"), 200, f"Tệp “bao-cao.xlsx”: {NOT_XLSX}"),
    C("excel-template-zip-bomb", "alice", _upload_vp(lambda ctx: inflating_zip()), 200, "giải nén quá lớn (101,0 MB)"),
    C("excel-template-over-5-mb", "alice", _upload_vp(OVER_5_MB), 200, "vượt giới hạn 5 MB"),
    C("excel-template-no-file", "alice", _upload_vp(None), 200, "Hãy chọn tệp Excel (.xlsx) để tải lên."),
    # The secretariat's long sheet.
    C("excel-long-count-14-digits", "sam", _upload_long(_count(10**13)), 200, TOO_BIG),
    C("excel-long-count-10-pow-30", "sam", _upload_long(_count(10**30)), 200, TOO_BIG),
    C("excel-long-count-2-pow-63", "sam", _upload_long(_count(2**63)), 200, TOO_BIG),
    C("excel-long-count-5000-digits", "sam", _upload_long(_count("9" * 5000)), 200, TOO_BIG),
    C("excel-long-count-1e30-number", "sam", _upload_long(_count(1e30)), 200, TOO_BIG),
    C("excel-long-count-1e30-text", "sam", _upload_long(_count("1e30")), 200, "“1e30” không phải là số."),
    C("excel-long-count-inf", "sam", _upload_long(_count("inf")), 200, "“inf” không phải là số."),
    C("excel-long-numerator-2-pow-31", "sam", _upload_long(_ratio(2**31)), 200, TOO_BIG),
    C("excel-long-count-negative", "sam", _upload_long(_ratio(-1)), 200, "Không được là số âm."),
    C(
        "excel-long-appraisal-above-points",
        "sam",
        _upload_long(_long(["VP", "2026-08", "1.1", None, None, 10.5])),
        200,
        "Điểm thẩm định phải từ 0 đến 10.",
    ),
    C("excel-long-formula-cell", "sam", _upload_long(_long_formula()), 200, "Ô có công thức “=40+5”"),
    C("excel-long-nul-byte", "sam", _upload_long(_long_nul()), 200, BROKEN),
    C(
        "excel-long-month-of-year-zero",
        "sam",
        _upload_long(_long(["VP", "0000-01", "1.2a", 1, 2, None])),
        200,
        "tệp ghi “0000-01”",
    ),
    C("excel-long-a-pdf", "sam", _upload_long(PDF, "so-lieu.xlsx"), 400, f"Tệp “so-lieu.xlsx”: {NOT_XLSX}"),
    C("excel-long-zip-bomb", "sam", _upload_long(lambda ctx: inflating_zip()), 400, "giải nén quá lớn (101,0 MB)"),
    C("excel-long-over-5-mb", "sam", _upload_long(OVER_5_MB), 400, "vượt giới hạn 5 MB"),
    C("excel-long-by-a-unit-head", "alice", _upload_long(_count(1)), 404),
    # The same long sheets through the command: every bad cell printed, nothing saved.
    C("excel-command-count-14-digits", None, _import_figures(_count(10**13)), None, TOO_BIG),
    C("excel-command-count-10-pow-30", None, _import_figures(_count(10**30)), None, TOO_BIG),
    C("excel-command-count-2-pow-63", None, _import_figures(_count(2**63)), None, TOO_BIG),
    C("excel-command-count-5000-digits", None, _import_figures(_count("9" * 5000)), None, TOO_BIG),
    C("excel-command-count-1e30", None, _import_figures(_count("1e30")), None, "“1e30” không phải là số."),
    C("excel-command-numerator-2-pow-31", None, _import_figures(_ratio(2**31)), None, TOO_BIG),
    C("excel-command-nul-byte", None, _import_figures(_long_nul()), None, BROKEN),
    C("excel-command-zip-bomb", None, _import_figures(inflating_zip), None, "giải nén quá lớn (101,0 MB)"),
    C("excel-command-not-xlsx", None, _import_figures(PDF), None, NOT_XLSX),
    C(
        "excel-command-by-a-unit-head",
        None,
        _import_figures(_count(1), "--user", "alice"),
        None,
        "không có quyền nhập số liệu",
    ),
    # The figures export's period: a 400 page listing the periods, never a 500 or another month.
    C("excel-export-period-0000-01", "sam", _export("0000-01"), 400, "Kỳ “0000-01” không có trong phong trào"),
    C("excel-export-period-2026-13", "sam", _export("2026-13"), 400, "Kỳ “2026-13” không có trong phong trào"),
    C("excel-export-period-0000", "sam", _export("0000"), 400, "Kỳ xuất số liệu không hợp lệ"),
    C("excel-export-period-full-width", "sam", _export("２０２６-１２"), 400, "Kỳ xuất số liệu không hợp lệ"),
    C("excel-export-period-24-digits", "sam", _export("9" * 24), 400, "Kỳ xuất số liệu không hợp lệ"),
]
