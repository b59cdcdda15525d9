"""An award dossier from the unit to the numbered decision, through the services the pages call, and the
refusals a user would meet on the way (each leaving nothing changed)."""

from datetime import date

import pytest

from awards.council import services as council
from awards.decisions import services as decisions
from awards.decisions.models import Decision
from awards.dossiers import services
from awards.dossiers.models import Dossier, DossierStatus, Nominee
from awards.history.models import Award
from awards.tests.conftest import HELD_ON, build_dossier
from core.models import Notification
from core.workflow import TransitionDone, TransitionRefused

pytestmark = pytest.mark.django_db


def _meeting(sam, campaign, members_total="9"):
    return council.meeting_open(
        campaign=campaign,
        actor=sam,
        held_on=HELD_ON,
        place="Hội trường UBND phường",
        chair_name="Nguyễn Văn Chủ",
        secretary_name="Lê Thị Thư",
        members_total=members_total,
    )


def _to_council(dossier, alice, sam):
    services.dossier_transition(dossier=dossier, action="submit", actor=alice)
    services.dossier_transition(dossier=dossier, action="accept", actor=sam)


def _decided(campaign, giay_khen, built, alice, sam, chris):
    dossier, nominees = built
    _to_council(dossier, alice, sam)
    meeting = _meeting(sam, campaign)
    council.votes_record(meeting=meeting, actor=sam, members_present="8", tallies={n.pk: ("7", "1") for n in nominees})
    council.meeting_close(meeting=meeting, actor=sam)
    services.dossier_transition(dossier=dossier, action="propose", actor=sam)
    approvals = {n.pk: (True, "") for n in nominees}
    services.dossier_transition(dossier=dossier, action="review", actor=chris, approvals=approvals)
    return decisions.decision_issue(
        campaign=campaign,
        award_form=giay_khen,
        actor=chris,
        issued_on=date(2026, 11, 25),
        signer_title="Chủ tịch",
        signer_name="Nguyễn Văn Chris",
    )


def test_dossier_goes_from_unit_to_decision_with_numbers_and_money(campaign, giay_khen, built, alice, sam, chris):
    dossier, nominees = built
    services.dossier_transition(dossier=dossier, action="submit", actor=alice)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.SUBMITTED
    assert dossier.rules["council.quorum"] == "2/3"
    assert Notification.objects.filter(recipient=sam, kind="dossier_submitted").exists()

    services.dossier_transition(
        dossier=dossier,
        action="return",
        actor=sam,
        reason="Bổ sung số liệu.",
        reasons={nominees[1].pk: "Thiếu kết quả xếp loại."},
    )
    nominees[1].refresh_from_db()
    assert nominees[1].return_reason == "Thiếu kết quả xếp loại."
    assert Notification.objects.filter(recipient=alice, kind="dossier_returned").exists()
    services.report_write(nominee=nominees[1], actor=alice, fields={"achievements": "Đã bổ sung."})
    with pytest.raises(TransitionRefused, match="chưa được thủ trưởng xác nhận"):
        services.dossier_transition(dossier=dossier, action="submit", actor=alice)
    services.report_confirm(nominee=nominees[1], actor=alice)
    _to_council(dossier, alice, sam)
    nominees[1].refresh_from_db()
    assert nominees[1].return_reason == ""  # cleared on acceptance, kept in the dossier's history:
    returned = dossier.transitions.get(action="return")
    assert returned.reason == f"Bổ sung số liệu.\n{nominees[1].name}: Thiếu kết quả xếp loại."

    meeting = _meeting(sam, campaign)
    votes = {nominees[0].pk: ("7", "1"), nominees[1].pk: ("5", "3"), nominees[2].pk: ("4", "4")}
    council.votes_record(meeting=meeting, actor=sam, members_present="8", tallies=votes)
    council.meeting_close(meeting=meeting, actor=sam)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.VOTED
    # 4 of 9 members is not more than half of all members, though it is half of those voting.
    assert [n.council_passed for n in dossier.nominees.order_by("order")] == [True, True, False]

    services.dossier_transition(dossier=dossier, action="propose", actor=sam)
    with pytest.raises(services.DossierInvalid, match="lý do không đồng ý"):
        services.dossier_transition(
            dossier=dossier,
            action="review",
            actor=chris,
            approvals={nominees[0].pk: (True, ""), nominees[1].pk: (False, "")},
        )
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.PROPOSED
    assert not dossier.nominees.exclude(approval="").exists()
    services.dossier_transition(
        dossier=dossier,
        action="review",
        actor=chris,
        approvals={
            nominees[0].pk: (True, ""),
            nominees[1].pk: (True, ""),
        },
    )
    decision = decisions.decision_issue(
        campaign=campaign,
        award_form=giay_khen,
        actor=chris,
        issued_on=date(2026, 11, 25),
        signer_title="Chủ tịch",
        signer_name="Nguyễn Văn Chris",
    )
    assert decision.reference == "1/QĐ-UBND"
    awards = list(decision.awards.order_by("certificate_number"))
    assert [(a.name, a.certificate_number, a.money) for a in awards] == [
        (nominees[0].name, 1, 1_410_000),
        (nominees[1].name, 2, 710_000),
    ]
    assert decision.total_money == 2_120_000
    assert decision.rules["money.base_salary"] == "2340000"
    assert any("152/2025" in basis for basis in decision.legal_bases)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DECIDED
    assert [t.action for t in dossier.transitions.order_by("pk")] == [
        "submit",
        "return",
        "submit",
        "accept",
        "vote",
        "propose",
        "review",
        "decide",
    ]
    assert Award.objects.filter(official=nominees[1].official, decision=decision).exists()
    assert not Award.objects.filter(nominee=nominees[2]).exists()


