"""Two clerks saving the council's votes at the same moment, both from the same sheet: one save is kept whole,
the other is refused as stale — never both, never a mix. The save locks the meeting's row before comparing the
version the sheet showed.

PostgreSQL only: SQLite has one writer at a time and no row locks to test.
"""

import contextlib
import threading

import pytest
from django.db import connection, connections

from awards.council import services
from awards.council.models import CouncilMeeting, CouncilVote
from awards.dossiers import services as dossiers
from awards.tests import council_support as support
from core.versions import StaleVersion

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
]


def test_two_saves_of_the_same_sheet_at_once_keep_one_whole(built, alice, sam, campaign):
    """Each save, once it has compared versions, waits (up to 2 s) for the other to have compared too. With the
    lock the other cannot compare before the first commits, so it finds the newer version and is refused; without
    it both would compare against the version the sheet showed and the second would overwrite the first."""
    dossier, nominees = built
    dossiers.dossier_transition(dossier=dossier, action="submit", actor=alice)
    dossiers.dossier_transition(dossier=dossier, action="accept", actor=sam)
    meeting = support.meeting(campaign, sam)
    shown = meeting.version
    start, compared = threading.Barrier(2), threading.Barrier(2, timeout=2)
    real = services.meeting_nominees
    outcomes: dict[str, object] = {}

    def nominees_then_wait(record):
        found = real(record)
        with contextlib.suppress(threading.BrokenBarrierError):
            compared.wait()
        return found

    def save(who: str, yes: str, present: str) -> None:
        try:
            start.wait()
            services.votes_record(
                meeting=meeting,
                actor=sam,
                members_present=present,
                tallies={n.pk: (yes, "1") for n in nominees},
                based_on=shown,
            )
            outcomes[who] = "saved"
        except BaseException as exc:  # reported by the assertions below
            outcomes[who] = exc
        finally:
            connections.close_all()

    services.meeting_nominees = nominees_then_wait
    try:
        threads = [
            threading.Thread(target=save, args=("first", "7", "9")),
            threading.Thread(target=save, args=("second", "4", "8")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        services.meeting_nominees = real

    saved = [who for who, outcome in outcomes.items() if outcome == "saved"]
    refused = [outcome for outcome in outcomes.values() if outcome != "saved"]
    assert len(saved) == 1 and len(refused) == 1, outcomes
    assert isinstance(refused[0], StaleVersion)
    yes, present = {"first": (7, 9), "second": (4, 8)}[saved[0]]
    assert set(CouncilVote.objects.filter(meeting=meeting).values_list("yes", flat=True)) == {yes}
    assert CouncilVote.objects.filter(meeting=meeting).count() == len(nominees)
    stored = CouncilMeeting.objects.get(pk=meeting.pk)
    assert (stored.members_present, stored.version) == (present, shown + 1)
