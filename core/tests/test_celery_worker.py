"""A real Celery worker on Redis runs a task sent through the broker (CI sets REDIS_URL)."""

import os

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL unset: no Redis broker to test against"),
]


@pytest.mark.django_db(transaction=True)
def test_task_runs_end_to_end_through_redis_on_a_real_worker(personas):
    import celery.contrib.testing.tasks  # noqa: F401  (the ping task start_worker waits for)
    from celery.contrib.testing.worker import start_worker

    from config.celery import app
    from core.tasks import worker_health

    assert app.conf.broker_url.startswith("redis://") and not app.conf.task_always_eager
    with start_worker(app, pool="solo", perform_ping_check=True, shutdown_timeout=10):
        answer = worker_health.delay().get(timeout=20)
    assert answer["database"] == connection.vendor
    assert answer["users"] == 6  # the six personas, read by the worker from the test database
