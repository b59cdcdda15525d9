"""Importing figures from Excel: a unit's filled monthly template and the secretariat's long sheet, as jobs.

Both read the whole file and list every bad cell before writing anything; the write is one
transaction, so one bad cell saves nothing. Checking happens outside that transaction so the
job's progress (processed_rows) can be seen by the page polling it.
"""

import io
import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO
from uuid import uuid4

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from core.notifications import notify
from core.roles import Role, has_role
from criteria.models import Indicator
from emulation import excel, services
from emulation import figures as fig
from emulation.excel import CellErrors, ExcelInvalid
from emulation.models import Campaign, ImportJob, MonthlyReport, ReportEntry, ReportTransition
from emulation.tasks import recompute_scores as run_recompute
from emulation.tasks import run_import
from emulation.workflow import ReportStatus
from units.models import Unit

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called with (rows checked, rows in the file) every PROGRESS_EVERY rows."""
PROGRESS_EVERY = 100
BULK_BATCH = 50
ACCEPTED_LOCKED = "Báo cáo đã được chấp nhận; mở lại trước khi nhập."


class ImportRefused(Exception):
    """An upload refused before a job is created (not allowed, too big, not a spreadsheet)."""


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

    Refused (ImportRefused) when the actor may not import it, the file is over 5 MB (checked
    before reading it) or does not start like an .xlsx. A unit's template needs edit rights on
    the report; the long sheet needs the secretariat's import permission.
    """
    if kind == ImportJob.Kind.UNIT_MONTH:
        if report is None or not actor.has_perm("emulation.edit_report", report):
            raise ImportRefused("Bạn không sửa được số liệu của báo cáo này.")
    elif not actor.has_perm("emulation.import_figures"):
        raise ImportRefused("Chỉ Thường trực thi đua được nhập số liệu nhiều đơn vị.")
    problem = excel.size_problem(upload.size)
    if problem:
        raise ImportRefused(f"Tệp “{upload.name}”: {problem}")
    upload.seek(0)
    if upload.read(len(excel.ZIP_SIGNATURE)) != excel.ZIP_SIGNATURE:
        raise ImportRefused(f"Tệp “{upload.name}”: {excel.NOT_XLSX}")
    upload.seek(0)
    original_name = upload.name[:255]
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
    transaction.on_commit(lambda: run_import.delay(job.pk))
    return job


def _job_update(job_id: int, **fields) -> None:
    # A short write of its own, outside the import's transaction, so the polling page sees it.
    ImportJob.objects.filter(pk=job_id).update(**fields)


def import_run(*, job_id: int) -> ImportJob | None:
    """Run one import job: check the file, write it in one transaction, record the result, tell its owner.

    Only a pending job is run: claiming it (pending → running) is one conditional UPDATE, so a
    task delivered twice finds it taken, or finished, and leaves it alone.
    """
    job = ImportJob.objects.select_related("campaign", "report__unit", "created_by").filter(pk=job_id).first()
    if job is None or not ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.PENDING).update(
        status=ImportJob.Status.RUNNING, processed_rows=0, errors=[]
    ):
        return job

    def progress(done: int, total: int) -> None:
        _job_update(job.pk, processed_rows=done, total_rows=total)

    errors: list[excel.CellError] = []
    summary = ""
    try:
        with job.file.open("rb") as stored:
            source = io.BytesIO(stored.read())
        if job.kind == ImportJob.Kind.LONG:
            checked = long_rows_check(campaign=job.campaign, source=source, progress=progress)
            with transaction.atomic():
                result = long_rows_write(
                    campaign=job.campaign,
                    checked=checked,
                    actor=job.created_by,
                    accept=job.accept,
                    source_name=job.original_name,
                )
                summary = result.summary()
                _job_done(job, summary)
        else:
            checked = report_template_check(report=job.report, source=source, progress=progress)
            with transaction.atomic():
                services.report_save_figures(
                    report=job.report, actor=job.created_by, entries=checked.entries, one_stop=checked.one_stop
                )
                summary = checked.summary()
                _job_done(job, summary)
    except ExcelInvalid as exc:
        errors = exc.errors
    except services.ReportError as exc:
        errors = [excel.CellError("", None, "", str(exc))]
    except Exception:  # the job row must say it failed rather than stay "running" forever
        log.exception("Import job %s failed", job.pk)
        errors = [excel.CellError("", None, "", "Lỗi hệ thống khi nhập tệp; không lưu gì. Hãy báo quản trị.")]
    if errors:
        summary = f"Có {len(errors)} lỗi; không lưu gì."
        _job_update(
            job.pk,
            status=ImportJob.Status.FAILED,
            errors=[e.as_dict() for e in errors],
            summary=summary,
            finished_at=timezone.now(),
        )
    notify(
        kind="import_finished",
        recipients=[job.created_by],
        url=reverse("emulation:import-job", kwargs={"pk": job.pk}),
        file=job.original_name,
        result="có lỗi, không lưu gì" if errors else "hoàn tất",
        summary=summary,
    )
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


