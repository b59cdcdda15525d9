"""A worker process killed in the middle of a document (what the kernel does to one that exhausts its memory): the
message comes back (late acknowledgement, rejected on the worker's loss), a new process renders it, and the document
ends ready exactly once: one row, one file, its attempts counted.

A real Celery worker of the `documents` queue runs as another process against Redis and this test's PostgreSQL
database (committed rows: a transactional test); its render of "tests.slow" (documents.tests.slow_kind) is held
open until the test has killed the process rendering it.
"""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from config.celery import app
from documents import registry
from documents.models import Document
from documents.services import document_request
from documents.tests import slow_kind

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker is another process: needs PostgreSQL"),
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL unset: no Redis broker to test against"),
    pytest.mark.django_db(transaction=True),
]

CELERY = Path(sys.executable).with_name("celery")


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _until(done, seconds: float = 90):
    """Poll `done()` until it answers something true or `seconds` pass (a bound on waiting, not a speed measure)."""
    deadline = time.monotonic() + seconds
    while not (answer := done()):
        if time.monotonic() > deadline:
            return answer
        time.sleep(0.2)
    return answer


@pytest.fixture
def vp(ward):
    return ward.units["VP"]


@pytest.fixture
def held(tmp_path, monkeypatch):
    """The slow kind registered here and in the worker, its renders held open until `hold` is removed."""
    folder = tmp_path / "slow"
    folder.mkdir()
    (folder / "hold").touch()
    monkeypatch.setenv("SLOW_KIND_DIR", str(folder))
    registry.document_kind_register(slow_kind.SLOW)
    yield folder
    registry._KINDS.pop(slow_kind.KEY, None)


@pytest.fixture
def worker(held):
    """One worker of the `documents` queue with one child process, as `make worker-documents` runs it."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SLOW_KIND_DIR": str(held),
    }
    app.control.purge()
    subprocess.run([CELERY, "-A", "config", "purge", "-f", "-Q", "documents"], env=env, capture_output=True)
    command = [
        CELERY, "-A", "config", "worker", "-Q", "documents", "--pool=prefork", "--concurrency=1",
        "--include=documents.tests.slow_kind", "--without-heartbeat", "--without-mingle", "--without-gossip",
        "--loglevel=WARNING", f"--hostname=faults-{os.getpid()}@%h",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] != "Z"


def _media_files() -> list[Path]:
    return sorted(path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def test_a_worker_killed_mid_render_is_retried_and_the_document_ends_ready_once(held, worker, vp):
    document = document_request(kind=slow_kind.KEY, record=vp)  # queued; sent to Redis once committed
    assert document.status == Document.Status.QUEUED

    started = _until(lambda: sorted(held.glob("started-*")))
    assert len(started) == 1, "the worker took the document and is rendering it"
    first = int(started[0].name.removeprefix("started-"))
    document.refresh_from_db()
    assert (document.status, document.attempts) == (Document.Status.RENDERING, 1)

    os.kill(first, signal.SIGKILL)  # the process rendering it, in the middle of the render
    assert _until(lambda: not _alive(first), 30)
    (held / "hold").unlink()  # the next render runs through

    assert _until(lambda: Document.objects.filter(pk=document.pk, status=Document.Status.READY).exists()), (
        "the message came back and another process rendered it"
    )
    retried = sorted(int(path.name.removeprefix("started-")) for path in held.glob("started-*"))
    assert len(retried) == 2 and first in retried, "rendered twice: the killed run and the retry, in another process"
    document.refresh_from_db()
    assert document.attempts == 2 and document.failure == ""
    assert Document.objects.filter(kind=slow_kind.KEY, record_id=vp.pk).count() == 1
    files = _media_files()
    assert files == [Path(settings.MEDIA_ROOT) / document.file.name], "one file, the document's own"
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == document.sha256
