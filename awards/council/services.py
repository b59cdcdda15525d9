"""Writes of the ward council (Hội đồng TĐKT phường): a meeting on a campaign's accepted dossiers, its members'
attendance, each nominee's votes, and closing it — which writes each nominee's result and moves the dossiers
along their table ("vote"), under the rules the meeting keeps (quorum and pass share over ALL members).
"""

from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from awards.catalogue.rules import rule_value
from awards.catalogue.selectors import rules_snapshot
from awards.catalogue.tally import passes, quorum_met
from awards.council.models import CouncilMeeting, CouncilMember, CouncilVote
from awards.dossiers.models import MEMBERS_MAX, NOTE_MAX, DossierStatus, Nominee
from awards.dossiers.permissions import can_review_dossier
from awards.dossiers.services import DossierError, DossierInvalid, dossier_transition
from core.numbers import NumberInvalid, parse_count
from core.text import TextInvalid, text_clean
from core.versions import history_changes, version_check
from emulation.plan.models import Campaign

CouncilError = DossierError
MEMBERS_CHANGED = "Sửa danh sách thành viên"
"""The reason a members list save leaves in the meeting's history (listed when a later save is refused)."""


def _allowed(actor) -> None:
    if not can_review_dossier(actor):
        raise CouncilError("Chỉ Thường trực thi đua ghi kết quả Hội đồng.")


def _text(errors: dict, field: str, value, label: str, bound: int, required: bool = True) -> str:
    try:
        text = text_clean(value, max_length=bound, label=label).strip()
    except TextInvalid as exc:
        errors[field] = str(exc)
        return ""
    if required and not text:
        errors[field] = f"Cần nhập {label.lower()}."
    return text


def _count(errors: dict, field: str, raw, label: str, required: bool = True) -> int | None:
    try:
        value = parse_count(raw, maximum=MEMBERS_MAX)
    except NumberInvalid as exc:
        errors[field] = f"{label}: {exc}"
        return None
    if value is None and required:
        errors[field] = f"Cần nhập {label.lower()}."
    return value


@transaction.atomic
def meeting_open(
    *,
    campaign: Campaign,
    actor: AbstractBaseUser,
    held_on: date | None,
    place: str,
    chair_name: str,
    secretary_name: str,
    members_total,
    secret_ballot: bool = True,
) -> CouncilMeeting:
    """A meeting of the council on the campaign, keeping the rules in force on its day."""
    _allowed(actor)
    errors: dict[str, str] = {}
    if held_on is None:
        errors["held_on"] = "Cần nhập ngày họp."
    elif held_on > timezone.localdate():
        errors["held_on"] = "Ngày họp không được sau hôm nay."
    place = _text(errors, "place", place, "Địa điểm", 255)
    chair = _text(errors, "chair_name", chair_name, "Chủ trì", 150)
    secretary = _text(errors, "secretary_name", secretary_name, "Thư ký", 150)
    total = _count(errors, "members_total", members_total, "Tổng số thành viên")
    if total == 0:
        errors["members_total"] = "Tổng số thành viên phải lớn hơn 0."
    if errors:
        raise DossierInvalid(errors)
    with transaction.atomic():
        # One meeting open per campaign: the campaign's row is locked so two clerks opening at once get one.
        Campaign.objects.select_for_update().filter(pk=campaign.pk).first()
        open_one = CouncilMeeting.objects.filter(campaign=campaign, status=CouncilMeeting.Status.OPEN).first()
        if open_one is not None:
            raise CouncilError(
                f"Phiên họp ngày {open_one.held_on:%d/%m/%Y} của phong trào chưa kết thúc: hãy kết thúc phiên đó trước."
            )
        meeting = CouncilMeeting(
            campaign=campaign,
            held_on=held_on,
            place=place,
            chair_name=chair,
            secretary_name=secretary,
            members_total=total,
            secret_ballot=secret_ballot,
            rules=rules_snapshot(held_on),
            created_by=actor,
        )
        meeting._history_user = actor
        meeting.save()
        return meeting


