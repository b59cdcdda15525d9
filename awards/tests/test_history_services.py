"""Entering an award from before the portal (services.award_record): who may, what is kept of the person as they
were, and the one rule across all sources — one achievement, one reward."""

from datetime import date
from unittest import mock

import pytest

from awards.history import services
from awards.history.models import Award
from awards.history.services import AwardInvalid
from awards.tests.history_support import record, revoke


def test_an_individual_award_keeps_the_person_as_they_are_when_entered(sam, olga):
    official = olga.official
    award = record(sam, official=official)
    assert award.beneficiary == Award.Beneficiary.INDIVIDUAL and award.source == Award.Source.MANUAL
    assert (award.name, award.position, award.unit_name) == ("Olga Nguyễn", "Công chức", official.unit.name)
    assert award.entered_by == sam and award.unit is None
    official.full_name, official.unit = "Olga Trần", official.unit.parent
    official.save()
    award.refresh_from_db()
    assert award.name == "Olga Nguyễn", "the snapshot does not follow later changes of the record"


def test_a_collective_award_names_the_unit_and_the_unit_above_it(sam, ward):
    award = record(sam, unit=ward.units["VP"], title="Giấy khen của Chủ tịch UBND phường")
    assert award.beneficiary == Award.Beneficiary.COLLECTIVE and award.official is None
    assert (award.name, award.position, award.unit_name) == (ward.units["VP"].name, "", ward.root.name)


def test_typed_text_is_read_like_the_form_sends_it(sam, olga):
    award = record(
        sam, official=olga.official, year=" 2025 ", decision_number=" 214 / qđ-ubnd", decision_date="15/12/2025"
    )
    assert (award.year, award.decision_number, award.decision_date) == (2025, "214/QĐ-UBND", date(2025, 12, 15))


def test_only_the_secretariat_and_the_admin_enter_awards(alice, olga, chris, sam, ada):
    for person in (alice, olga, chris):
        with pytest.raises(AwardInvalid, match="Chỉ Thường trực thi đua"):
            record(person, official=olga.official)
    record(sam, official=olga.official)
    record(ada, official=olga.official, decision_number="215/QĐ-UBND")
    assert Award.objects.count() == 2


def test_the_import_source_is_the_secretariats_alone(ada, sam, olga):
    with pytest.raises(AwardInvalid):
        record(ada, official=olga.official, source=Award.Source.IMPORT)
    assert record(sam, official=olga.official, source=Award.Source.IMPORT).source == "import"


def test_the_portals_own_awards_do_not_come_through_here(sam, olga):
    with pytest.raises(ValueError, match="not 'portal'"):
        record(sam, official=olga.official, source=Award.Source.PORTAL)


def test_exactly_one_of_official_and_unit(sam, olga, ward):
    with pytest.raises(ValueError):
        record(sam)
    with pytest.raises(ValueError):
        record(sam, official=olga.official, unit=ward.units["VP"])


def test_a_bad_field_stores_nothing(sam, olga):
    with pytest.raises(AwardInvalid) as caught:
        record(sam, official=olga.official, decision_date=date(2099, 1, 1), title="")
    assert set(caught.value.errors) == {"decision_date", "title"}
    assert not Award.objects.exists()


@pytest.mark.parametrize(
    "again",
    [
        {},
        {"decision_number": "214/qđ-ubnd", "title": "lao động  tiên tiến"},
        {"title": "Lao dong tien tien"},
        {"decision_date": date(2025, 12, 20), "period_start": None, "period_end": None},
    ],
    ids=["same", "other-case-and-spacing", "without-accents", "another-day-of-the-same-year"],
)
def test_the_same_award_twice_is_refused_however_it_is_typed(sam, olga, again):
    first = record(sam, official=olga.official)
    with pytest.raises(AwardInvalid) as caught:
        record(sam, official=olga.official, **again)
    assert "đã có “Lao động tiên tiến” theo quyết định 214/QĐ-UBND ngày 15/12/2025" in caught.value.errors["__all__"]
    assert list(Award.objects.all()) == [first]


def test_what_differs_is_not_a_duplicate(sam, olga, alice, ward):
    record(sam, official=olga.official)
    record(sam, official=alice.official)  # another person
    record(sam, official=olga.official, title="Giấy khen của Chủ tịch UBND phường")  # another title
    # Numbering restarts every year: 214 of 2026 is another decision.
    record(sam, official=olga.official, year=2026, decision_date=date(2026, 3, 2), period_start=None, period_end=None)
    record(sam, unit=ward.units["VP"])  # the unit is not its official
    assert Award.objects.count() == 5


def test_a_revoked_award_still_blocks_entering_it_again(sam, olga, chris, ward):
    award = record(sam, official=olga.official)
    revoke(award, issuer_unit=ward.root, signer=chris)
    assert award.is_revoked
    with pytest.raises(AwardInvalid, match="mỗi thành tích chỉ khen một lần"):
        record(sam, official=olga.official)


def test_the_database_refuses_a_duplicate_that_slipped_past_the_check(sam, olga):
    record(sam, official=olga.official)
    no_check = mock.patch.object(services, "award_duplicate", return_value=None)
    with no_check, pytest.raises(AwardInvalid, match="vừa được nhập"):
        record(sam, official=olga.official, decision_number="214/qđ-UBND", title="LAO ĐỘNG TIÊN TIẾN")
    assert Award.objects.count() == 1


def test_search_keys_follow_the_name_and_title(sam, olga):
    award = record(sam, official=olga.official, title="Giấy khen của Chủ tịch UBND phường")
    assert (award.name_key, award.title_key) == ("olga nguyen", "giay khen cua chu tich ubnd phuong")
    award.title = "Lao động tiên tiến"
    award.save(update_fields=["title"])
    assert Award.objects.get(pk=award.pk).title_key == "lao dong tien tien"


def test_the_decision_as_achievement_reports_cite_it(sam, olga):
    assert record(sam, official=olga.official).decision_text == "214/QĐ-UBND ngày 15/12/2025"
