"""What the monthly report workflow's named checks, effects and recipients do (emulation.reports.workflow).

Registered on the table when the app is ready; the score recompute after an acceptance is the scores
wing's (emulation.scores.effects), so that reports never import scores.
"""

from django.utils import timezone

from emulation.reports import figures as fig
from emulation.reports.models import MonthlyReport
from emulation.reports.selectors import report_changes_since, secretariat_users, unit_head_users
from emulation.reports.services import FiguresInvalid, ReportError, report_missing
from emulation.reports.workflow import REPORT_WORKFLOW

W = REPORT_WORKFLOW
W.changes_since = report_changes_since


@W.check("complete")
def _complete(report: MonthlyReport, actor, **inputs) -> None:
    """Submitting needs every entry's figures, explanation and evidence."""
    missing = report_missing(report)
    if missing:
        raise ReportError("Chưa gửi được: " + " ".join(missing))


@W.effect("appraise")
def _appraise(report: MonthlyReport, actor, *, appraisals: dict | None = None, **inputs) -> None:
    """Record the secretariat's score for every qualitative entry; refuse a missing or bad one
    (FiguresInvalid: the transaction is rolled back, nothing is written)."""
    appraisals = appraisals or {}
    problems = fig.Problems()
    entries = [e for e in report.entries.select_related("indicator") if e.indicator.shape.is_score]
    scores = {}
    for entry in entries:
        code = entry.indicator.code
        scores[entry.pk] = fig.clean_entry(
            entry.indicator, {"appraised_score": appraisals.get(code)}, problems
        ).appraised_score
        if scores[entry.pk] is None and (code, "appraised_score") not in problems.errors:
            problems.add(code, "appraised_score", "Cần nhập điểm thẩm định.")
    if problems:
        raise FiguresInvalid(problems)
    for entry in entries:
        if entry.appraised_score != scores[entry.pk]:
            entry.appraised_score = scores[entry.pk]
            entry._history_user = actor
            entry.save(update_fields=["appraised_score"])


@W.effect("stamp_submitted")
def _stamp_submitted(report: MonthlyReport, actor, **inputs) -> None:
    now = timezone.now()
    report.submitted_at = now
    report.first_submitted_at = report.first_submitted_at or now


@W.effect("stamp_accepted")
def _stamp_accepted(report: MonthlyReport, actor, **inputs) -> None:
    report.accepted_at, report.accepted_by = timezone.now(), actor


@W.effect("clear_accepted")
def _clear_accepted(report: MonthlyReport, actor, **inputs) -> None:
    report.accepted_at, report.accepted_by = None, None


@W.recipient("unit_heads")
def _unit_heads(report: MonthlyReport) -> list:
    return unit_head_users(report.unit)


@W.recipient("secretariat")
def _secretariat(report: MonthlyReport) -> list:
    return secretariat_users()
