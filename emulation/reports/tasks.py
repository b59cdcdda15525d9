"""Celery tasks of the campaign: thin wrappers that take ids or dates and call one service."""

from celery import shared_task
from django.utils import timezone


@shared_task(name="emulation.tasks.run_import")
def run_import(job_id: int) -> None:
    """Run an Excel import job (emulation.reports.excel.importer); safe to run twice: a finished job is left alone."""
    from emulation.reports.excel.importer import import_run

    import_run(job_id=job_id)


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
