"""The ward council's minutes as an official document ("awards.ward_minutes"): BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA –
KHEN THƯỞNG PHƯỜNG from the meeting's record — time and place, members present of the total, those absent with
their reason, the quorum, the agenda, the ballots, each nominee's yes votes and their share of ALL members, passed
or not, the conclusion, the closing time, and the chair's and secretary's signatures side by side. Before the
meeting closes it is a draft ("DỰ THẢO", no closing time); a change to the record makes it again."""

import rules
from django.utils import timezone

from awards.council.models import CouncilMeeting
from awards.council.selectors import meeting_rules, passed_count, sheet_rows
from documents.frame import Frame
from documents.registry import DocumentKind, document_kind_register, version_of
from emulation.plan.document import campaign_phrase, issuer_lines, place_of

KIND = "awards.ward_minutes"


def minutes_find(pk: int) -> CouncilMeeting | None:
    return CouncilMeeting.objects.select_related("campaign__issuing_unit").filter(pk=pk).first()


def can_read_minutes(user, meeting: CouncilMeeting) -> bool:
    """The council's pages' readers: the secretariat (the rule set only, as the pages ask)."""
    return bool(rules.has_perm("awards.review_dossier", user))


def minutes_version(meeting: CouncilMeeting) -> int:
    """A hash of everything the minutes show: the meeting, its members and its votes."""
    fields = (
        meeting.held_on,
        meeting.place,
        meeting.chair_name,
        meeting.secretary_name,
        meeting.members_total,
        meeting.members_present,
        meeting.secret_ballot,
        meeting.ballots_issued,
        meeting.ballots_valid,
        meeting.status,
        meeting.closed_at,
    )
    members = list(meeting.members.values_list("name", "role", "present", "absent_reason", "voted_in_writing", "order"))
    votes = list(meeting.votes.order_by("pk").values_list("nominee_id", "yes", "no", "passed"))
    return version_of(fields, members, votes)


def minutes_context(meeting: CouncilMeeting) -> dict:
    issuer = meeting.campaign.issuing_unit.name
    closed = meeting.status == CouncilMeeting.Status.CLOSED
    frame = Frame(
        issuer=issuer_lines(issuer),
        reference="…/BB-HĐTĐKT",
        place=place_of(issuer),
        doc_type="Biên bản họp Hội đồng Thi đua – Khen thưởng phường",
        summary=f"Xét đề nghị khen thưởng trong {campaign_phrase(meeting.campaign.title)}",
        issued_on=meeting.held_on,
    )
    rows = [row for row in sheet_rows(meeting) if row.vote is not None]
    passed, voted = passed_count(rows)
    meeting_rules_ = meeting_rules(meeting) if meeting.rules else None
    members = list(meeting.members.all())
    present = meeting.members_present
    return {
        "frame": frame,
        "meeting": meeting,
        "draft": not closed,
        "issuer_name": issuer,
        "campaign_phrase": campaign_phrase(meeting.campaign.title),
        "rules": meeting_rules_,
        "quorum_met": (present is not None and meeting_rules_ is not None and present >= meeting_rules_.quorum_count),
        "present": [m for m in members if m.present],
        "absent": [m for m in members if not m.present],
        "absent_count": meeting.members_total - present if present is not None else None,
        "rows": rows,
        "passed": passed,
        "voted": voted,
        "dossiers": len({row.nominee.dossier_id for row in rows}),
        "closed_at": timezone.localtime(meeting.closed_at) if meeting.closed_at else None,
    }


document_kind_register(
    DocumentKind(
        key=KIND,
        template="awards/documents/ward_minutes.html",
        find=minutes_find,
        context=minutes_context,
        can_view=can_read_minutes,
        version=minutes_version,
        filename=lambda meeting: f"bien-ban-hoi-dong-{meeting.held_on:%Y-%m-%d}-{meeting.pk}.pdf",
        model=CouncilMeeting,
    )
)
