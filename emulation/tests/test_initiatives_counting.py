"""`initiatives_counting_for`, what the awards side reads: recognised AND applied initiatives of the campaign whose
recognition day falls within [start, end], by author or by unit. Hand-made cases, each one answer.

| initiative | unit | authors | recognised | applied | campaign |
| --- | --- | --- | --- | --- | --- |
| A | VP | olga, alice | 01/03/2026 | yes | 2026 |
| B | VP | olga | 30/06/2026 | yes | 2026 |
| C | VP | olga | 01/07/2026 | yes | 2026 |
| D | VP | olga | 01/02/2026 | no | 2026 |
| E | VP | olga | — | — | 2026 |
| F | KTHTDT | bob | 01/03/2026 | yes | 2026 |
| G | VP | olga | 01/03/2026 | yes | another campaign |
"""

from datetime import date

import pytest

from emulation.initiatives.models import Initiative
from emulation.initiatives.selectors import initiatives_counting_for
from emulation.plan.models import Campaign

H1 = {"start": date(2026, 1, 1), "end": date(2026, 6, 30)}


def _made(campaign, unit, authors, title, recognised=None, applied=False, *, by) -> Initiative:
    initiative = Initiative.objects.create(
        campaign=campaign,
        unit=unit,
        title=title,
        problem="p",
        solution="s",
        registered_by=by,
        recognised_on=recognised,
        level="ward" if recognised else "",
        applied=applied,
    )
    initiative.authors.set(authors)
    return initiative


@pytest.fixture
def cases(campaign, ward, olga, alice, bob) -> dict[str, Initiative]:
    vp, kt = ward.units["VP"], ward.units["KTHTDT"]
    other = Campaign.objects.create(
        code="CCHC-KHAC",
        title="Phong trào khác",
        issuing_unit=ward.root,
        year=2026,
        start_date=date(2026, 1, 1),
        end_date=date(2026, 12, 31),
    )
    o, a, b = olga.official, alice.official, bob.official
    return {
        "A": _made(campaign, vp, [o, a], "A", date(2026, 3, 1), True, by=olga),
        "B": _made(campaign, vp, [o], "B", date(2026, 6, 30), True, by=olga),
        "C": _made(campaign, vp, [o], "C", date(2026, 7, 1), True, by=olga),
        "D": _made(campaign, vp, [o], "D", date(2026, 2, 1), False, by=olga),
        "E": _made(campaign, vp, [o], "E", by=olga),
        "F": _made(campaign, kt, [b], "F", date(2026, 3, 1), True, by=bob),
        "G": _made(other, vp, [o], "G", date(2026, 3, 1), True, by=olga),
    }


def _titles(found) -> list[str]:
    return [initiative.title for initiative in found]


def test_by_author_only_recognised_applied_within_the_period_of_the_campaign(campaign, cases, olga):
    assert _titles(initiatives_counting_for(campaign, official=olga.official, **H1)) == ["A", "B"]


def test_both_ends_of_the_period_count(campaign, cases, olga):
    official = olga.official
    assert _titles(initiatives_counting_for(campaign, official=official, start=date(2026, 3, 1), end=date(2026, 3, 1)))
    assert _titles(
        initiatives_counting_for(campaign, official=official, start=date(2026, 3, 2), end=date(2026, 6, 30))
    ) == ["B"]
    assert _titles(
        initiatives_counting_for(campaign, official=official, start=date(2026, 6, 30), end=date(2026, 7, 1))
    ) == ["B", "C"]


def test_a_co_author_counts_the_same_initiative(campaign, cases, alice, bob):
    assert _titles(initiatives_counting_for(campaign, official=alice.official, **H1)) == ["A"]
    assert _titles(initiatives_counting_for(campaign, official=bob.official, **H1)) == ["F"]


def test_by_unit_each_initiative_once_however_many_authors(campaign, cases, ward):
    assert _titles(initiatives_counting_for(campaign, unit=ward.units["VP"], **H1)) == ["A", "B"]
    assert _titles(initiatives_counting_for(campaign, unit=ward.units["KTHTDT"], **H1)) == ["F"]
    assert _titles(initiatives_counting_for(campaign, unit=ward.units["VHXH"], **H1)) == []


def test_the_unit_is_the_initiatives_own_not_where_its_author_works_now(campaign, cases, ward, olga):
    olga.official.unit = ward.units["KTHTDT"]
    olga.official.save()
    assert _titles(initiatives_counting_for(campaign, unit=ward.units["VP"], **H1)) == ["A", "B"]
    assert _titles(initiatives_counting_for(campaign, official=olga.official, **H1)) == ["A", "B"]


def test_given_both_both_must_hold(campaign, cases, ward, olga, bob):
    assert _titles(initiatives_counting_for(campaign, official=olga.official, unit=ward.units["VP"], **H1)) == [
        "A",
        "B",
    ]
    assert initiatives_counting_for(campaign, official=bob.official, unit=ward.units["VP"], **H1) == []


def test_asking_for_nobody_is_a_mistake(campaign, cases):
    with pytest.raises(ValueError):
        initiatives_counting_for(campaign, **H1)


def test_authors_come_along_in_two_queries(campaign, cases, ward, django_assert_num_queries):
    with django_assert_num_queries(2):
        found = initiatives_counting_for(campaign, unit=ward.units["VP"], **H1)
        names = [[a.full_name for a in initiative.authors.all()] for initiative in found]
    assert sorted(names[0]) == ["Alice Nguyễn", "Olga Nguyễn"]
