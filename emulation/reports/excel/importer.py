"""Importing figures from Excel: a unit's filled monthly template and the secretariat's long sheet, as jobs.

Both read the whole file and list every bad cell before writing anything; the write is one
transaction, so one bad cell saves nothing. Checking happens outside that transaction so the
job's progress (processed_rows) can be seen by the page polling it.
"""

import io
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from core.spreadsheets import CellError, ExcelInvalid, column_label
from emulation.plan.models import Campaign
from emulation.reports import services
from emulation.reports.excel.layout import LONG_HEADER
from emulation.reports.excel.long_sheet import COL_CODE, CheckedSheet, LongRow, Progress, _row_changes, long_rows_check
from emulation.reports.excel.unit_template import CheckedTemplate, report_template_check
from emulation.reports.models import ImportJob, MonthlyReport, ReportEntry, ReportStatus

log = logging.getLogger(__name__)

BULK_BATCH = 50
ACCEPTED_LOCKED = "Báo cáo đã được chấp nhận; mở lại trước khi nhập."


@dataclass
class ImportResult:
    rows: int = 0
    reports: int = 0
    opened: int = 0
    updated: int = 0
    unchanged: int = 0
    accepted: int = 0

    def summary(self) -> str:
        text = (
            f"Đã nhập {self.rows} dòng số liệu của {self.reports} báo cáo: mở mới {self.opened}, "
            f"cập nhật {self.updated}, không đổi {self.unchanged}"
        )
        return text + (f"; chấp nhận {self.accepted} báo cáo." if self.accepted else ".")


# --- Jobs -------------------------------------------------------------------------------------

SYSTEM_ERROR = "Lỗi hệ thống khi nhập tệp; không lưu gì. Hãy báo quản trị."
AFTER_COMMIT_ERROR = (
    " Lưu ý: số liệu đã được lưu, nhưng một việc chạy sau khi lưu bị lỗi (đã ghi vào nhật ký hệ thống); "
    "hãy báo quản trị."
)


def _job_update(job_id: int, **fields) -> None:
    # A short write of its own, outside the import's transaction, so the polling page sees it.
    ImportJob.objects.filter(pk=job_id).update(**fields)


def import_run(*, job_id: int) -> ImportJob | None:
    """Run one import job: check the file, write it in one transaction, record the result on the job.

    Only a pending job is run: claiming it (pending → running) is one conditional UPDATE, so a
    task delivered twice finds it taken, or finished, and leaves it alone. The job is marked done
    in the very transaction that writes the figures, so "done" and the figures commit together or
    not at all; "failed … không lưu gì" is written only to a job still running, i.e. when that
    transaction did not commit. An error raised once it has committed (work run on commit) leaves
    the job done and says so in its summary. A failed job's stored file is deleted (its errors stay).
    The result is shown on the job's page, not in the bell: the bell is for what others do.
    """
    job = ImportJob.objects.select_related("campaign", "report__unit", "created_by").filter(pk=job_id).first()
    if job is None or not ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.PENDING).update(
        status=ImportJob.Status.RUNNING, processed_rows=0, errors=[]
    ):
        return job

    def progress(done: int, total: int) -> None:
        _job_update(job.pk, processed_rows=done, total_rows=total)

    errors: list[CellError] = []
    try:
        with job.file.open("rb") as stored:
            source = io.BytesIO(stored.read())
        if job.kind == ImportJob.Kind.LONG:
            checked = long_rows_check(campaign=job.campaign, source=source, progress=progress)
            with transaction.atomic(durable=True):
                result = long_rows_write(
                    campaign=job.campaign,
                    checked=checked,
                    actor=job.created_by,
                    accept=job.accept,
                    source_name=job.original_name,
                )
                _job_done(job, result.summary())
        else:
            template = report_template_check(report=job.report, source=source, progress=progress)
            with transaction.atomic(durable=True):
                services.report_save_figures(
                    report=job.report, actor=job.created_by, entries=template.entries, one_stop=template.one_stop
                )
                _job_done(job, template.summary())
    except ExcelInvalid as exc:
        errors = exc.errors
    except services.ReportError as exc:
        errors = [CellError("", None, "", str(exc))]
    except Exception:  # the job row must say what happened rather than stay "running" forever
        log.exception("Import job %s raised an error", job.pk)
        errors = [CellError("", None, "", SYSTEM_ERROR)]
    if errors and not _job_fail(job, errors):
        # The figures and "done" committed together; what failed ran after the commit.
        ImportJob.objects.filter(pk=job.pk).update(summary=Concat(F("summary"), Value(AFTER_COMMIT_ERROR)))
    job.refresh_from_db()
    return job


def _job_done(job: ImportJob, summary: str) -> None:
    _job_update(
        job.pk,
        status=ImportJob.Status.DONE,
        processed_rows=F("total_rows"),
        errors=[],
        summary=summary,
        finished_at=timezone.now(),
    )


def _job_fail(job: ImportJob, errors: list[CellError]) -> bool:
    """Mark a job that is still running (nothing of it committed) failed and delete its file; False when the
    job is no longer running (it committed as done)."""
    failed = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.RUNNING).update(
        status=ImportJob.Status.FAILED,
        errors=[e.as_dict() for e in errors],
        summary=f"Có {len(errors)} lỗi; không lưu gì.",
        file="",
        finished_at=timezone.now(),
    )
    if failed and job.file.name:
        try:
            job.file.storage.delete(job.file.name)
        except OSError:  # the job says it failed either way; a file left behind is only disk space
            log.exception("Could not delete the file of failed import job %s", job.pk)
    return bool(failed)


# --- The secretariat's long sheet -------------------------------------------------------------


