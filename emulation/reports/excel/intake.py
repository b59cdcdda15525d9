"""Upload of a spreadsheet to import: refused at the door (rights, size, not an .xlsx), else stored as a job and
enqueued once the upload is committed. What the job then does is emulation.reports.excel.importer."""

from uuid import uuid4

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from core.queue import enqueue_on_commit
from core.spreadsheets import xlsx_problem
from core.text import text_normalise
from emulation.plan.models import Campaign
from emulation.reports.excel.tasks import run_import
from emulation.reports.models import ImportJob, MonthlyReport

NAME_MAX = 255


class ImportRefused(Exception):
    """An upload refused before a job is created (not allowed, too big, not a spreadsheet)."""


@transaction.atomic
def import_job_create(
    *,
    campaign: Campaign,
    kind: str,
    upload: UploadedFile,
    actor: AbstractBaseUser,
    report: MonthlyReport | None = None,
    accept: bool = False,
) -> ImportJob:
    """Store an uploaded .xlsx as a pending job and run it once the upload is committed.

    Refused (ImportRefused), with nothing written or stored, when the actor may not import it or
    the file is not one to open: over 5 MB (checked before reading it), not a zip, a zip that would
    unzip past 100 MB or holds no workbook (core.spreadsheets.xlsx_problem). A unit's template needs
    edit rights on the report; the long sheet needs the secretariat's import permission. What is in
    the cells is the job's to check.
    """
    if kind == ImportJob.Kind.UNIT_MONTH:
        if report is None or not actor.has_perm("emulation.edit_report", report):
            raise ImportRefused("Bạn không sửa được số liệu của báo cáo này.")
    elif not actor.has_perm("emulation.import_figures"):
        raise ImportRefused("Chỉ Thường trực thi đua được nhập số liệu nhiều đơn vị.")
    original_name = text_normalise(upload.name or "").strip()[:NAME_MAX] or "tep.xlsx"
    problem = xlsx_problem(upload)
    if problem:
        raise ImportRefused(f"Tệp “{original_name}”: {problem}")
    upload.name = f"{uuid4().hex}.xlsx"  # the person's file name is kept in original_name, not on disk
    job = ImportJob.objects.create(
        campaign=campaign,
        report=report,
        kind=kind,
        file=upload,
        original_name=original_name,
        accept=accept,
        created_by=actor,
    )
    enqueue_on_commit(run_import, job.pk)
    return job