# --- The secretariat's long sheet -------------------------------------------------------------


@dataclass
class LongRow:
    """One checked row of the long layout."""

    number: int
    unit: Unit
    month: date
    indicator: Indicator
    numerator: int | None = None
    denominator: int | None = None
    value: Decimal | None = None


COL_UNIT, COL_MONTH, COL_CODE, COL_NUM, COL_DEN, COL_VALUE = excel.LONG_HEADER
MISSING = {
    "numerator": "Chỉ tiêu tỷ lệ {code} cần cả tử số và mẫu số.",
    "denominator": "Chỉ tiêu tỷ lệ {code} cần cả tử số và mẫu số.",
    "value": "Thiếu giá trị của chỉ tiêu {code}.",
    "appraised_score": "Thiếu điểm thẩm định của chỉ tiêu {code}.",
}
FIELD_COLUMN = {"numerator": COL_NUM, "denominator": COL_DEN, "value": COL_VALUE, "appraised_score": COL_VALUE}


class _LongChecker:
    """Checks rows against the campaign's units, months and indicators, loaded once."""

    def __init__(self, campaign: Campaign, table: excel.Table, errors: CellErrors):
        self.campaign, self.table, self.errors = campaign, table, errors
        self.units = {u.code.upper(): u for u in Unit.objects.all()}
        self.participants = set(campaign.participants.values_list("pk", flat=True))
        self.indicators = {
            i.code.casefold(): i for i in Indicator.objects.filter(campaign=campaign).prefetch_related("applies_to")
        }
        self.applies = {i.pk: {u.pk for u in i.applies_to.all()} for i in self.indicators.values()}
        self.months = set(campaign.months())
        self.seen: dict[tuple[int, date, int], int] = {}

    def error(self, row: excel.TableRow, column: str, message: str) -> None:
        self.errors.add(self.table.name, row.number, self.table.where(column), message)

    def check(self, row: excel.TableRow) -> LongRow | None:
        cells = row.cells
        unit = self._unit(row, cells[COL_UNIT])
        month = self._month(row, cells[COL_MONTH])
        indicator = self._indicator(row, cells[COL_CODE])
        if unit is not None and indicator is not None:
            allowed = self.applies[indicator.pk]
            if allowed and unit.pk not in allowed:
                self.error(
                    row, COL_CODE, f"Chỉ tiêu {indicator.code} không áp dụng cho {unit.short_name} ({unit.code})."
                )
                indicator = None
        if unit is not None and month is not None and indicator is not None:
            key = (unit.pk, month, indicator.pk)
            if key in self.seen:
                self.error(
                    row, COL_CODE, f"Trùng với dòng {self.seen[key]}: cùng đơn vị, tháng và chỉ tiêu {indicator.code}."
                )
                indicator = None
            else:
                self.seen[key] = row.number
        if indicator is None:
            return None
        figures = self._figures(row, indicator)
        if unit is None or month is None or figures is None:
            return None
        numerator, denominator, value = figures
        return LongRow(row.number, unit, month, indicator, numerator, denominator, value)

    def _unit(self, row, raw) -> Unit | None:
        code = excel.text_code(raw)
        if not code:
            self.error(row, COL_UNIT, "Thiếu mã đơn vị.")
            return None
        unit = self.units.get(code.upper())
        if unit is None:
            self.error(row, COL_UNIT, f"Không có đơn vị mã “{code[:20]}”.")
        elif unit.pk not in self.participants:
            self.error(row, COL_UNIT, f"Đơn vị {unit.code} không tham gia phong trào {self.campaign.code}.")
            unit = None
        return unit

    def _month(self, row, raw) -> date | None:
        if raw is None:
            self.error(row, COL_MONTH, "Thiếu tháng (dạng YYYY-MM, ví dụ 2026-03).")
            return None
        try:
            month = excel.parse_month(raw)
        except ValueError as exc:
            self.error(row, COL_MONTH, str(exc))
            return None
        if month not in self.months:
            c = self.campaign
            self.error(
                row,
                COL_MONTH,
                f"Tháng {month:%m/%Y} nằm ngoài thời gian của phong trào "
                f"({c.start_date:%d/%m/%Y} – {c.end_date:%d/%m/%Y}).",
            )
            return None
        return month

    def _indicator(self, row, raw) -> Indicator | None:
        code = excel.text_code(raw)
        if not code:
            self.error(row, COL_CODE, "Thiếu mã chỉ tiêu.")
            return None
        indicator = self.indicators.get(code.casefold())
        if indicator is None:
            self.error(row, COL_CODE, f"Không có chỉ tiêu mã “{code[:20]}” trong phong trào {self.campaign.code}.")
        return indicator

    def _figures(self, row, indicator: Indicator) -> tuple[int | None, int | None, Decimal | None] | None:
        cells, code, ok = row.cells, indicator.code, True
        if indicator.measure == Indicator.Measure.PERCENT:
            unused, why = (COL_VALUE,), f"Chỉ tiêu {code} là tỷ lệ: nhập Tử số và Mẫu số, để trống cột này."
        elif indicator.kind == Indicator.Kind.QUALITATIVE:
            unused, why = (COL_NUM, COL_DEN), f"Chỉ tiêu {code} là định tính: nhập điểm thẩm định ở cột Giá trị."
        else:
            unused, why = (COL_NUM, COL_DEN), f"Chỉ tiêu {code} là số lượng: nhập cột Giá trị, để trống cột này."
        for column in unused:
            if cells[column] is not None:
                self.error(row, column, why)
                ok = False
        # The secretariat's figure for a qualitative indicator is its appraised score.
        if indicator.measure == Indicator.Measure.PERCENT:
            raw = {"numerator": cells[COL_NUM], "denominator": cells[COL_DEN]}
        elif indicator.kind == Indicator.Kind.QUALITATIVE:
            raw = {"appraised_score": cells[COL_VALUE]}
        else:
            raw = {"value": cells[COL_VALUE]}
        problems = fig.Problems()
        figures = fig.clean_entry(indicator, raw, problems)
        for (_, name), message in problems.errors.items():
            self.error(row, FIELD_COLUMN[name], message)
        for name in raw:
            if getattr(figures, name) is None and (code, name) not in problems.errors:
                self.error(row, FIELD_COLUMN[name], MISSING[name].format(code=code))
                ok = False
        if problems or not ok:
            return None
        value = figures.appraised_score if indicator.kind == Indicator.Kind.QUALITATIVE else figures.value
        return figures.numerator, figures.denominator, value


