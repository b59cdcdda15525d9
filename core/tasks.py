"""Tasks of the portal as a whole."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import connection

from core.queue import pending_tasks_send


@shared_task
def worker_health() -> dict:
    """Answer from a worker with what it sees of the database: proves broker, worker and DB work together."""
    return {"database": connection.vendor, "users": get_user_model().objects.filter(is_active=True).count()}


@shared_task(name="core.tasks.pending_tasks_send")
def pending_tasks_sweep() -> int:
    """Every minute: send the work that could not reach the queue when it was asked for (broker down)."""
    return pending_tasks_send()