def test_decision_twice_is_refused_and_numbers_continue(campaign, giay_khen, built, alice, sam, chris):
    decision = _decided(campaign, giay_khen, built, alice, sam, chris)
    with pytest.raises(TransitionRefused, match="Không có ai"):
        decisions.decision_issue(
            campaign=campaign,
            award_form=giay_khen,
            actor=chris,
            issued_on=date(2026, 11, 26),
            signer_title="Chủ tịch",
            signer_name="Nguyễn Văn Chris",
        )
    revoke = decisions.awards_revoke(
        awards=[decision.awards.first()],
        actor=chris,
        issued_on=date(2026, 11, 27),
        reason="Kê khai thành tích không trung thực.",
        signer_title="Chủ tịch",
        signer_name="Nguyễn Văn Chris",
    )
    assert revoke.reference == "2/QĐ-UBND"
    assert decision.awards.filter(revoked_by=revoke).count() == 1
    with pytest.raises(TransitionRefused, match="2/QĐ-UBND"):
        decisions.awards_revoke(
            awards=[decision.awards.first()],
            actor=chris,
            issued_on=date(2026, 11, 27),
            reason="Lần nữa.",
            signer_title="Chủ tịch",
            signer_name="Nguyễn Văn Chris",
        )
    assert Decision.objects.count() == 2


def test_unit_head_cannot_take_another_units_official_or_the_same_one_twice(campaign, giay_khen, alice, bob, olga):
    dossier = services.dossier_open(campaign=campaign, unit=alice.official.unit, award_form=giay_khen, actor=alice)
    with pytest.raises(TransitionRefused, match="không phải cán bộ đang công tác"):
        services.nominee_add(dossier=dossier, actor=alice, official=bob.official)
    services.nominee_add(dossier=dossier, actor=alice, official=olga.official)
    with pytest.raises(TransitionRefused, match="đã có trong hồ sơ"):
        services.nominee_add(dossier=dossier, actor=alice, official=olga.official)
    with pytest.raises(TransitionRefused, match="không phải thủ trưởng"):
        services.dossier_open(campaign=campaign, unit=alice.official.unit, award_form=giay_khen, actor=bob)
    with pytest.raises(TransitionRefused, match="đã có hồ sơ"):
        services.dossier_open(campaign=campaign, unit=alice.official.unit, award_form=giay_khen, actor=alice)
    assert dossier.nominees.count() == 1
    assert Dossier.objects.count() == 1


def test_minutes_with_more_votes_than_members_present_save_nothing(campaign, giay_khen, alice, olga):
    dossier = services.dossier_open(campaign=campaign, unit=alice.official.unit, award_form=giay_khen, actor=alice)
    nominee = services.nominee_add(dossier=dossier, actor=alice, official=olga.official)
    data = services.MinutesInput(
        held_on=date(2026, 11, 10),
        place="Phòng họp",
        members_total="7",
        members_present="5",
        absent_note="",
        secret_ballot=True,
        chair_name="A",
        secretary_name="B",
        votes={nominee.pk: ("4", "2")},
    )
    with pytest.raises(services.DossierInvalid) as caught:
        services.minutes_save(dossier=dossier, actor=alice, data=data)
    assert "vượt số thành viên có mặt (5)" in caught.value.errors[f"nominee-{nominee.pk}-yes"]
    nominee.refresh_from_db()
    assert nominee.unit_yes is None
    assert not hasattr(Dossier.objects.get(pk=dossier.pk), "minutes")


