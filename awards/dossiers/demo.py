"""This year's demo dossiers, in several states, built through the services as the unit heads and the
secretariat would: KT-HT-ĐT's Giấy khen sent, the Centre's accepted for the council, KT-HT-ĐT's Bằng khen
returned with a reason, the Centre's Bằng khen a draft. VP has none: the demo's walk-through builds it. Safe to
run again: a unit's dossier that exists is left as it is."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.catalogue.models import AwardForm
from awards.dossiers import services
from awards.dossiers.models import Dossier, Nominee
from emulation.plan.models import Campaign
from units.models import Official, Unit

# unit code, award form code, head's account, the officials proposed, how far it goes
PLAN = [
    ("KTHTDT", "GK-CT-PHUONG", "tp_ktht", ["Vương Thị Gấm"], "submitted"),
    ("TTPVHCC", "GK-CT-PHUONG", "tp_hcc", ["La Văn Sơn", "Cao Thị Thảo"], "accepted"),
    ("KTHTDT", "BK-CT-TINH", "tp_ktht", ["Hồ Văn Đức"], "returned"),
    ("TTPVHCC", "BK-CT-TINH", "tp_hcc", [], "draft"),
]
ACHIEVEMENTS = {
    Nominee.Kind.COLLECTIVE: (
        "Đơn vị hoàn thành 100% chỉ tiêu cải cách hành chính được giao; tỷ lệ hồ sơ giải quyết đúng hạn đạt trên "
        "98%; duy trì tiếp nhận, trả kết quả trực tuyến; không có phản ánh, kiến nghị về thái độ phục vụ."
    ),
    Nominee.Kind.INDIVIDUAL: (
        "Hoàn thành xuất sắc nhiệm vụ được giao; trực tiếp hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán "
        "không dùng tiền mặt; số hóa đầy đủ kết quả giải quyết thủ tục hành chính."
    ),
}


def _build(campaign: Campaign, unit: Unit, form: AwardForm, head, names: list[str], stage: str, clerk) -> None:
    dossier = services.dossier_open(campaign=campaign, unit=unit, award_form=form, actor=head)
    nominees = [services.nominee_add(dossier=dossier, actor=head)]
    for name in names:
        official = Official.objects.get(unit=unit, full_name=name)
        nominees.append(services.nominee_add(dossier=dossier, actor=head, official=official))
    if stage == "draft":
        return
    held_on = min(timezone.localdate(), campaign.end_date) - timedelta(days=12)
    for nominee in nominees:
        services.discipline_attest(nominee=nominee, actor=head, discipline=Nominee.Discipline.CLEAR)
        services.report_write(nominee=nominee, actor=head, fields={"achievements": ACHIEVEMENTS[nominee.kind]})
        services.report_confirm(nominee=nominee, actor=head)
    services.minutes_save(
        dossier=dossier,
        actor=head,
        data=services.MinutesInput(
            held_on=held_on,
            place=f"Phòng họp {unit.short_name}",
            members_total="5",
            members_present="5",
            absent_note="",
            secret_ballot=True,
            chair_name=head.official.full_name,
            secretary_name="Thư ký cuộc họp",
            votes={n.pk: ("5", "0") for n in nominees},
        ),
    )
    services.dossier_transition(dossier=dossier, action="submit", actor=head)
    if stage == "accepted":
        services.dossier_transition(dossier=dossier, action="accept", actor=clerk)
    elif stage == "returned":
        services.dossier_transition(
            dossier=dossier,
            action="return",
            actor=clerk,
            reason="Đề nghị bổ sung minh chứng thành tích theo tiêu chuẩn Bằng khen.",
            reasons={nominees[-1].pk: "Chưa có minh chứng 02 lần liên tục Chiến sĩ thi đua cơ sở."},
        )


def dossiers_demo_load(*, campaign: Campaign, clerk) -> str:
    users = get_user_model().objects
    made = 0
    for unit_code, form_code, account, names, stage in PLAN:
        unit = Unit.objects.get(code=unit_code)
        form = AwardForm.objects.get(campaign=campaign, code=form_code)
        if Dossier.objects.filter(campaign=campaign, unit=unit, award_form=form).exists():
            continue
        _build(campaign, unit, form, users.get(username=account), names, stage, clerk)
        made += 1
    return f"Hồ sơ khen thưởng năm nay (đã gửi, đã tiếp nhận, bị trả lại, đang soạn): thêm {made}."
