"""Reads of monthly reports: pages, scoping per person, recipients, history, the matrix, the home page's cards."""

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, QuerySet

from core.roles import Role
from criteria.models import Indicator
from emulation.plan.models import Campaign
from emulation.reports.models import Evidence, MonthlyReport, ReportEntry, ReportStatus, ReportTransition
from emulation.reports.permissions import can_follow_reports
from emulation.reports.workflow import EDITABLE, SENT
from units.models import Official
from units.selectors import units_headed_by


def report_month_due(campaign: Campaign, today: date) -> tuple[date, date] | None:
    """The month whose report is due next, and its deadline; None after the last deadline."""
    for month in campaign.months():
        deadline = campaign.report_deadline(month)
        if deadline >= today and month <= today:
            return month, deadline
    return None


def reports_waiting_review(campaign: Campaign) -> list[MonthlyReport]:
    """Reports sent and not yet reviewed, oldest first: the secretariat's queue."""
    return list(
        MonthlyReport.objects.filter(campaign=campaign, status=ReportStatus.SUBMITTED)
        .select_related("unit", "campaign")
        .order_by("submitted_at")
    )


def with_return_reasons(reports: list[MonthlyReport]) -> list[MonthlyReport]:
    """Each report with `return_reason` (why it was last sent back, when it is) and `editable`; one query."""
    returned = [r.pk for r in reports if r.status == ReportStatus.RETURNED]
    reasons = {}
    if returned:
        steps = ReportTransition.objects.filter(report_id__in=returned, to_status=ReportStatus.RETURNED)
        for step in steps.order_by("at", "pk"):
            reasons[step.report_id] = step.reason
    for report in reports:
        report.return_reason = reasons.get(report.pk, "")
        report.editable = report.status in EDITABLE
    return reports


def unit_month_reports(campaign: Campaign, units, month: date) -> list[tuple]:
    """(unit, its report for `month` or None) for each unit a person heads, with why a returned one was returned."""
    found = with_return_reasons(list(MonthlyReport.objects.filter(campaign=campaign, month=month, unit__in=units)))
    reports = {r.unit_id: r for r in found}
    return [(unit, reports.get(unit.pk)) for unit in units]


def reports_returned(campaign: Campaign, units, *, except_month: date | None = None) -> list[MonthlyReport]:
    """The reports of `units` sent back to them and not yet sent again, oldest month first, with the reason."""
    reports = MonthlyReport.objects.filter(campaign=campaign, unit__in=units, status=ReportStatus.RETURNED)
    if except_month is not None:
        reports = reports.exclude(month=except_month)
    return with_return_reasons(list(reports.select_related("unit").order_by("month", "unit__order")))


def units_sent_count(campaign: Campaign, month: date) -> int:
    """How many participating units have sent (or had accepted) their report for `month`."""
    return MonthlyReport.objects.filter(
        campaign=campaign, month=month, status__in=SENT, unit__in=campaign.participants.all()
    ).count()


def applicable_indicators(campaign: Campaign, unit) -> list[Indicator]:
    """The campaign's indicators that apply to `unit`: those with no unit list, or listing it."""
    indicators = (
        Indicator.objects.filter(campaign=campaign)
        .prefetch_related("applies_to")
        .order_by("criterion__order", "order", "code")
    )
    return [i for i in indicators if not i.applies_to.all() or any(u.pk == unit.pk for u in i.applies_to.all())]


def unit_head_users(unit) -> list:
    """Accounts acting for `unit`: active head or deputy officials whose account has the unit-head role."""
    officials = (
        Official.objects.filter(unit=unit, is_active=True, leadership__in=["head", "deputy"], user__is_active=True)
        .filter(user__groups__name=Role.UNIT_HEAD.group_name)
        .select_related("user")
    )
    return [o.user for o in officials]


def secretariat_users() -> list:
    return list(get_user_model().objects.filter(is_active=True, groups__name=Role.SECRETARIAT.group_name).distinct())


def reports_visible_to(user) -> QuerySet[MonthlyReport]:
    """Every report for ward-wide roles; only their own units' reports for a unit head; none otherwise."""
    reports = MonthlyReport.objects.select_related("campaign", "unit")
    if can_follow_reports(user):
        return reports
    return reports.filter(unit__in=[u.pk for u in units_headed_by(user)])


