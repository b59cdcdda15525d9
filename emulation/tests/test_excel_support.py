"""Helpers shared by the Excel tests: workbooks built with openpyxl, uploads, a snapshot of saved figures.

No tests here; the test_excel_* modules import what they need. Files are built independently
of emulation.excel so a test cannot pass by sharing a bug with the code it checks.
"""

import io
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
