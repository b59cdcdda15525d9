"""The beat jobs' services: remind units before a report deadline, list late units the day after.

Each run records what it sent as ReportReminder rows and skips what is already recorded, so a
job run twice the same day (a retried task, two beat processes) sends nothing more.
"""

import logging
from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse

from core.notifications import notify
from emulation.plan.models import Campaign
from emulation.reports.models import MonthlyReport, ReportReminder, ReportStatus
from emulation.reports.selectors import secretariat_users, unit_head_users

log = logging.getLogger(__name__)

DUE_SOON_DAYS = 3
SENT = (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED)


def _months_due(campaign: Campaign, deadline: date) -> list[date]:
    return [month for month in campaign.months() if campaign.report_deadline(month) == deadline]


def _units_not_sent(campaign: Campaign, month: date) -> list:
    """Participating units, in order, without a submitted or accepted report for `month`."""
    sent = MonthlyReport.objects.filter(campaign=campaign, month=month, status__in=SENT).values("unit_id")
    return list(campaign.participants.exclude(pk__in=sent).order_by("order", "name"))


def _lock(campaign: Campaign) -> None:
    """Serialise concurrent runs for a campaign (PostgreSQL row lock; a no-op on SQLite)."""
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()


def reminders_due_soon_send(*, today: date) -> int:
    """Three days before a month's deadline, notify the heads of each unit that has not sent its report.

    One ReportReminder(kind=due_soon) per unit and month; a unit already reminded is skipped.
    Returns the number of units reminded by this run.
    """
    deadline = today + timedelta(days=DUE_SOON_DAYS)
    reminded = 0
    for campaign in Campaign.objects.filter(is_active=True):
        for month in _months_due(campaign, deadline):
            with transaction.atomic():
                _lock(campaign)
                done = set(
                    ReportReminder.objects.filter(
                        campaign=campaign, month=month, kind=ReportReminder.Kind.DUE_SOON
                    ).values_list("unit_id", flat=True)
                )
                for unit in _units_not_sent(campaign, month):
                    if unit.pk in done:
                        continue
                    ReportReminder.objects.create(
                        campaign=campaign, unit=unit, month=month, kind=ReportReminder.Kind.DUE_SOON
                    )
                    heads = unit_head_users(unit)
                    if not heads:
                        log.warning("No unit head to remind for %s, %s %s", unit.code, campaign.code, month)
                    notify(
                        kind="report_due_soon",
                        recipients=heads,
                        url=reverse("emulation:report-matrix", kwargs={"code": campaign.code}),
                        unit=unit.short_name,
                        month=f"{month:%m/%Y}",
                        deadline=f"{deadline:%d/%m/%Y}",
                    )
                    reminded += 1
    return reminded


def late_units_notify(*, today: date) -> int:
    """The day after a month's deadline, send the secretariat the list of units that have not sent it.

    Recorded as one ReportReminder(kind=late_list, unit=None) per campaign and month, even when
    no unit is late, so the list goes out once. Returns the number of late units listed by this run.
    """
    deadline = today - timedelta(days=1)
    late_total = 0
    for campaign in Campaign.objects.filter(is_active=True):
        for month in _months_due(campaign, deadline):
            with transaction.atomic():
                _lock(campaign)
                recorded = ReportReminder.objects.filter(
                    campaign=campaign, month=month, kind=ReportReminder.Kind.LATE_LIST, unit__isnull=True
                )
                if recorded.exists():
                    continue
                ReportReminder.objects.create(campaign=campaign, month=month, kind=ReportReminder.Kind.LATE_LIST)
                late = _units_not_sent(campaign, month)
                if late:
                    notify(
                        kind="reports_late",
                        recipients=secretariat_users(),
                        url=reverse("emulation:report-matrix", kwargs={"code": campaign.code}),
                        count=len(late),
                        month=f"{month:%m/%Y}",
                        deadline=f"{deadline:%d/%m/%Y}",
                        units=", ".join(unit.name for unit in late),
                    )
                late_total += len(late)
    return late_total