def report_page(pk: int, user) -> MonthlyReport:
    """One report with its entries, evidence and history, if `user` may see it; raises DoesNotExist."""
    evidence = Evidence.objects.select_related("uploaded_by").order_by("uploaded_at", "pk")
    entries = (
        ReportEntry.objects.select_related("indicator__criterion")
        .prefetch_related(Prefetch("evidence", queryset=evidence))
        .order_by("indicator__criterion__order", "indicator__order")
    )
    transitions = ReportTransition.objects.select_related("actor__official").order_by("at", "pk")
    return (
        reports_visible_to(user)
        .select_related("accepted_by")
        .prefetch_related(Prefetch("entries", queryset=entries), Prefetch("transitions", queryset=transitions))
        .get(pk=pk)
    )


def _diffs(records, fields: tuple[str, ...], what) -> list[dict]:
    """Changes between consecutive historical records of each object, one row per changed field."""
    changes, previous = [], {}
    for record in records:
        before = previous.get(record.id)
        if before is not None:
            for name in fields:
                old, new = getattr(before, name), getattr(record, name)
                if old != new:
                    changes.append(
                        {
                            "at": record.history_date,
                            "user": record.history_user,
                            "what": what(record, name),
                            "old": old,
                            "new": new,
                            "text": name in TEXT_FIELDS,
                        }
                    )
        previous[record.id] = record
    return changes


TEXT_FIELDS = {"explanation"}
"""Changed values shown exactly as stored, never formatted as numbers."""


def entry_history(report: MonthlyReport) -> list[dict]:
    """Who changed which value of the report's figures, and when (newest first)."""
    labels = {f.name: f.verbose_name for f in [*ReportEntry._meta.fields, *MonthlyReport._meta.fields]}
    entries = (
        ReportEntry.history.model.objects.filter(report_id=report.pk)
        .select_related("history_user__official", "indicator")
        .order_by("id", "history_date")
    )
    counts = (
        MonthlyReport.history.model.objects.filter(id=report.pk)
        .select_related("history_user__official")
        .order_by("history_date")
    )
    tracked = ("numerator", "denominator", "value", "self_score", "appraised_score", "explanation")
    changes = _diffs(entries, tracked, lambda r, name: f"{r.indicator.code} · {labels[name]}")
    changes += _diffs(counts, MonthlyReport.ONE_STOP_FIELDS, lambda r, name: f"Một cửa · {labels[name]}")
    return sorted(changes, key=lambda c: c["at"], reverse=True)


def report_changes_since(report: MonthlyReport, seen_at: datetime | None, limit: int = 30) -> list[dict]:
    """What changed in the report after `seen_at` (its figures old → new, its evidence, its state), newest
    first; the latest `limit` changes when the time is not known. Shown when a save is refused as stale."""
    figures = entry_history(report)
    states = dict(ReportStatus.choices)
    events = []
    records = MonthlyReport.history.model.objects.filter(id=report.pk).select_related("history_user__official")
    previous = None
    for record in records.order_by("history_date"):
        if previous is not None and record.status != previous.status:
            events.append(
                {
                    "at": record.history_date,
                    "user": record.history_user,
                    "what": "Trạng thái",
                    "old": states.get(previous.status, previous.status),
                    "new": states.get(record.status, record.status),
                    "text": True,
                }
            )
        elif record.history_change_reason and record.history_change_reason != "Sửa số liệu":
            events.append(
                {"at": record.history_date, "user": record.history_user, "what": record.history_change_reason}
            )
        previous = record
    changes = sorted(figures + events, key=lambda c: c["at"], reverse=True)
    if seen_at is not None:
        return [c for c in changes if c["at"] > seen_at]
    return changes[:limit]


def report_matrix_units(campaign: Campaign, user) -> list:
    """Rows of the report matrix `user` may see: all participants for those who follow reports, else their own."""
    units = list(campaign.participants.order_by("order", "name"))
    if can_follow_reports(user):
        return units
    headed = {unit.pk for unit in units_headed_by(user)}
    return [unit for unit in units if unit.pk in headed]


