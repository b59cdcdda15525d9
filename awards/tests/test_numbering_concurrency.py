"""Decision numbers taken at the same moment are consecutive, never the same, never skipped.

PostgreSQL only: SQLite has one writer at a time and no row locks to test. Each taker holds its transaction
open a moment after taking its number, as decision_issue does while it writes the awards: without the
register row's lock both would read the same last number.
"""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from awards.decisions.models import DecisionRegister
from awards.decisions.services import DECISIONS, number_take

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
]


@pytest.mark.parametrize("first_of_the_year", [True, False])
def test_numbers_taken_together_are_consecutive(ward, first_of_the_year):
    if not first_of_the_year:
        DecisionRegister.objects.create(issuer=ward.root, series=DECISIONS, year=2026, last_number=41)
    start = threading.Barrier(4)
    taken: list[int] = []
    errors: list[BaseException] = []

    def take() -> None:
        try:
            start.wait()
            with transaction.atomic():
                taken.append(number_take(issuer=ward.root, series=DECISIONS, year=2026))
                time.sleep(0.3)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    first = 1 if first_of_the_year else 42
    assert sorted(taken) == list(range(first, first + 4))
    assert DecisionRegister.objects.get(issuer=ward.root, series=DECISIONS, year=2026).last_number == first + 3
