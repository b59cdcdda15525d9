"""Tasks of the portal as a whole."""

from celery import shared_task
from django.db import connection


@shared_task
def worker_health() -> dict:
    """Answer from a worker with what it sees of the database: proves broker, worker and DB work together."""
    from emulation.models import Campaign
    from units.models import Official

    return {
        "database": connection.vendor,
        "campaigns": Campaign.objects.count(),
        "officials": Official.objects.filter(is_active=True).count(),
    }