@transaction.atomic
def long_rows_write(
    *,
    campaign: Campaign,
    checked: CheckedSheet,
    actor: AbstractBaseUser,
    accept: bool,
    source_name: str,
) -> ImportResult:
    """Save checked rows, opening missing reports; with `accept`, leave every report accepted.

    First adds the errors only the database can tell (an accepted report whose figures would
    change, an indicator missing from an open report); any error at all raises ExcelInvalid
    before anything is written. An accepted report with identical figures is left alone.
    """
    rows, errors, sheet = checked.rows, checked.errors, checked.name
    groups: dict[tuple[int, date], list[LongRow]] = defaultdict(list)
    for row in rows:
        groups[(row.unit.pk, row.month)].append(row)
    existing = {
        (r.unit_id, r.month): r
        for r in MonthlyReport.objects.select_for_update().filter(
            campaign=campaign,
            unit_id__in={unit for unit, _ in groups},
            month__in={month for _, month in groups},
        )
        if (r.unit_id, r.month) in groups
    }
    entries = _entries_by_report(existing.values())
    for key, report in existing.items():
        for row in groups[key]:
            entry = entries.get((report.pk, row.indicator.pk))
            if entry is None:
                errors.add(
                    sheet,
                    row.number,
                    column_label(3, COL_CODE),
                    f"Báo cáo tháng {row.month:%m/%Y} của {row.unit.short_name} "
                    f"không có chỉ tiêu {row.indicator.code}.",
                )
            elif report.status == ReportStatus.ACCEPTED:
                for column, _ in _row_changes(entry, row).values():
                    where = column_label(LONG_HEADER.index(column) + 1, column)
                    errors.add(sheet, row.number, where, ACCEPTED_LOCKED)
    if errors:
        raise ExcelInvalid(errors.items())

    result = ImportResult(rows=len(rows), reports=len(groups))
    reports = dict(existing)
    for key, group in groups.items():
        if key not in reports:
            unit = group[0].unit
            reports[key] = services.report_open(campaign=campaign, unit=unit, month=key[1], actor=actor)
            result.opened += 1
    entries = _entries_by_report(reports.values())
    # Entries grouped by the fields that change, so each bulk update sets only those columns.
    changed: dict[tuple[str, ...], list[ReportEntry]] = defaultdict(list)
    touched: set[int] = set()
    for key, group in groups.items():
        report = reports[key]
        if report.status == ReportStatus.ACCEPTED:
            result.unchanged += 1  # identical figures: checked above
            continue
        for row in group:
            entry = entries[(report.pk, row.indicator.pk)]
            changes = _row_changes(entry, row)
            for name, (_, new) in changes.items():
                setattr(entry, name, new)
            names = sorted(changes)
            if "appraised_score" in changes and entry.self_score is None:
                entry.self_score = row.value
                names.append("self_score")
            if names:
                changed[tuple(names)].append(entry)
                touched.add(report.pk)
        if key in existing:
            if report.pk in touched:
                result.updated += 1
            else:
                result.unchanged += 1
    for names, changed_entries in changed.items():
        bulk_update_with_history(
            changed_entries,
            ReportEntry,
            list(names),
            # bulk_update's CASE WHEN grows with the batch; small batches keep 1,000 rows well under a second.
            batch_size=BULK_BATCH,
            default_user=actor,
            default_change_reason=f"Nhập từ tệp {source_name}"[:100],
        )
    if touched:
        # A new version of each report changed: a form opened before the import cannot overwrite it.
        MonthlyReport.objects.filter(pk__in=touched).update(updated_at=timezone.now(), version=F("version") + 1)
    if accept:
        result.accepted = reports_accept_imported(
            reports=list(reports.values()), actor=actor, reason=f"Nhập từ tệp “{source_name}”."
        )
    return result


def _entries_by_report(reports) -> dict[tuple[int, int], ReportEntry]:
    ids = [r.pk for r in reports]
    if not ids:
        return {}
    return {(e.report_id, e.indicator_id): e for e in ReportEntry.objects.filter(report_id__in=ids)}


def figures_import_long(
    *,
    campaign: Campaign,
    source: BinaryIO,
    actor: AbstractBaseUser,
    accept: bool,
    source_name: str,
    progress: Progress | None = None,
) -> ImportResult:
    """Check and save a long sheet in one go (the command's path); raises ExcelInvalid with every error."""
    checked = long_rows_check(campaign=campaign, source=source, progress=progress)
    return long_rows_write(campaign=campaign, checked=checked, actor=actor, accept=accept, source_name=source_name)


def reports_accept_imported(*, reports: list[MonthlyReport], actor: AbstractBaseUser, reason: str) -> int:
    """Accept the reports whose figures the secretariat has just imported, each through the workflow's
    "accept_import" step (the import stands for the unit's sending and the review): recorded, its unit
    heads told, its scores recomputed once the import commits. Reports already accepted are left alone.
    Returns how many were accepted; the caller holds the transaction."""
    pending = [r for r in reports if r.status != ReportStatus.ACCEPTED]
    for report in sorted(pending, key=lambda r: r.pk):
        services.report_transition(report=report, action="accept_import", actor=actor, reason=reason)
    return len(pending)


# --- A unit's filled template -----------------------------------------------------------------


@transaction.atomic
def report_import_template(
    *, report: MonthlyReport, source: BinaryIO, actor: AbstractBaseUser, progress: Progress | None = None
) -> CheckedTemplate:
    """Check a unit's filled template and save it as the report's draft figures (services.report_save_figures).

    All or nothing: any bad cell raises ExcelInvalid and nothing is saved; a report that is no
    longer editable raises ReportError.
    """
    checked = report_template_check(report=report, source=source, progress=progress)
    services.report_save_figures(report=report, actor=actor, entries=checked.entries, one_stop=checked.one_stop)
    return checked
