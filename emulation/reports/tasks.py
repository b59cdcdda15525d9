"""Celery tasks of the monthly reports' beat jobs: thin wrappers that call one service.

Registered under the names they had before the wings (emulation.tasks.*): the beat schedule keeps working.
"""

from celery import shared_task
from django.utils import timezone


@shared_task(name="emulation.tasks.remind_due_soon")
def remind_due_soon() -> int:
    """Daily: remind unit heads without a sent report three days before the deadline."""
    from emulation.reports.reminders import reminders_due_soon_send

    return reminders_due_soon_send(today=timezone.localdate())


@shared_task(name="emulation.tasks.report_late_units")
def report_late_units() -> int:
    """Daily: the day after the deadline, give the secretariat the list of late units."""
    from emulation.reports.reminders import late_units_notify

    return late_units_notify(today=timezone.localdate())