def report_matrix(campaign: Campaign, units: list, today: date) -> dict:
    """Units × the campaign's months up to today's: each cell's report, status, lateness and last urge.

    Two queries whatever the number of units and months (the reports, the latest urge per cell).
    Returns {"columns": [{month, deadline, sent}], "rows": [{unit, cells, sent, late}]}; a cell is
    {month, deadline, report (or None), label, where (the cell named for screen readers), sent, late,
    last_urged (datetime or None), urgeable (not sent, deadline past or within 7 days)}.
    """
    from django.db.models import Max

    from emulation.reports.models import ReportReminder

    months = [month for month in campaign.months() if month <= today]
    deadlines = {month: campaign.report_deadline(month) for month in months}
    unit_ids = [unit.pk for unit in units]
    reports = {}
    for report in MonthlyReport.objects.filter(campaign=campaign, unit_id__in=unit_ids, month__in=months):
        report.campaign = campaign  # is_late() reads the deadline through it: no query per cell
        reports[report.unit_id, report.month] = report
    urges = (
        ReportReminder.objects.filter(
            campaign=campaign, kind=ReportReminder.Kind.URGE, unit_id__in=unit_ids, month__in=months
        )
        .values("unit_id", "month")
        .annotate(last=Max("sent_at"))
        .order_by()
    )
    last_urged = {(urge["unit_id"], urge["month"]): urge["last"] for urge in urges}

    rows = []
    for unit in units:
        cells = []
        for month in months:
            report, deadline = reports.get((unit.pk, month)), deadlines[month]
            sent = report is not None and report.status in SENT
            cells.append(
                {
                    "month": month,
                    "deadline": deadline,
                    "report": report,
                    "label": report.get_status_display() if report else "Chưa có",
                    "where": f"{unit.short_name}, tháng {month:%m/%Y}: ",
                    "sent": sent,
                    "late": report.is_late(today) if report else today > deadline,
                    "last_urged": last_urged.get((unit.pk, month)),
                    "urgeable": not sent and (deadline - today).days <= 7,
                }
            )
        rows.append(
            {
                "unit": unit,
                "cells": cells,
                "sent": sum(cell["sent"] for cell in cells),
                "late": sum(cell["late"] for cell in cells),
            }
        )
    columns = [
        {"month": month, "deadline": deadlines[month], "sent": sum(row["cells"][i]["sent"] for row in rows)}
        for i, month in enumerate(months)
    ]
    return {"columns": columns, "rows": rows}


def report_for_excel(pk: int, user) -> MonthlyReport:
    """One report with its entries' indicators, for its Excel template, if `user` may see it; raises DoesNotExist."""
    entries = ReportEntry.objects.select_related("indicator").order_by(
        "indicator__criterion__order", "indicator__order", "indicator__code"
    )
    return reports_visible_to(user).prefetch_related(Prefetch("entries", queryset=entries)).get(pk=pk)


def figures_for_export(campaign: Campaign, user, months: list[date]) -> QuerySet[ReportEntry]:
    """Every entry of the reports `user` may see for those months: one row per unit, month, indicator."""
    reports = reports_visible_to(user).filter(campaign=campaign, month__in=months)
    return (
        ReportEntry.objects.filter(report__in=reports)
        .select_related("report__unit", "indicator")
        .order_by(
            "report__unit__order",
            "report__unit__code",
            "report__month",
            "indicator__criterion__order",
            "indicator__order",
            "indicator__code",
        )
    )


def import_jobs_recent(campaign: Campaign, limit: int = 10) -> list:
    """The campaign's latest Excel imports, newest first, with who ran them."""
    return list(
        campaign.import_jobs.select_related("created_by__official", "report__unit").order_by("-created_at")[:limit]
    )


def unit_progress(campaign: Campaign, unit, today: date) -> dict:
    """How many of the campaign's months so far have the unit's report accepted."""
    months = [m for m in campaign.months() if m <= today]
    accepted = MonthlyReport.objects.filter(
        campaign=campaign, unit=unit, month__in=months, status=ReportStatus.ACCEPTED
    ).count()
    return {"accepted_months": accepted, "months_so_far": len(months)}