@dataclass
class CheckedSheet:
    """The long sheet read and checked row by row: good rows, and every error found so far."""

    name: str
    rows: list[LongRow]
    errors: CellErrors


def long_rows_check(*, campaign: Campaign, source: BinaryIO, progress: Progress | None = None) -> CheckedSheet:
    """Read the long sheet and check every row on its own (codes, month, duplicates, figures).

    Raises ExcelInvalid when the file cannot be read as a table at all (not an .xlsx, too big,
    no sheet with the header, renamed columns); otherwise returns the good rows and the errors.
    """
    workbook = excel.open_workbook(source)
    errors = CellErrors()
    table = excel.find_table(workbook, excel.LONG_HEADER, errors)
    checker = _LongChecker(campaign, table, errors)
    total = len(table.rows)
    if progress:
        progress(0, total)
    rows = []
    for done, row in enumerate(table.rows, start=1):
        checked = checker.check(row)
        if checked is not None:
            rows.append(checked)
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total)
    if progress:
        progress(total, total)
    return CheckedSheet(name=table.name, rows=rows, errors=errors)


def _row_changes(entry: ReportEntry, row: LongRow) -> dict[str, tuple[str, object]]:
    """Field → (column, new value) of what the row would change in the entry."""
    if row.indicator.measure == Indicator.Measure.PERCENT:
        wanted = {"numerator": (COL_NUM, row.numerator), "denominator": (COL_DEN, row.denominator)}
    elif row.indicator.kind == Indicator.Kind.QUALITATIVE:
        # The secretariat's figure for a qualitative indicator is its appraised score.
        wanted = {"appraised_score": (COL_VALUE, row.value)}
    else:
        wanted = {"value": (COL_VALUE, row.value)}
    return {name: (column, new) for name, (column, new) in wanted.items() if getattr(entry, name) != new}


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
                    excel.column_label(3, COL_CODE),
                    f"Báo cáo tháng {row.month:%m/%Y} của {row.unit.short_name} "
                    f"không có chỉ tiêu {row.indicator.code}.",
                )
            elif report.status == ReportStatus.ACCEPTED:
                for column, _ in _row_changes(entry, row).values():
                    where = excel.column_label(excel.LONG_HEADER.index(column) + 1, column)
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
        MonthlyReport.objects.filter(pk__in=touched).update(updated_at=timezone.now())
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


