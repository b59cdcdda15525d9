"""Helpers shared by the Excel tests: workbooks built with openpyxl, uploads, a snapshot of saved figures.

No tests here; the test_excel_* modules import what they need. Files are built independently
of emulation.excel so a test cannot pass by sharing a bug with the code it checks.
"""

import functools
import io
import zipfile
from datetime import date

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from emulation.models import ImportJob, MonthlyReport, ReportEntry, ReportTransition

HEADER = ["Mã đơn vị", "Tháng", "Mã chỉ tiêu", "Tử số", "Mẫu số", "Giá trị"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_bytes(workbook: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def long_workbook(rows: list[list], header: list | None = None, title: str = "Số liệu") -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(HEADER if header is None else header)
    for row in rows:
        sheet.append(row)
    return workbook


def long_file(rows: list[list], header: list | None = None, title: str = "Số liệu") -> bytes:
    return workbook_bytes(long_workbook(rows, header, title))


def upload(data: bytes, name: str = "so-lieu.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=XLSX)


def import_long(client, user, campaign, data: bytes, capture, name: str = "so-lieu.xlsx"):
    """POST a long sheet as `user`, running the on-commit job; returns (response, job or None)."""
    client.force_login(user)
    before = set(ImportJob.objects.values_list("pk", flat=True))
    with capture(execute=True):
        response = client.post(
            reverse("emulation:figures-import", kwargs={"code": campaign.code}), {"file": upload(data, name)}
        )
    job = ImportJob.objects.exclude(pk__in=before).first()
    return response, job


def march_report_vp(campaign, alice) -> MonthlyReport:
    """VP's March draft, opened by its head alice: the report the template tests fill (their `report` fixture)."""
    from emulation.reports import services
    from units.models import Unit

    return services.report_open(campaign=campaign, unit=Unit.objects.get(code="VP"), month=month(3), actor=alice)


def failed_errors(job: ImportJob) -> dict:
    """(sheet, row, column) → message of a job that must have failed."""
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED, job.summary
    return {(e["sheet"], e["row"], e["column"]): e["message"] for e in job.errors}


def entry(report: MonthlyReport, code: str) -> ReportEntry:
    return report.entries.select_related("indicator").get(indicator__code=code)


def saved_state() -> tuple:
    """Everything an import may write, to compare before and after a refused one."""
    return (
        list(MonthlyReport.objects.order_by("pk").values()),
        list(
            ReportEntry.objects.order_by("pk").values_list(
                "pk", "numerator", "denominator", "value", "self_score", "appraised_score", "explanation"
            )
        ),
        ReportTransition.objects.count(),
        ReportEntry.history.count(),
    )


def month(number: int) -> date:
    return date(2026, number, 1)


def patched_xlsx(data: bytes, find: str, raw: bytes) -> bytes:
    """`data` with the text `find` in its worksheets' XML replaced by raw bytes: what openpyxl refuses to write
    (a NUL byte in a cell), as a hostile or broken file would hold it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                part = part.replace(find.encode(), raw)
            archive.writestr(info.filename, part)
    return out.getvalue()


@functools.cache
def inflating_zip(megabytes: int = 101) -> bytes:
    """A zip of some hundred kilobytes that unzips to `megabytes` MB (a mild zip bomb), dressed as an .xlsx."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("xl/worksheets/sheet1.xml", "w") as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                part.write(chunk)
    return out.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)


def zip_of(name: str, content: bytes) -> bytes:
    """A zip holding one file: a valid zip that is not a workbook (a .docx would be one of these)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, content)
    return out.getvalue()


def media_files(settings) -> list[str]:
    """Every file under MEDIA_ROOT (each test has its own)."""
    root = settings.MEDIA_ROOT
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


# Figures no count may hold, each with the message its cell gets (A10, A11 of issue 8).
TOO_BIG = "Quá lớn: tối đa 1.000.000.000."
BAD_COUNTS = {
    "14 digits": (10**13, TOO_BIG),
    "14 digits as text": ("10000000000000", TOO_BIG),
    "10^30": (10**30, TOO_BIG),
    "2^63": (2**63, TOO_BIG),
    "2^31": (2**31, TOO_BIG),
    "5,000 digits": ("9" * 5000, TOO_BIG),
    "1e30 as a number": (1e30, TOO_BIG),
    "1e30 as text": ("1e30", "“1e30” không phải là số."),
    "NaN": ("NaN", "“NaN” không phải là số."),
    "inf": ("inf", "“inf” không phải là số."),
    "Infinity": ("-Infinity", "“-Infinity” không phải là số."),
    "negative": (-5, "Không được là số âm."),
}
