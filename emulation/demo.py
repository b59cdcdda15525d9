"""Demo history for `seed_demo`: the months already past, reported and accepted, so that the demo's
dashboards have something to show. Never used by the portal itself.

Figures are made up but plausible, differ by unit and month, and go through the same checks as a
unit head's (services.report_save_figures); each report is then marked submitted and accepted on
time, with its two transitions, as if the round had been done month by month.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from emulation.models import Campaign, MonthlyReport, ReportEntry, ReportTransition
from emulation.reports import services
from emulation.reports.models import ReportStatus
from emulation.scores.services import scores_recompute
from units.models import Official


def _one_stop(u: int, m: int) -> dict[str, str]:
    """One-stop counts that satisfy the four identities of DOMAIN.md §2."""
    resolved = 90 + 5 * u + m
    late = (u + m) % 4
    ahead = 25 + (3 * u + m) % 20
    in_progress = 15 + (u + m) % 6
    overdue = (u * m) % 3
    received = resolved + in_progress
    carried = 5 + u
    online = (received - carried) * (70 + (u + 2 * m) % 25) // 100
    return {
        "received": received,
        "received_online": online,
        "received_direct": received - carried - online,
        "carried_over": carried,
        "resolved": resolved,
        "resolved_ahead": ahead,
        "resolved_on_time": resolved - ahead - late,
        "resolved_late": late,
        "in_progress": in_progress,
        "in_progress_within": in_progress - overdue,
        "in_progress_overdue": overdue,
    }


def _entries(report: MonthlyReport, u: int, m: int) -> dict[str, dict]:
    entries = {}
    for entry in report.entries.select_related("indicator"):
        indicator, k = entry.indicator, entry.indicator.order
        shape = indicator.shape
        if shape.is_score:
            entries[indicator.code] = {
                "self_score": "9",
                "explanation": "Tiếp nhận hồ sơ không giấy tại bộ phận một cửa.",
            }
        elif shape.is_ratio and not shape.one_stop:
            denominator = 20 + 3 * u + m % 4
            entries[indicator.code] = {
                "numerator": str(denominator - (u + m + k) % 4),
                "denominator": str(denominator),
            }
        elif shape.whole:
            entries[indicator.code] = {"value": str(40 + 4 * m + 3 * u + (u * m) % 7)}
    return entries


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@transaction.atomic
def demo_history_load(*, campaign: Campaign, through: date, clerk) -> int:
    """Give every participant an accepted report for each campaign month up to `through` that has
    none yet (a report already there is left alone); recompute the scores (unchanged ones are left
    as they are). Returns the number of reports made."""
    made = 0
    for u, unit in enumerate(campaign.participants.order_by("order", "name")):
        head = unit.officials.filter(leadership=Official.Leadership.HEAD, user__isnull=False).select_related("user")
        sender = head[0].user if head else clerk  # who "sent" it, in the report's history
        for m, month in enumerate(campaign.months(), start=1):
            if month > through or MonthlyReport.objects.filter(campaign=campaign, unit=unit, month=month).exists():
                continue
            report = services.report_open(campaign=campaign, unit=unit, month=month, actor=clerk)
            services.report_save_figures(
                report=report, actor=clerk, entries=_entries(report, u, m), one_stop=_one_stop(u, m)
            )
            ReportEntry.objects.filter(report=report, indicator__kind="qualitative").update(
                appraised_score=Decimal(["7.5", "8", "9", "8.5", "6.5", "9.5"][(2 * u + m // 3) % 6])
            )
            deadline = campaign.report_deadline(month)
            sent, accepted = _at(deadline - timedelta(days=1 + (u + m) % 3), 9), _at(deadline + timedelta(days=2), 15)
            MonthlyReport.objects.filter(pk=report.pk).update(
                status=ReportStatus.ACCEPTED,
                first_submitted_at=sent,
                submitted_at=sent,
                accepted_at=accepted,
                accepted_by=clerk,
            )
            for action, source, target, actor, at in (
                ("submit", ReportStatus.DRAFT, ReportStatus.SUBMITTED, sender, sent),
                ("accept", ReportStatus.SUBMITTED, ReportStatus.ACCEPTED, clerk, accepted),
            ):
                transition = ReportTransition.objects.create(
                    report=report, action=action, from_status=source, to_status=target, actor=actor
                )
                ReportTransition.objects.filter(pk=transition.pk).update(at=at)  # auto_now_add: set afterwards
            made += 1
    # Always: a demo database from before a change to the score tables gets its scores back too.
    scores_recompute(campaign=campaign)
    return made
