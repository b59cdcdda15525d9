"""Sending work to the Celery queue without ever making a request wait on the broker.

enqueue_on_commit() writes the task to the outbox (core.models.PendingTask) inside the current
transaction and sends it once that transaction commits, failing fast (seconds, no retries) when
the broker is down: the write has committed, the page answers, and the row stays for the sweep
(pending_tasks_send, every minute from beat) to send when the broker is back.
"""

import logging
from datetime import timedelta

from celery import current_app
from django.db import transaction
from django.utils import timezone

from core.models import PendingTask

log = logging.getLogger(__name__)

SWEEP_AFTER = timedelta(seconds=30)
"""A row younger than this is still being sent by the request that wrote it."""


def enqueue_on_commit(task, *args) -> PendingTask:
    """Send `task(*args)` after the surrounding transaction commits; the work is recorded now. `task` is the task
    or its registered name (for a module the task's own module imports)."""
    row = PendingTask.objects.create(name=task if isinstance(task, str) else task.name, args=list(args))
    transaction.on_commit(lambda: _send(row))
    return row


def _send(row: PendingTask) -> bool:
    """Hand one row's task to the broker, then forget the row; on failure keep it for the sweep."""
    try:
        if _eager():
            _run_eager(row)
        else:
            # No result is read back (the task records its own outcome), so the result store is not
            # contacted either: Redis's result consumer would retry for 20 s while the broker is down.
            current_app.send_task(row.name, args=row.args, retry=False, ignore_result=True)
    except Exception as exc:  # the broker is down or unreachable: the sweep will try again
        log.warning("Could not send %s to the queue (%s); kept for the sweep", row.name, exc)
        PendingTask.objects.filter(pk=row.pk).update(attempts=row.attempts + 1, last_error=str(exc)[:500])
        return False
    PendingTask.objects.filter(pk=row.pk).delete()
    return True


def _eager() -> bool:
    return bool(current_app.conf.task_always_eager)


def _run_eager(row: PendingTask) -> None:
    """Without a broker (development, tests), the task runs here and now, as Celery's eager mode does."""
    current_app.tasks[row.name].apply(args=row.args, throw=True)


def pending_tasks_send(*, older_than: timedelta = SWEEP_AFTER) -> int:
    """Send every row older than `older_than`, oldest first, each on its own (no transaction held while the
    broker is asked); returns how many the broker took. Two sweeps at once may send a row twice: every
    task sent this way is safe to run twice (a job is claimed once, a recompute rewrites the same rows)."""
    cutoff = timezone.now() - older_than
    sent = 0
    for row in list(PendingTask.objects.filter(created_at__lte=cutoff).order_by("created_at", "pk")[:1000]):
        if not _send(row):
            break  # the broker is still down: the next sweep tries again
        sent += 1
    return sent
