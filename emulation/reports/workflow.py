"""The monthly report's state machine, as a table on the one engine (core.workflow).

Who may take each step is a permission of emulation.reports.permissions; the named checks, effects
and recipients are registered by emulation.reports.steps (and the score recompute by
emulation.scores.effects). Every acceptance, including the secretariat's import, is a row here.
"""

from django.urls import reverse

from core.workflow import State, Transition, Workflow
from emulation.reports.models import ReportStatus, ReportTransition
from units.selectors import person_name

S = ReportStatus
F, T = frozenset, Transition
UNIT, REVIEW, IMPORT = "emulation.submit_report", "emulation.review_report", "emulation.import_figures"
SENT_BACK = F({S.DRAFT, S.RETURNED})


def _record(*, obj, action, source, target, actor, reason) -> ReportTransition:
    return ReportTransition.objects.create(
        report=obj, action=action, from_status=source, to_status=target, actor=actor, reason=reason
    )


def _notice_values(report, actor, reason: str) -> dict:
    return {
        "unit": report.unit.short_name,
        "month": f"{report.month:%m/%Y}",
        "actor": person_name(actor),
        "reason": reason,
    }


def _url(report) -> str:
    return reverse("emulation:report-detail", kwargs={"pk": report.pk})


# fmt: off
REPORT_WORKFLOW = Workflow(
    name="report",
    states=[
        State(S.DRAFT, S.DRAFT.label, "secondary", editable=True),
        State(S.SUBMITTED, S.SUBMITTED.label, "primary"),
        State(S.RETURNED, S.RETURNED.label, "danger", editable=True),
        State(S.ACCEPTED, S.ACCEPTED.label, "success"),
    ],
    transitions=[
        #  action           label                       from            to           who     reason
        T("submit",        "Gửi báo cáo",               SENT_BACK,      S.SUBMITTED, UNIT,   False,
          checks=("complete",), effects=("stamp_submitted",), tells="secretariat", notice="report_submitted"),
        T("withdraw",      "Rút lại để sửa",            F({S.SUBMITTED}), S.DRAFT,   UNIT,   False,
          tells="secretariat", notice="report_withdrawn"),
        T("accept",        "Chấp nhận",                 F({S.SUBMITTED}), S.ACCEPTED, REVIEW, False,
          effects=("appraise", "stamp_accepted", "recompute_scores"), tells="unit_heads", notice="report_accepted"),
        T("return",        "Trả lại",                   F({S.SUBMITTED}), S.RETURNED, REVIEW, True,
          tells="unit_heads", notice="report_returned"),
        T("reopen",        "Mở lại để sửa",             F({S.ACCEPTED}), S.RETURNED, REVIEW, True,
          effects=("clear_accepted", "recompute_scores"), tells="unit_heads", notice="report_reopened"),
        # The secretariat's import stands for the unit's sending and the review: figures from the file.
        T("accept_import", "Chấp nhận số liệu nhập từ tệp", SENT_BACK | {S.SUBMITTED}, S.ACCEPTED, IMPORT, False,
          effects=("stamp_accepted", "recompute_scores"), tells="unit_heads", notice="report_accepted"),
    ],
    record=_record,
    notice_values=_notice_values,
    url=_url,
)
# fmt: on

EDITABLE = REPORT_WORKFLOW.editable
"""States in which the unit head may change figures and evidence."""
SENT = F({S.SUBMITTED, S.ACCEPTED})
"""States in which the unit has sent its report (the matrix and reminders count these)."""