@transaction.atomic
def reports_accept_imported(*, reports: list[MonthlyReport], actor: AbstractBaseUser, reason: str) -> int:
    """Accept reports whose figures the secretariat has just imported, from whatever state they are in.

    Not a workflow transition a person takes: the import stands for the unit's submission and
    the secretariat's review, so no appraisal form is asked. Records who/when/why as action
    "accept" for each; reports already accepted are skipped. Only the secretariat may.
    Returns how many reports were accepted.
    """
    if not has_role(actor, Role.SECRETARIAT):
        raise services.ReportError("Chỉ Thường trực thi đua được chấp nhận báo cáo khi nhập số liệu.")
    pending = list(
        MonthlyReport.objects.select_for_update()
        .filter(pk__in=[r.pk for r in reports])
        .exclude(status=ReportStatus.ACCEPTED)
        .order_by("pk")
    )
    if not pending:
        return 0
    now, transitions = timezone.now(), []
    for report in pending:
        transitions.append(
            ReportTransition(
                report=report,
                action="accept",
                from_status=report.status,
                to_status=ReportStatus.ACCEPTED,
                actor=actor,
                reason=reason,
            )
        )
        report.status, report.accepted_by = ReportStatus.ACCEPTED, actor
        report.accepted_at = report.updated_at = now
    # One statement per batch instead of a save per report: an import may accept hundreds.
    bulk_update_with_history(
        pending,
        MonthlyReport,
        ["status", "accepted_at", "accepted_by", "updated_at"],
        batch_size=BULK_BATCH,
        default_user=actor,
    )
    ReportTransition.objects.bulk_create(transitions)
    # Accepted figures count in the scores: recompute the campaign once the import has committed.
    campaign_id = pending[0].campaign_id
    transaction.on_commit(lambda: run_recompute.delay(campaign_id))
    return len(pending)


# --- A unit's filled template -----------------------------------------------------------------

_ONE_STOP_BY_LABEL = {excel.norm(label): name for name, label in fig.ONE_STOP_LABELS.items()}


@dataclass
class CheckedTemplate:
    """A unit's template read and checked: the raw figures to hand to services.report_save_figures."""

    report: MonthlyReport
    entries: dict[str, dict]
    one_stop: dict | None

    def summary(self) -> str:
        report = self.report
        return (
            f"Đã lưu số liệu {len(self.entries)} chỉ tiêu vào báo cáo tháng {report.month:%m/%Y} của "
            f"{report.unit.short_name} (bản đang soạn; chưa gửi)."
        )


def report_template_check(
    *, report: MonthlyReport, source: BinaryIO, progress: Progress | None = None
) -> CheckedTemplate:
    """Read a unit's filled template and check every cell of both sheets; raise ExcelInvalid listing them all.

    The file must be this report's template (same unit code and month). A "Một cửa" sheet, when
    present, gives the one-stop counts; without it the counts already saved are kept.
    """
    workbook = excel.open_workbook(source)
    errors = CellErrors()
    table = excel.find_table(workbook, excel.TEMPLATE_HEADER, errors, search_rows=20, sheet_name=excel.TEMPLATE_SHEET)
    _check_template_identity(table, report, errors)
    indicators = {i.code.casefold(): i for i in Indicator.objects.filter(campaign=report.campaign)}
    applicable = {e.indicator.code for e in report.entries.select_related("indicator")}
    entries: dict[str, dict] = {}
    places: dict[tuple[str, str], tuple[str, int | None, str]] = {}
    for row in table.rows:
        _template_row(table, row, report, indicators, applicable, entries, places, errors)
    one_stop = _template_one_stop(workbook, places, errors)
    total = len(table.rows) + (len(one_stop) if one_stop is not None else 0)
    if progress:
        progress(total, total)
    try:
        services.figures_clean(report=report, entries=entries, one_stop=one_stop)
    except services.FiguresInvalid as exc:
        for (where, name), message in exc.problems.errors.items():
            fallback = (excel.ONE_STOP_SHEET if where == "one_stop" else table.name, None, "")
            sheet, row, column = places.get((where, name)) or places.get((where, "code")) or fallback
            errors.add(sheet, row, column, message)
    if errors:
        raise ExcelInvalid(errors.items())
    return CheckedTemplate(report=report, entries=entries, one_stop=one_stop)


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


