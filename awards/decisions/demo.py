"""The demo's issued decision: the Centre's Giấy khen dossier (accepted for the council by the dossiers' demo) goes
through the ward council (9 members, one absent voting in writing), is proposed, approved by the chairman and
decided, so the decision, its certificates and the council's minutes can be made from the demo. Safe to run again:
a campaign with a decision is left as it is."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.council import services as council
from awards.decisions.models import Decision
from awards.decisions.services import decision_issue
from awards.dossiers import services
from awards.dossiers.models import Dossier, DossierStatus
from emulation.plan.models import Campaign
from units.selectors import official_of

CHAIRMAN = "chutich"
MEMBERS = [
    ("Chủ tịch UBND phường", "Chủ tịch Hội đồng"),
    ("Phó Chủ tịch UBND phường", "Phó Chủ tịch Hội đồng"),
    ("Trưởng phòng Văn hóa – Xã hội", "Phó Chủ tịch Thường trực"),
    ("Chánh Văn phòng HĐND và UBND", "Ủy viên"),
    ("Trưởng phòng Kinh tế, Hạ tầng và Đô thị", "Ủy viên"),
    ("Giám đốc Trung tâm Phục vụ hành chính công", "Ủy viên"),
    ("Chủ tịch Ủy ban MTTQ phường", "Ủy viên"),
    ("Chủ tịch Hội Liên hiệp Phụ nữ phường", "Ủy viên"),
    ("Công chức Văn hóa – Xã hội", "Ủy viên, Thư ký"),
]


def decisions_demo_load(*, campaign: Campaign, clerk) -> str:
    if Decision.objects.filter(campaign=campaign).exists():
        return ""
    dossiers = list(Dossier.objects.filter(campaign=campaign, status=DossierStatus.ACCEPTED).order_by("pk"))
    if not dossiers:
        return ""
    chairman = get_user_model().objects.get(username=CHAIRMAN)
    chairman_name = official_of(chairman).full_name if official_of(chairman) else "Chủ tịch UBND phường"
    secretary = official_of(clerk).full_name if official_of(clerk) else "Thư ký Hội đồng"
    last = min(timezone.localdate(), campaign.end_date)
    meeting = council.meeting_open(
        campaign=campaign,
        actor=clerk,
        held_on=last - timedelta(days=6),
        place="Hội trường UBND phường",
        chair_name=chairman_name,
        secretary_name=secretary,
        members_total=str(len(MEMBERS)),
    )
    council.members_save(
        meeting=meeting,
        actor=clerk,
        members=[
            {
                "name": name,
                "role": role,
                "present": i != 6,
                "absent_reason": "" if i != 6 else "Đi công tác tỉnh",
                "voted_in_writing": i == 6,
            }
            for i, (name, role) in enumerate(MEMBERS)
        ],
    )
    nominees = council.meeting_nominees(meeting)
    tallies = {n.pk: (str(9 - i % 2), str(i % 2)) for i, n in enumerate(nominees)}
    council.votes_record(meeting=meeting, actor=clerk, members_present=str(len(MEMBERS) - 1), tallies=tallies)
    council.meeting_close(meeting=meeting, actor=clerk)
    forms = set()
    for dossier in Dossier.objects.filter(pk__in=[d.pk for d in dossiers]):
        services.dossier_transition(dossier=dossier, action="propose", actor=clerk)
        dossier.refresh_from_db()
        approvals = {n.pk: (True, "") for n in dossier.nominees.all() if n.council_passed}
        services.dossier_transition(dossier=dossier, action="review", actor=chairman, approvals=approvals)
        forms.add(dossier.award_form)
    made = []
    for form in sorted(forms, key=lambda f: (f.order, f.pk)):
        made.append(
            decision_issue(
                campaign=campaign,
                award_form=form,
                actor=chairman,
                issued_on=last - timedelta(days=3),
                signer_title="Chủ tịch",
                signer_name=chairman_name,
            )
        )
    return "Quyết định khen thưởng (Hội đồng đã họp, Chủ tịch đã duyệt): " + ", ".join(d.reference for d in made) + "."
