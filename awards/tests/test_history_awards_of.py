"""`awards_of`: the list of a person's or a unit's awards the eligibility rules and the achievement reports read —
in force first, newest first, then the revoked ones; an official's awards are not their unit's, nor the reverse."""

from datetime import date

import pytest

from awards.history.selectors import awards_of
from awards.tests.history_support import record, revoke


def test_awards_in_force_come_first_newest_first_then_the_revoked(sam, olga, chris, ward):
    official = olga.official
    old = record(
        sam,
        official=official,
        year=2023,
        decision_number="90/QĐ-UBND",
        decision_date=date(2023, 12, 1),
        period_start=None,
        period_end=None,
    )
    revoked = record(sam, official=official, year=2025, decision_number="300/QĐ-UBND", decision_date=date(2025, 12, 30))
    latest = record(sam, official=official)  # 214/QĐ-UBND of 15/12/2025
    middle = record(
        sam,
        official=official,
        year=2024,
        decision_number="120/QĐ-UBND",
        decision_date=date(2024, 12, 20),
        period_start=None,
        period_end=None,
    )
    revoke(revoked, issuer_unit=ward.root, signer=chris)
    assert awards_of(official=official) == [latest, middle, old, revoked]
    assert awards_of(official=official)[0].rewarded_until == date(2025, 12, 31)
    assert awards_of(official=official)[1].rewarded_until == date(2024, 12, 20), "no period: the decision's date"


def test_an_officials_awards_and_their_units_are_apart(sam, olga, ward):
    personal = record(sam, official=olga.official)
    collective = record(sam, unit=ward.units["VP"])
    assert awards_of(official=olga.official) == [personal]
    assert awards_of(unit=ward.units["VP"]) == [collective]
    assert awards_of(unit=ward.units["KTHTDT"]) == []


def test_awards_of_reads_in_one_query_and_names_the_revoking_decision(
    sam, olga, chris, ward, django_assert_num_queries
):
    for n in range(1, 6):
        award = record(sam, official=olga.official, decision_number=f"{n}/QĐ-UBND")
    revoke(award, issuer_unit=ward.root, signer=chris, number=9)
    with django_assert_num_queries(1):
        rows = awards_of(official=olga.official)
        assert [a.revoked_by.reference for a in rows if a.is_revoked] == ["9/QĐ-UBND"]
        assert rows[0].decision_text.endswith("ngày 15/12/2025")


def test_exactly_one_of_official_and_unit(olga, ward):
    with pytest.raises(ValueError):
        awards_of()
    with pytest.raises(ValueError):
        awards_of(official=olga.official, unit=ward.units["VP"])