def _open_meeting(
    meeting: CouncilMeeting, based_on: int | None = None, seen_at: datetime | None = None
) -> CouncilMeeting:
    """The meeting locked, still open, and as the page showed it (`based_on`, its version: else StaleVersion)."""
    meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
    version_check(current=meeting.version, based_on=based_on, changes=lambda: meeting_changes_since(meeting, seen_at))
    if meeting.status != CouncilMeeting.Status.OPEN:
        raise CouncilError("Phiên họp đã kết thúc: không sửa được kết quả.")
    return meeting


def _touch(meeting: CouncilMeeting, actor, why: str, fields: list[str]) -> None:
    """A new version of the meeting (its members, votes or state changed), in its history with `why`."""
    meeting.version += 1
    meeting._history_user = actor
    meeting._change_reason = why[:100]
    meeting.save(update_fields=[*fields, "version"])


def meeting_changes_since(meeting: CouncilMeeting, seen_at: datetime | None) -> list[dict]:
    """Who changed the meeting after `seen_at` — its members list, the members present, a nominee's votes, its
    state — old → new, newest first. Shown when a save based on an older version is refused."""
    records = list(
        CouncilMeeting.history.filter(id=meeting.pk)
        .select_related("history_user__official")
        .order_by("history_date", "history_id")
    )
    fields = {"members_present": "Số thành viên có mặt", "status": "Trạng thái"}
    changes = history_changes(records, fields, seen_at)
    changes += [
        {"at": r.history_date, "user": r.history_user, "what": r.history_change_reason, "text": True}
        for r in records
        if r.history_change_reason == MEMBERS_CHANGED and (seen_at is None or r.history_date > seen_at)
    ]
    votes = CouncilVote.history.filter(meeting_id=meeting.pk).select_related("history_user__official", "nominee")
    by_nominee: dict[int, list] = {}
    for record in votes.order_by("history_date", "history_id"):
        by_nominee.setdefault(record.nominee_id, []).append(record)
    for history in by_nominee.values():
        name = history[-1].nominee.name
        changes += history_changes(
            history, {"yes": "phiếu đồng ý", "no": "phiếu không đồng ý"}, seen_at, prefix=f"{name} · "
        )
    return sorted(changes, key=lambda c: c["at"], reverse=True)


