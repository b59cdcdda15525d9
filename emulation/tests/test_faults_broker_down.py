"""Redis down through a whole round: a unit head submits a month, the secretariat accepts it, the report's PDF is
asked for. Every request answers at once (the broker is not waited on), every write commits, the work waits in the
outbox (core.models.PendingTask); once Redis is back the sweep sends it and a real worker does it: the scores are
recomputed and the document is rendered."""

import os
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.urls import reverse

from config.celery import app
from core.models import PendingTask
from core.queue import pending_tasks_send
from documents.models import Document
from emulation.models import MonthlyReport
from emulation.scores.documents.monthly import KIND
from emulation.scores.models import UnitScore
from emulation.tests.test_broker_down import CLOSED, _new_connections

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL unset: no Redis broker to test against"),
    pytest.mark.django_db(transaction=True),
]

RECOMPUTE, RENDER = "emulation.tasks.recompute_scores", "documents.tasks.document_render"


@contextmanager
def redis_down():
    """The app sends to a port nothing listens on, as with Redis stopped; the real broker again on leaving."""
    saved = (app.conf.broker_url, app.conf.result_backend)
    app.conf.broker_url = app.conf.result_backend = CLOSED
    _new_connections()
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.result_backend = saved
        _new_connections()


def _until(done, seconds: float = 60) -> bool:
    """Poll `done()` until it holds or `seconds` pass (a bound on waiting, not a speed measure)."""
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_with_redis_down_every_write_commits_and_the_work_is_done_once_it_is_back(client, filled_vp, alice, sam):
    assert not app.conf.task_always_eager, "tasks go to the broker, as in production"
    report = filled_vp
    page = reverse("emulation:report-detail", args=[report.pk])
    with redis_down():
        client.force_login(alice)
        submitted = client.post(reverse("emulation:report-transition", args=[report.pk, "submit"]), follow=True)
        assert submitted.status_code == 200 and "Đã gửi báo cáo" in submitted.content.decode()
        client.force_login(sam)
        accept = reverse("emulation:report-transition", args=[report.pk, "accept"])
        accepted = client.post(accept, {"appraise-1.1": "8"}, follow=True)
        assert accepted.status_code == 200 and "Đã chấp nhận." in accepted.content.decode()
        asked = client.post(reverse("documents:document-ask", args=[KIND, report.pk]), {"next": page}, follow=True)
        assert asked.status_code == 200 and "Đang tạo văn bản" in asked.content.decode()

        # Every write committed: the report's state, its queued document; nothing was done yet.
        assert MonthlyReport.objects.get(pk=report.pk).status == "accepted"
        document = Document.objects.get(kind=KIND, record_id=report.pk)
        assert document.status == Document.Status.QUEUED and document.attempts == 0
        assert not UnitScore.objects.filter(campaign=report.campaign_id, unit=report.unit_id).exists()
        # What waits is in the outbox, each tried once (no retries held a request) and kept.
        waiting = {row.name: row for row in PendingTask.objects.all()}
        assert sorted(waiting) == sorted([RECOMPUTE, RENDER])
        assert waiting[RENDER].args == [document.pk]
        assert waiting[RECOMPUTE].args == [report.campaign_id, report.unit_id, "2026-10-01"]
        assert all(row.attempts == 1 and row.last_error for row in waiting.values())
        assert pending_tasks_send(older_than=timedelta(0)) == 0, "still down: the sweep keeps them"
        assert PendingTask.objects.count() == 2

    import celery.contrib.testing.tasks  # noqa: F401  (the ping task start_worker waits for)
    from celery.contrib.testing.worker import start_worker

    app.control.purge()  # only what the sweep sends below is on the queues
    with start_worker(app, pool="solo", queues=["celery", "documents"], perform_ping_check=True, shutdown_timeout=30):
        assert pending_tasks_send(older_than=timedelta(0)) == 2
        assert not PendingTask.objects.exists()
        document = Document.objects.get(pk=document.pk)  # the same row: none was added
        assert _until(lambda: Document.objects.filter(pk=document.pk, status=Document.Status.READY).exists())
        assert _until(lambda: UnitScore.objects.filter(campaign=report.campaign_id, unit=report.unit_id).exists())
    document.refresh_from_db()
    assert document.attempts == 1 and document.sha256 and document.file.storage.exists(document.file.name)
    assert Document.objects.filter(kind=KIND, record_id=report.pk).count() == 1