def test_council_without_quorum_cannot_close(campaign, built, alice, sam):
    dossier, nominees = built
    _to_council(dossier, alice, sam)
    meeting = _meeting(sam, campaign)
    council.votes_record(meeting=meeting, actor=sam, members_present="5", tallies={n.pk: ("5", "0") for n in nominees})
    with pytest.raises(TransitionRefused, match="không đủ số thành viên: 5/9"):
        council.meeting_close(meeting=meeting, actor=sam)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.ACCEPTED
    assert not Nominee.objects.filter(council_passed__isnull=False).exists()


def test_council_votes_over_the_members_save_nothing(campaign, built, alice, sam):
    dossier, nominees = built
    _to_council(dossier, alice, sam)
    meeting = _meeting(sam, campaign)
    with pytest.raises(services.DossierInvalid, match="vượt tổng số thành viên"):
        council.votes_record(
            meeting=meeting,
            actor=sam,
            members_present="9",
            tallies={nominees[0].pk: ("9", "0"), nominees[1].pk: ("8", "2")},
        )
    assert not meeting.votes.exists()


def test_the_unit_head_cannot_record_the_council_or_approve(campaign, built, alice, sam):
    dossier = built[0]
    _to_council(dossier, alice, sam)
    with pytest.raises(TransitionRefused, match="Thường trực thi đua"):
        _meeting(alice, campaign)
    with pytest.raises(TransitionRefused):
        services.dossier_transition(dossier=dossier, action="vote", actor=alice)


def test_chairman_cannot_review_a_decided_dossier(campaign, giay_khen, built, alice, sam, chris):
    _decided(campaign, giay_khen, built, alice, sam, chris)
    dossier = built[0]
    dossier.refresh_from_db()
    with pytest.raises(TransitionDone, match="Đã “duyệt” rồi"):
        services.dossier_transition(dossier=dossier, action="review", actor=chris, approvals={}, based_on=1)
    assert dossier.transitions.filter(action="review").count() == 1


def test_a_sent_dossier_cannot_be_edited_and_edits_withdraw_confirmation(campaign, built, alice, olga):
    dossier, nominees = built
    services.report_write(nominee=nominees[1], actor=olga, fields={"achievements": "Tự viết lại."})
    nominees[1].report.refresh_from_db()
    assert not nominees[1].report.is_confirmed
    services.report_confirm(nominee=nominees[1], actor=alice)
    services.dossier_transition(dossier=dossier, action="submit", actor=alice)
    with pytest.raises(TransitionRefused, match="không sửa được"):
        services.report_write(nominee=nominees[1], actor=olga, fields={"achievements": "Sau khi gửi."})
    with pytest.raises(TransitionRefused, match="không sửa được"):
        services.nominee_remove(nominee=nominees[2], actor=alice)
    assert dossier.nominees.count() == 3


def test_a_bang_khen_dossier_goes_to_the_province_and_its_decision_is_recorded(campaign, bang_khen, alice, sam, hung):
    dossier, nominees = build_dossier(campaign, bang_khen, alice, [hung])
    _to_council(dossier, alice, sam)
    meeting = _meeting(sam, campaign)
    council.votes_record(meeting=meeting, actor=sam, members_present="9", tallies={n.pk: ("9", "0") for n in nominees})
    council.meeting_close(meeting=meeting, actor=sam)
    with pytest.raises(TransitionRefused, match="do cấp tỉnh quyết định"):
        services.dossier_transition(dossier=dossier, action="propose", actor=sam)
    services.dossier_transition(dossier=dossier, action="forward", actor=sam)
    services.dossier_transition(
        dossier=dossier,
        action="record_province",
        actor=sam,
        number="1234/QĐ-UBND",
        decided_on=date(2026, 11, 28),
        awarded=[nominees[1].pk],
    )
    dossier.refresh_from_db()
    assert (dossier.status, dossier.province_decision_number) == (DossierStatus.DECIDED, "1234/QĐ-UBND")
    assert list(Award.objects.values_list("name", "decision_number")) == [(hung.full_name, "1234/QĐ-UBND")]


def test_a_second_meeting_cannot_open_while_one_is_open(campaign, sam):
    _meeting(sam, campaign)
    with pytest.raises(TransitionRefused, match="chưa kết thúc"):
        _meeting(sam, campaign)


def test_a_decision_without_a_date_is_refused(campaign, giay_khen, chris):
    with pytest.raises(TransitionRefused, match="Cần ghi ngày ban hành"):
        decisions.decision_issue(
            campaign=campaign,
            award_form=giay_khen,
            actor=chris,
            issued_on=None,
            signer_title="Chủ tịch",
            signer_name="Nguyễn Văn Chris",
        )
    assert not Decision.objects.exists()
