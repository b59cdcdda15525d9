"""The Excel import's task: thin, takes the job's id and runs the importer (what intake enqueued)."""

from celery import shared_task


@shared_task(name="emulation.tasks.run_import")
def run_import(job_id: int) -> None:
    """Run an Excel import job; safe to run twice: a job already taken or finished is left alone."""
    from emulation.reports.excel.importer import import_run

    import_run(job_id=job_id)
