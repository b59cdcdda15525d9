"""Fixtures of the award tests: the ward's Giấy khen form of the 2026 plan, a second official of VP, and a
dossier of VP built up to each step of its table."""

from datetime import date

import pytest

from awards.catalogue.models import AwardForm
from awards.dossiers import services
from awards.dossiers.models import Nominee
from units.models import Official
from units.tests.factories import OfficialFactory, PositionFactory

HELD_ON = date(2026, 11, 20)


@pytest.fixture
def giay_khen(campaign) -> AwardForm:
    return AwardForm.objects.get(campaign=campaign, code="GK-CT-PHUONG")


@pytest.fixture
def bang_khen(campaign) -> AwardForm:
    return AwardForm.objects.get(campaign=campaign, code="BK-CT-TINH")


@pytest.fixture
def hung(ward) -> Official:
    """A second official of VP, in charge of CCHC by position."""
    return OfficialFactory(
        full_name="Trần Văn Hùng",
        unit=ward.units["VP"],
        sex=Official.Sex.MALE,
        position=PositionFactory(name="Công chức phụ trách CCHC", in_charge_of_cchc=True),
    )


def build_dossier(campaign, form, alice, officials) -> tuple:
    """VP's dossier with the unit and `officials`, every nominee attested, reported, confirmed and voted."""
    dossier = services.dossier_open(campaign=campaign, unit=alice.official.unit, award_form=form, actor=alice)
    nominees = [services.nominee_add(dossier=dossier, actor=alice)]
    nominees += [services.nominee_add(dossier=dossier, actor=alice, official=o) for o in officials]
    for nominee in nominees:
        services.discipline_attest(nominee=nominee, actor=alice, discipline=Nominee.Discipline.CLEAR)
        services.report_write(nominee=nominee, actor=alice, fields={"achievements": f"Thành tích của {nominee.name}."})
        services.report_confirm(nominee=nominee, actor=alice)
    services.minutes_save(
        dossier=dossier,
        actor=alice,
        data=services.MinutesInput(
            held_on=date(2026, 11, 10),
            place="Phòng họp Văn phòng",
            members_total="7",
            members_present="6",
            absent_note="Ông Lê Văn C: đi công tác.",
            secret_ballot=True,
            chair_name="Nguyễn Thị Alice",
            secretary_name="Phạm Văn D",
            votes={n.pk: ("6", "0") for n in nominees},
        ),
    )
    dossier.refresh_from_db()
    return dossier, nominees


@pytest.fixture
def built(campaign, giay_khen, alice, olga, hung):
    return build_dossier(campaign, giay_khen, alice, [olga.official, hung])
