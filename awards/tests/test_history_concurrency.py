"""Two clerks entering the same award at the same moment store it once, and the second is told which award it
repeats: the entry locks the person's row before looking for the duplicate.

PostgreSQL only: SQLite has one writer at a time and no row locks to test.
"""

import contextlib
import threading
from datetime import date
from unittest import mock

import pytest
from django.db import connection, connections

from awards.history import services
from awards.history.models import Award
from awards.history.services import AwardInvalid
from awards.tests.history_support import record

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
]


def test_the_same_award_entered_twice_at_once_is_stored_once(sam, ada, olga):
    """Each entry, once it has looked for a duplicate, waits (up to 2 s) for the other to have looked too. With the
    lock the other cannot look before the first commits, so it finds the award and names it; without the lock both
    would find nothing and the database's constraint would refuse the second with a vaguer message."""
    start, looked = threading.Barrier(2), threading.Barrier(2, timeout=2)
    real = services.award_duplicate
    errors: dict[str, BaseException] = {}

    def duplicate_then_wait(**kwargs):
        found = real(**kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            looked.wait()
        return found

    def enter(actor) -> None:
        try:
            start.wait()
            record(actor, official=olga.official, decision_date=date(2025, 12, 15))
        except BaseException as exc:  # reported by the assertions below
            errors[actor.username] = exc
        finally:
            connections.close_all()

    with mock.patch.object(services, "award_duplicate", duplicate_then_wait):
        threads = [threading.Thread(target=enter, args=(person,)) for person in (sam, ada)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert Award.objects.count() == 1
    [refused] = errors.values()
    assert isinstance(refused, AwardInvalid)
    assert "đã có “Lao động tiên tiến” theo quyết định 214/QĐ-UBND ngày 15/12/2025" in refused.errors["__all__"]
