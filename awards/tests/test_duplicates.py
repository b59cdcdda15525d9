"""One achievement, one reward: a nominee caught against decided awards, against dossiers in progress of any
unit, and twice in one dossier — by the official record, not the name; the interval counts from the previous
award's achievement period."""

from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from awards.decisions.models import Decision
from awards.dossiers import services
from awards.dossiers.models import Nominee
from awards.eligibility.duplicates import conflicts
from awards.eligibility.facts import dossier_verdicts, verdicts_for
from awards.history.models import Award

pytestmark = pytest.mark.django_db


def _award(official, title, *, period, decided_on, form=None, revoked_by=None, name=None):
    return Award.objects.create(
        beneficiary=Award.Beneficiary.INDIVIDUAL,
        official=official,
        name=name or official.full_name,
        unit_name=official.unit.name,
        year=decided_on.year,
        title=title,
        award_form=form,
        decision_number="215/QĐ-UBND",
        decision_date=decided_on,
        issuer="Chủ tịch UBND phường Nam Gia Nghĩa",
        period_start=period[0] if period else None,
        period_end=period[1] if period else None,
        source=Award.Source.MANUAL,
    )


@pytest.fixture
def olga_nominee(campaign, giay_khen, alice, olga) -> Nominee:
    dossier = services.dossier_open(campaign=campaign, unit=alice.official.unit, award_form=giay_khen, actor=alice)
    return services.nominee_add(dossier=dossier, actor=alice, official=olga.official)


def test_last_years_award_for_last_years_achievement_is_no_conflict(olga_nominee, olga, giay_khen):
    _award(olga.official, giay_khen.name, period=(date(2025, 1, 1), date(2025, 12, 31)), decided_on=date(2026, 1, 15))
    assert conflicts(olga_nominee) == []


def test_same_form_for_an_overlapping_period_blocks_and_says_when_the_next_may_count(olga_nominee, olga, giay_khen):
    _award(olga.official, giay_khen.name, period=(date(2025, 7, 1), date(2026, 6, 30)), decided_on=date(2026, 7, 10))
    [(reason, blocking)] = conflicts(olga_nominee)
    assert blocking
    assert "Quyết định số 215/QĐ-UBND ngày 10/07/2026" in reason
    assert "tính thành tích từ sau ngày 30/06/2026" in reason


def test_without_a_written_period_the_decision_date_counts(olga_nominee, olga, giay_khen):
    _award(olga.official, giay_khen.name, period=None, decided_on=date(2026, 3, 2))
    [(reason, blocking)] = conflicts(olga_nominee)
    assert blocking and "đến ngày 02/03/2026" in reason


def test_another_form_for_the_same_achievement_is_a_warning(olga_nominee, olga):
    _award(
        olga.official, "Lao động tiên tiến", period=(date(2026, 1, 1), date(2026, 12, 31)), decided_on=date(2026, 11, 1)
    )
    [(reason, blocking)] = conflicts(olga_nominee)
    assert not blocking and "một thành tích chỉ khen một hình thức" in reason


def test_a_revoked_award_does_not_count(olga_nominee, olga, giay_khen, chris):
    award = _award(
        olga.official, giay_khen.name, period=(date(2026, 1, 1), date(2026, 6, 30)), decided_on=date(2026, 7, 1)
    )
    revocation = Decision.objects.create(
        campaign=olga_nominee.dossier.campaign,
        kind=Decision.Kind.REVOCATION,
        issuer=olga_nominee.dossier.campaign.issuing_unit,
        series="QĐ-UBND",
        year=2026,
        number=9,
        issued_on=date(2026, 8, 1),
        title="Về việc thu hồi khen thưởng",
        signer_title="Chủ tịch",
        signer_name="Chris",
        issued_by=chris,
    )
    Award.objects.filter(pk=award.pk).update(revoked_by=revocation)
    assert conflicts(olga_nominee) == []


def test_a_namesake_is_not_the_same_person(olga_nominee, olga, giay_khen, hung):
    _award(
        hung,
        giay_khen.name,
        period=(date(2026, 1, 1), date(2026, 12, 31)),
        decided_on=date(2026, 11, 1),
        name=olga.official.full_name,
    )
    assert conflicts(olga_nominee) == []


def test_an_official_moved_to_another_unit_and_proposed_there_is_caught_in_both(
    campaign, giay_khen, olga_nominee, olga, bob, ward
):
    olga.official.unit = ward.units["KTHTDT"]
    olga.official.save()
    other = services.dossier_open(campaign=campaign, unit=ward.units["KTHTDT"], award_form=giay_khen, actor=bob)
    there = services.nominee_add(dossier=other, actor=bob, official=olga.official)
    [(reason, blocking)] = conflicts(olga_nominee)
    assert blocking
    assert reason.startswith("Đang có tên trong hồ sơ “Giấy khen của Chủ tịch UBND phường” của KTHTDT")
    assert [blocking for _, blocking in conflicts(there)] == [True]


def test_the_unit_in_two_dossiers_of_the_same_campaign_is_warned(campaign, giay_khen, bang_khen, alice):
    first = services.dossier_open(campaign=campaign, unit=alice.official.unit, award_form=giay_khen, actor=alice)
    second = services.dossier_open(campaign=campaign, unit=alice.official.unit, award_form=bang_khen, actor=alice)
    unit = services.nominee_add(dossier=first, actor=alice)
    services.nominee_add(dossier=second, actor=alice)
    [(reason, blocking)] = conflicts(unit)
    assert not blocking
    assert reason.startswith(f"Đang có tên trong hồ sơ “{bang_khen.name}” của VP")


def test_twice_in_one_dossier_is_caught_and_shown_in_the_verdict(olga_nominee, olga):
    # The form refuses it; a record slipped in by other means (an import, the admin) is still caught.
    twin = Nominee(
        dossier=olga_nominee.dossier,
        kind=Nominee.Kind.INDIVIDUAL,
        unit=olga_nominee.unit,
        official=olga.official,
        name=olga_nominee.name,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    _award(
        olga.official,
        "Giấy khen của Chủ tịch UBND phường",
        period=(date(2026, 1, 1), date(2026, 6, 30)),
        decided_on=date(2026, 7, 1),
    )
    verdict = dossier_verdicts(olga_nominee.dossier)[olga_nominee.pk]
    assert not verdict.eligible
    assert any("215/QĐ-UBND" in f.reason and f.blocking for f in verdict.findings)


def test_verdicts_of_a_list_read_a_fixed_number_of_queries(campaign, giay_khen, built, alice, bob, ward):
    _dossier, nominees = built
    with CaptureQueriesContext(connection) as one:
        verdicts_for(nominees[:1])
    other = services.dossier_open(campaign=campaign, unit=ward.units["KTHTDT"], award_form=giay_khen, actor=bob)
    more = [*nominees, services.nominee_add(dossier=other, actor=bob)]
    with CaptureQueriesContext(connection) as many:
        verdicts = verdicts_for(more)
    assert len(verdicts) == 4
    assert len(many) == len(one) <= 10