@transaction.atomic
def members_save(
    *,
    meeting: CouncilMeeting,
    actor: AbstractBaseUser,
    members: list[dict],
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> None:
    """The members sitting (name, role, present or absent with a reason, voted in writing); replaces the list.
    Refused with StaleVersion when the meeting changed since the page showed it (`based_on`)."""
    _allowed(actor)
    meeting = _open_meeting(meeting, based_on, seen_at)
    errors: dict[str, str] = {}
    if len(members) > meeting.members_total:
        errors["members"] = f"Danh sách có {len(members)} người, hơn tổng số thành viên ({meeting.members_total})."
    rows = []
    for i, member in enumerate(members):
        name = _text(errors, f"member-{i}-name", member.get("name"), "Họ và tên", 150)
        role = _text(errors, f"member-{i}-role", member.get("role"), "Chức danh", 150, required=False)
        present = bool(member.get("present"))
        reason = _text(
            errors, f"member-{i}-reason", member.get("absent_reason"), "Lý do vắng", NOTE_MAX, required=False
        )
        if not present and not reason:
            errors[f"member-{i}-reason"] = f"Cần ghi lý do vắng của {name or 'thành viên'}."
        rows.append(
            CouncilMember(
                meeting=meeting,
                name=name,
                role=role,
                present=present,
                absent_reason=reason,
                voted_in_writing=bool(member.get("voted_in_writing")) and not present,
                order=i,
            )
        )
    if errors:
        raise DossierInvalid(errors)
    meeting.members.all().delete()
    CouncilMember.objects.bulk_create(rows)
    meeting.members_present = sum(1 for row in rows if row.present)
    _touch(meeting, actor, MEMBERS_CHANGED, ["members_present"])


def meeting_nominees(meeting: CouncilMeeting) -> list[Nominee]:
    """The nominees the meeting votes on: those of the campaign's dossiers accepted for the council."""
    return list(
        Nominee.objects.filter(dossier__campaign=meeting.campaign, dossier__status=DossierStatus.ACCEPTED)
        .select_related("dossier__unit", "dossier__award_form", "official__position")
        .order_by("dossier__award_form__order", "dossier__unit__order", "order", "pk")
    )


@transaction.atomic
def votes_record(
    *,
    meeting: CouncilMeeting,
    actor: AbstractBaseUser,
    members_present,
    tallies: dict[int, tuple[object, object]],
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> list[CouncilVote]:
    """Each nominee's yes and no (nominee id → as typed), checked whole: every count within the members (votes
    of absent members come in writing), no more votes than members, nominees of the meeting only. Refused with
    StaleVersion when the meeting changed since the page showed it (`based_on`)."""
    _allowed(actor)
    meeting = _open_meeting(meeting, based_on, seen_at)
    errors: dict[str, str] = {}
    present = _count(errors, "members_present", members_present, "Số thành viên có mặt")
    total = meeting.members_total
    if present is not None and present > total:
        errors["members_present"] = f"Số có mặt ({present}) không được lớn hơn tổng số thành viên ({total})."
    nominees = {n.pk: n for n in meeting_nominees(meeting)}
    clean: dict[int, tuple[int, int]] = {}
    for pk, (raw_yes, raw_no) in tallies.items():
        if pk not in nominees:
            errors[f"nominee-{pk}"] = "Người này không có trong các hồ sơ trình Hội đồng."
            continue
        yes = _count(errors, f"nominee-{pk}-yes", raw_yes, "Phiếu đồng ý")
        no = _count(errors, f"nominee-{pk}-no", raw_no, "Phiếu không đồng ý")
        if yes is not None and no is not None:
            if yes + no > total:
                errors[f"nominee-{pk}-yes"] = f"Tổng số phiếu ({yes + no}) vượt tổng số thành viên ({total})."
            clean[pk] = (yes, no)
    if errors:
        raise DossierInvalid(errors)
    meeting.members_present = present
    _touch(meeting, actor, "Ghi số phiếu", ["members_present"])
    share = rule_value("council.pass", meeting.rules["council.pass"])
    saved = []
    for pk, (yes, no) in clean.items():
        vote = CouncilVote.objects.filter(meeting=meeting, nominee=nominees[pk]).first()
        vote = vote or CouncilVote(meeting=meeting, nominee=nominees[pk])
        if vote.pk is None or (vote.yes, vote.no) != (yes, no):
            vote.yes, vote.no, vote.passed = yes, no, passes(yes=yes, total=total, share=share)
            vote._history_user = actor
            vote.save()
        saved.append(vote)
    return saved


@transaction.atomic
def meeting_close(*, meeting: CouncilMeeting, actor: AbstractBaseUser) -> CouncilMeeting:
    """End the meeting: refused without its quorum or with a nominee not voted on; otherwise each nominee's
    result is written and each dossier moves to "Hội đồng đã xét"."""
    _allowed(actor)
    meeting = _open_meeting(meeting)
    quorum = rule_value("council.quorum", meeting.rules["council.quorum"])
    if meeting.members_present is None:
        raise CouncilError("Chưa ghi số thành viên có mặt.")
    if not quorum_met(present=meeting.members_present, total=meeting.members_total, quorum=quorum):
        raise CouncilError(
            f"Phiên họp không đủ số thành viên: {meeting.members_present}/{meeting.members_total} có mặt, "
            f"cần ít nhất {quorum.numerator}/{quorum.denominator} tổng số thành viên; không biểu quyết được."
        )
    nominees = meeting_nominees(meeting)
    votes = {v.nominee_id: v for v in meeting.votes.all()}
    missing = [n.name for n in nominees if n.pk not in votes]
    if missing:
        raise CouncilError("Chưa nhập số phiếu của: " + ", ".join(missing) + ".")
    if not nominees:
        raise CouncilError("Không có hồ sơ nào chờ Hội đồng xét.")
    for nominee in nominees:
        nominee.council_passed = votes[nominee.pk].passed
        nominee.save(update_fields=["council_passed"])
    meeting.status, meeting.closed_at = CouncilMeeting.Status.CLOSED, timezone.now()
    _touch(meeting, actor, "Kết thúc phiên họp", ["status", "closed_at"])
    for dossier in {n.dossier_id: n.dossier for n in nominees}.values():
        dossier_transition(dossier=dossier, action="vote", actor=actor)
    return meeting
