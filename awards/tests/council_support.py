"""Dossiers of other units than alice's and bob's, taken to the ward council, the chairman and the decision, for
the council's and the decisions' pages, their permission rows and their hostile-input rows (which share one
database with the other wings' rows: these use units and an award form of their own)."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from awards.catalogue.models import AwardForm
from awards.catalogue.rules import rule_value
from awards.catalogue.selectors import rules_snapshot
from awards.catalogue.tally import passes
from awards.council import services as council
from awards.council.models import CouncilMeeting, CouncilVote
from awards.decisions import services as decisions
from awards.dossiers import services
from awards.dossiers.models import Dossier
from awards.tests.conftest import HELD_ON, build_dossier
from core.roles import Role
from units.models import Official, Unit
from units.tests.factories import OfficialFactory, PositionFactory, UserFactory

ISSUED_ON = date(2026, 11, 25)


def own_form(campaign, code: str = "GK-KIEM-THU") -> AwardForm:
    """A ward award form of the campaign that only these rows use (Giấy khen's coefficient, no standards)."""
    form, _ = AwardForm.objects.get_or_create(
        campaign=campaign,
        code=code,
        defaults={
            "name": f"Giấy khen thử nghiệm {code}",
            "level": AwardForm.Level.WARD,
            "decided_by": "Chủ tịch UBND phường",
            "coefficient": Decimal("0.3"),
            "order": 90,
        },
    )
    return form


def head_of(code: str):
    """The head of ward unit `code` (a user with the unit head's role), made once."""
    unit = Unit.objects.get(code=code)
    user = UserFactory(username=f"head-{code.lower()}", roles=[Role.UNIT_HEAD, Role.OFFICIAL])
    if not Official.objects.filter(user=user).exists():
        OfficialFactory(
            full_name=f"Thủ trưởng {code}",
            unit=unit,
            user=user,
            leadership=Official.Leadership.HEAD,
            position=PositionFactory(name="Trưởng phòng"),
        )
    return user


def accepted(campaign, form, code: str, sam, people: int = 1, women: int = 0) -> tuple[Dossier, list]:
    """Unit `code`'s dossier (the unit and `people` officials, the first `women` of them women), sent and
    accepted for the council."""
    head = head_of(code)
    unit = head.official.unit
    officials = [
        OfficialFactory(
            full_name=f"Cán bộ {code} {i + 1}",
            unit=unit,
            sex=Official.Sex.FEMALE if i < women else Official.Sex.MALE,
        )
        for i in range(people)
    ]
    dossier, nominees = build_dossier(campaign, form, head, officials)
    services.dossier_transition(dossier=dossier, action="submit", actor=head)
    services.dossier_transition(dossier=dossier, action="accept", actor=sam)
    dossier.refresh_from_db()
    return dossier, nominees


def meeting(campaign, sam, members_total: str = "9") -> CouncilMeeting:
    return council.meeting_open(
        campaign=campaign,
        actor=sam,
        held_on=HELD_ON,
        place="Hội trường UBND phường",
        chair_name="Nguyễn Văn Chủ",
        secretary_name="Lê Thị Thư",
        members_total=members_total,
    )


def closed_meeting(campaign, sam) -> CouncilMeeting:
    """A past meeting of the campaign, closed (one meeting is open at a time)."""
    return CouncilMeeting.objects.create(
        campaign=campaign,
        held_on=HELD_ON,
        place="Hội trường UBND phường",
        chair_name="Nguyễn Văn Chủ",
        secretary_name="Lê Thị Thư",
        members_total=9,
        members_present=9,
        status=CouncilMeeting.Status.CLOSED,
        created_by=sam,
    )


def voted(dossier: Dossier, nominees: list, sam, yes: list[int], total: int = 9) -> CouncilMeeting:
    """The council's result written as a closed meeting of its own would have (no other dossier of the campaign
    is touched), and the dossier moved to "voted"."""
    record = CouncilMeeting.objects.create(
        campaign=dossier.campaign,
        held_on=HELD_ON,
        place="Hội trường UBND phường",
        chair_name="Nguyễn Văn Chủ",
        secretary_name="Lê Thị Thư",
        members_total=total,
        members_present=total,
        status=CouncilMeeting.Status.CLOSED,
        rules=rules_snapshot(HELD_ON),
        created_by=sam,
        closed_at=timezone.now(),
    )
    share = rule_value("council.pass", record.rules["council.pass"])
    for nominee, count in zip(nominees, yes, strict=True):
        passed = passes(yes=count, total=total, share=share)
        CouncilVote.objects.create(meeting=record, nominee=nominee, yes=count, no=total - count, passed=passed)
        nominee.council_passed = passed
        nominee.save(update_fields=["council_passed"])
    services.dossier_transition(dossier=Dossier.objects.get(pk=dossier.pk), action="vote", actor=sam)
    return record


def proposed(campaign, form, code: str, sam, yes: list[int], **people) -> tuple[Dossier, list]:
    """Unit `code`'s dossier voted on (`yes` votes of 9 for the unit, then each official) and proposed."""
    dossier, nominees = accepted(campaign, form, code, sam, people=len(yes) - 1, **people)
    voted(dossier, nominees, sam, yes)
    services.dossier_transition(dossier=Dossier.objects.get(pk=dossier.pk), action="propose", actor=sam)
    return Dossier.objects.get(pk=dossier.pk), nominees


def reviewed(campaign, form, code: str, sam, chris) -> tuple[Dossier, list]:
    """Unit `code`'s dossier with everyone passed and approved by the chairman."""
    dossier, nominees = proposed(campaign, form, code, sam, [8, 7])
    approvals = {n.pk: (True, "") for n in nominees}
    services.dossier_transition(dossier=dossier, action="review", actor=chris, approvals=approvals)
    return Dossier.objects.get(pk=dossier.pk), nominees


def decided(campaign, form, code: str, sam, chris):
    """Unit `code`'s dossier approved and decided: the decision (the unit 1.410.000 đ, the official 710.000 đ)."""
    reviewed(campaign, form, code, sam, chris)
    return decisions.decision_issue(
        campaign=campaign,
        award_form=form,
        actor=chris,
        issued_on=ISSUED_ON,
        signer_title="Chủ tịch",
        signer_name="Nguyễn Văn Chris",
    )