def _check_template_identity(table: excel.Table, report: MonthlyReport, errors: CellErrors) -> None:
    """The template says which unit and month it is for; uploading another one would mix reports up."""
    labels = excel.labels_above(table)
    for label, expected, shown in (
        (excel.TEMPLATE_UNIT_LABEL, report.unit.code, report.unit.code),
        (excel.TEMPLATE_MONTH_LABEL, report.month, f"{report.month:%m/%Y}"),
    ):
        found = labels.get(excel.norm(label))
        if found is None:
            errors.add(
                table.name, None, "", f"Không thấy ô “{label}” phía trên bảng: hãy dùng mẫu tải từ trang báo cáo."
            )
            continue
        row, raw = found
        where = excel.column_label(2, label)
        if label == excel.TEMPLATE_UNIT_LABEL:
            actual = excel.text_code(raw)
            if actual.upper() != expected.upper():
                errors.add(table.name, row, where, f"Tệp là mẫu của đơn vị “{actual}”, không phải {shown}.")
            continue
        try:
            month = excel.parse_month(raw)
        except ValueError as exc:
            errors.add(table.name, row, where, str(exc))
            continue
        if month != expected:
            errors.add(table.name, row, where, f"Tệp là mẫu tháng {month:%m/%Y}, không phải tháng {shown}.")


def _template_row(table, row, report, indicators, applicable, entries, places, errors) -> None:
    code_column = table.where("Mã chỉ tiêu")
    code = excel.text_code(row.cells["Mã chỉ tiêu"])
    if not code:
        errors.add(table.name, row.number, code_column, "Thiếu mã chỉ tiêu.")
        return
    indicator = indicators.get(code.casefold())
    if indicator is None:
        errors.add(table.name, row.number, code_column, f"Không có chỉ tiêu mã “{code[:20]}” trong phong trào.")
        return
    code = indicator.code
    if code not in applicable:
        errors.add(table.name, row.number, code_column, f"Chỉ tiêu {code} không áp dụng cho {report.unit.short_name}.")
        return
    if code in entries:
        first = places[(code, "code")][1]
        errors.add(table.name, row.number, code_column, f"Trùng với dòng {first}: chỉ tiêu {code} đã có.")
        return
    places[(code, "code")] = (table.name, row.number, code_column)
    used = fig.input_fields(indicator)
    raw: dict = {}
    for name, column in excel.TEMPLATE_FIELDS.items():
        where = table.where(column)
        places[(code, name)] = (table.name, row.number, where)
        value = row.cells[column]
        if name in used:
            raw[name] = "" if value is None and name == "explanation" else value
        elif value is not None and not errors.has(table.name, row.number, where):
            hint = "tính từ trang “Một cửa”" if fig.uses_one_stop(indicator) else f"nhập {_columns_of(used)}"
            errors.add(table.name, row.number, where, f"Chỉ tiêu {code} không dùng ô này ({hint}); hãy để trống.")
    entries[code] = raw


def _columns_of(used: tuple[str, ...]) -> str:
    return ", ".join(excel.TEMPLATE_FIELDS[name] for name in used)


def _template_one_stop(workbook, places, errors: CellErrors) -> dict | None:
    """The one-stop counts (field → raw value), or None when the file has no such sheet."""
    table = excel.find_table(workbook, excel.ONE_STOP_HEADER, errors, sheet_name=excel.ONE_STOP_SHEET, required=False)
    if table is None:
        return None
    label_column, count_column = (table.where(c) for c in excel.ONE_STOP_HEADER)
    counts: dict[str, object] = {}
    for row in table.rows:
        label = row.cells[excel.ONE_STOP_HEADER[0]]
        name = _ONE_STOP_BY_LABEL.get(excel.norm(label))
        if name is None:
            errors.add(table.name, row.number, label_column, f"Không có số liệu một cửa “{str(label)[:40]}”.")
            continue
        if name in counts:
            first = places[("one_stop", name)][1]
            errors.add(table.name, row.number, label_column, f"Trùng với dòng {first}.")
            continue
        counts[name] = row.cells[excel.ONE_STOP_HEADER[1]]
        places[("one_stop", name)] = (table.name, row.number, count_column)
    return counts
