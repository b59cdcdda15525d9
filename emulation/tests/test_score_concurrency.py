"""Two recomputes of one campaign at the same moment (two reports accepted together) both succeed.

PostgreSQL only: SQLite has one writer at a time and no row locks to test.
"""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from emulation.models import IndicatorScore, UnitScore
from emulation.scores.services import scores_recompute
from emulation.tests.conftest import accepted_report

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
]


def test_concurrent_recomputes_of_one_campaign_both_succeed(campaign, ward, sam):
    accepted_report(campaign, ward.units["VP"], date(2026, 1, 1), sam, ratio=(9, 10), count=100, appraised="8")
    accepted_report(campaign, ward.units["KTHTDT"], date(2026, 1, 1), sam, ratio=(1, 2), count=50, appraised="6")
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def recompute() -> None:
        try:
            start.wait()
            scores_recompute(campaign=campaign)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=recompute) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert IndicatorScore.objects.filter(campaign=campaign).count() == 5 * 15 * 29
    january = dict(UnitScore.objects.filter(campaign=campaign, period="2026-01").values_list("unit__code", "rank"))
    assert (january["VP"], january["KTHTDT"]) == (1, 2)
