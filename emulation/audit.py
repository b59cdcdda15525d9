"""What the emulation app gives the audit log (core.audit): the history of campaigns, initiatives, monthly
reports and their figures, and every step of a report's workflow."""

from core.audit.registry import TransitionSource, history_register, source_register
from emulation.initiatives.models import Initiative
from emulation.plan.models import Campaign
from emulation.reports.models import MonthlyReport, ReportEntry, ReportTransition
from emulation.reports.workflow import REPORT_WORKFLOW

history_register(
    Campaign, key="phong-trao", label="Phong trào thi đua", subject=lambda row: f"Phong trào {row['code']}"
)
history_register(
    Initiative,
    key="sang-kien",
    label="Sáng kiến",
    unit="unit_id",
    unit_name="unit__short_name",
    subject=lambda row: f"Sáng kiến “{row['title']}”",
)
history_register(
    MonthlyReport,
    key="bao-cao",
    label="Báo cáo số liệu tháng",
    unit="unit_id",
    unit_name="unit__short_name",
    subject=lambda row: f"Báo cáo tháng {row['month']:%m/%Y}",
)
history_register(
    ReportEntry,
    key="bao-cao-so-lieu",
    label="Số liệu chỉ tiêu trong báo cáo",
    unit="report__unit_id",
    unit_name="report__unit__short_name",
    subject_fields=("report__month", "indicator__code"),
    subject=lambda row: f"Chỉ tiêu {row['indicator__code'] or '?'}, báo cáo tháng {_month(row['report__month'])}",
)
source_register(
    TransitionSource(
        key="buoc-bao-cao",
        label="Bước xử lý báo cáo tháng",
        model=ReportTransition,
        unit="report__unit_id",
        unit_name="report__unit__short_name",
        subject_fields=("report__month",),
        subject=lambda row: f"Báo cáo tháng {_month(row['report__month'])}",
        actions={t.action: t.label for t in REPORT_WORKFLOW.transitions},
    )
)


def _month(day) -> str:
    return f"{day:%m/%Y}" if day else "?"
