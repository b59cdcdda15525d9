"""Writes to award dossiers: opening one, its nominees, the unit head's attestation of discipline, the
achievement reports, the unit council's minutes, and the workflow's steps (through the one engine).

Every service validates its whole input first and writes in one transaction; errors are DossierError (one
message) or DossierInvalid (one message per field), in Vietnamese. Free text goes through core.text; pages
send the version they showed (core.versions) so that no save silently replaces another.
"""

from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from awards.catalogue.models import AwardForm
from awards.dossiers.models import (
    MEMBERS_MAX,
    NOTE_MAX,
    TEXT_MAX,
    AchievementReport,
    Dossier,
    Nominee,
    UnitMinutes,
)
from awards.dossiers.permissions import (
    can_confirm_report,
    can_edit_dossier,
    can_open_dossier,
    can_write_report,
)
from awards.dossiers.prefill import report_prefill
from awards.dossiers.selectors import minutes_changes_since
from awards.dossiers.workflow import DOSSIER_WORKFLOW
from core.numbers import NumberInvalid, parse_count
from core.text import TextInvalid, text_clean
from core.versions import version_check
from core.workflow import TransitionRefused, transition_apply
from emulation.plan.models import Campaign
from units.models import Official, Unit

DossierError = TransitionRefused
"""A dossier action that cannot be done now; the message says why (one type with the engine's refusals)."""


class DossierInvalid(Exception):
    """Input that does not pass; `errors` maps a field (or "nominee-<id>-<field>") to a Vietnamese message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _editable(dossier: Dossier, actor) -> None:
    if not can_edit_dossier(actor, dossier):
        raise DossierError(f"Hồ sơ đang ở trạng thái “{dossier.get_status_display()}”: không sửa được.")


def _touch(dossier: Dossier, actor, why: str) -> None:
    """A new version of the dossier, in its history with `why` (its nominees, reports or minutes changed)."""
    dossier.version += 1
    dossier._history_user = actor
    dossier._change_reason = why[:100]
    dossier.save()


def _locked(dossier: Dossier) -> Dossier:
    return Dossier.objects.select_for_update().select_related("campaign", "unit", "award_form").get(pk=dossier.pk)


@transaction.atomic
def dossier_open(*, campaign: Campaign, unit: Unit, award_form: AwardForm, actor: AbstractBaseUser) -> Dossier:
    """Open the unit's dossier for an award form of the campaign; its achievement period is the campaign's.
    Refused when the form is not the campaign's, the unit does not take part, the actor does not head it,
    or the unit already has that dossier."""
    if award_form.campaign_id != campaign.pk:
        raise DossierError("Hình thức khen thưởng này không thuộc phong trào.")
    if not campaign.participants.filter(pk=unit.pk).exists():
        raise DossierError(f"{unit.name} không tham gia phong trào {campaign.code}.")
    if not can_open_dossier(actor, unit):
        raise DossierError("Bạn không phải thủ trưởng đơn vị này.")
    try:
        with transaction.atomic():
            return Dossier.objects.create(
                campaign=campaign,
                unit=unit,
                award_form=award_form,
                period_start=campaign.start_date,
                period_end=campaign.end_date,
                created_by=actor,
            )
    except IntegrityError:
        raise DossierError(f"{unit.short_name} đã có hồ sơ đề nghị “{award_form.name}” trong phong trào.") from None


def _fresh(nominee: Nominee) -> Nominee:
    """The nominee as stored, its dossier locked (its state decides who may write)."""
    nominee = Nominee.objects.select_related("official", "unit").get(pk=nominee.pk)
    nominee.dossier = _locked(nominee.dossier)
    return nominee


def _snapshot(nominee: Nominee) -> None:
    """The name, position and unit as they are now (kept as they were at award time once decided)."""
    if nominee.official_id:
        official = nominee.official
        nominee.name, nominee.position, nominee.unit_name = (
            official.full_name,
            official.position.name,
            official.unit.name,
        )
    else:
        nominee.name, nominee.position, nominee.unit_name = nominee.unit.name, "", nominee.unit.name


@transaction.atomic
def nominee_add(*, dossier: Dossier, actor: AbstractBaseUser, official: Official | None = None) -> Nominee:
    """Add the unit itself (no `official`) or one of its officials, chosen from the official records."""
    dossier = _locked(dossier)
    _editable(dossier, actor)
    form = dossier.award_form
    if official is None:
        if not form.for_collective:
            raise DossierError(f"“{form.name}” không khen tập thể.")
        if dossier.nominees.filter(kind=Nominee.Kind.COLLECTIVE).exists():
            raise DossierError("Đơn vị đã có trong hồ sơ.")
        nominee = Nominee(dossier=dossier, kind=Nominee.Kind.COLLECTIVE, unit=dossier.unit)
    else:
        if not form.for_individual:
            raise DossierError(f"“{form.name}” không khen cá nhân.")
        if official.unit_id != dossier.unit_id or not official.is_active:
            raise DossierError(f"{official.full_name} không phải cán bộ đang công tác tại {dossier.unit.short_name}.")
        if dossier.nominees.filter(official=official).exists():
            raise DossierError(f"{official.full_name} đã có trong hồ sơ.")
        nominee = Nominee(dossier=dossier, kind=Nominee.Kind.INDIVIDUAL, unit=dossier.unit, official=official)
    _snapshot(nominee)
    nominee.order = dossier.nominees.count()
    nominee._history_user = actor
    nominee.save()
    AchievementReport.objects.create(nominee=nominee)
    _touch(dossier, actor, f"Thêm {nominee.name}")
    return nominee


@transaction.atomic
def nominee_remove(*, nominee: Nominee, actor: AbstractBaseUser) -> None:
    dossier = _locked(nominee.dossier)
    _editable(dossier, actor)
    name = nominee.name
    nominee.delete()
    _touch(dossier, actor, f"Bỏ {name}")


def _text(errors: dict, field: str, value, label: str, max_length: int) -> str:
    try:
        return text_clean(value, max_length=max_length, label=label).strip()
    except TextInvalid as exc:
        errors[field] = str(exc)
        return ""


@transaction.atomic
def discipline_attest(
    *,
    nominee: Nominee,
    actor: AbstractBaseUser,
    discipline: str,
    until: date | None = None,
    note: str = "",
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> Nominee:
    """The unit head attests the nominee's administrative discipline (no discipline, investigation or
    complaint pending; the end of the last discipline, if any, from which merit counts). The dossier's page
    sends the dossier's version it showed: if the dossier changed since, StaleVersion and nothing is saved."""
    dossier = _locked(nominee.dossier)
    version_check(
        current=dossier.version, based_on=based_on, changes=lambda: DOSSIER_WORKFLOW.changes_since(dossier, seen_at)
    )
    _editable(dossier, actor)
    errors: dict[str, str] = {}
    if discipline not in {c for c, _ in Nominee.Discipline.choices if c}:
        errors["discipline"] = "Hãy chọn một tình trạng kỷ luật."
    if until is not None and until > timezone.localdate():
        errors["discipline_until"] = "Ngày hết kỷ luật không được sau hôm nay."
    note = _text(errors, "discipline_note", note, "Ghi chú", NOTE_MAX)
    if errors:
        raise DossierInvalid(errors)
    nominee = Nominee.objects.select_for_update().get(pk=nominee.pk)
    nominee.discipline, nominee.discipline_until, nominee.discipline_note = discipline, until, note
    nominee.discipline_attested_by, nominee.discipline_attested_at = actor, timezone.now()
    nominee._history_user = actor
    nominee.save()
    _touch(dossier, actor, f"Xác nhận kỷ luật: {nominee.name}")
    return nominee


REPORT_TEXTS = {"situation": TEXT_MAX, "duties": TEXT_MAX, "achievements": TEXT_MAX, "measures": TEXT_MAX}
REPORT_CV = {"ethnicity": 50, "hometown": 255, "residence": 255, "qualifications": 500}


@transaction.atomic
def report_write(
    *,
    nominee: Nominee,
    actor: AbstractBaseUser,
    fields: dict[str, str],
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> AchievementReport:
    """Save the report's narrative (and, for an individual, the short CV Mẫu 03 asks for). Editing a
    confirmed report withdraws its confirmation: the unit head confirms what is sent."""
    nominee = _fresh(nominee)
    if not can_write_report(actor, nominee):
        raise DossierError("Bạn không sửa được báo cáo thành tích này.")
    report = AchievementReport.objects.select_for_update().get(nominee=nominee)
    version_check(current=report.version, based_on=based_on, changes=lambda: report_changes_since(report, seen_at))
    allowed = REPORT_TEXTS | (REPORT_CV if nominee.kind == Nominee.Kind.INDIVIDUAL else {})
    labels = {f.name: str(f.verbose_name) for f in AchievementReport._meta.fields}
    errors: dict[str, str] = {}
    clean = {
        name: _text(errors, name, fields[name], labels[name], bound)
        for name, bound in allowed.items()
        if name in fields
    }
    if errors:
        raise DossierInvalid(errors)
    changed = [name for name, value in clean.items() if getattr(report, name) != value]
    if not changed:
        return report
    for name in changed:
        setattr(report, name, clean[name])
    report.written_by = actor
    if report.confirmed_at is not None:
        report.confirmed_at, report.confirmed_by, report.prefilled = None, None, {}
    report.version += 1
    report._history_user = actor
    report.save()
    return report


def report_changes_since(report: AchievementReport, seen_at: datetime | None) -> list[dict]:
    """Who changed which section after `seen_at`, old → new (text, shown as stored)."""
    labels = {f.name: str(f.verbose_name) for f in AchievementReport._meta.fields}
    records = list(report.history.select_related("history_user__official").order_by("history_date", "history_id"))
    changes = []
    for before, after in pairwise(records):
        if seen_at is not None and after.history_date <= seen_at:
            continue
        for name in (*REPORT_TEXTS, *REPORT_CV):
            if getattr(before, name) != getattr(after, name):
                changes.append(
                    {
                        "at": after.history_date,
                        "user": after.history_user,
                        "what": labels[name],
                        "old": getattr(before, name),
                        "new": getattr(after, name),
                        "text": True,
                    }
                )
    return list(reversed(changes))


@transaction.atomic
def report_confirm(*, nominee: Nominee, actor: AbstractBaseUser) -> AchievementReport:
    """The unit head confirms the report: its sections from data are frozen as they are now."""
    nominee = _fresh(nominee)
    if not can_confirm_report(actor, nominee):
        raise DossierError("Chỉ thủ trưởng đơn vị xác nhận báo cáo thành tích, khi hồ sơ chưa gửi.")
    report = AchievementReport.objects.select_for_update().get(nominee=nominee)
    if not (report.achievements or "").strip():
        raise DossierError(f"Báo cáo thành tích của {nominee.name} chưa có phần thành tích đạt được.")
    report.prefilled = report_prefill(nominee)
    report.confirmed_by, report.confirmed_at = actor, timezone.now()
    report.version += 1
    report._history_user = actor
    report.save()
    _touch(nominee.dossier, actor, f"Xác nhận báo cáo thành tích: {nominee.name}")
    return report


@dataclass
class MinutesInput:
    held_on: date | None
    place: str
    members_total: object
    members_present: object
    absent_note: str
    secret_ballot: bool
    chair_name: str
    secretary_name: str
    votes: dict[int, tuple[object, object]]
    """nominee id → (yes, no) as typed."""


def _count(errors: dict, field: str, raw, label: str) -> int | None:
    try:
        value = parse_count(raw, maximum=MEMBERS_MAX)
    except NumberInvalid as exc:
        errors[field] = f"{label}: {exc}"
        return None
    if value is None:
        errors[field] = f"Cần nhập {label.lower()}."
    return value


@transaction.atomic
def minutes_save(
    *,
    dossier: Dossier,
    actor: AbstractBaseUser,
    data: MinutesInput,
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> UnitMinutes:
    """Record the unit council's minutes and each nominee's votes, checked whole: counts within the members,
    votes within those present (written votes of absent members count as present ballots). The page sends the
    minutes' version it showed (0: none yet): if they changed since, StaleVersion lists how and nothing is saved."""
    dossier = _locked(dossier)
    _editable(dossier, actor)
    minutes = UnitMinutes.objects.select_for_update().filter(dossier=dossier).first() or UnitMinutes(dossier=dossier)
    version_check(current=minutes.version, based_on=based_on, changes=lambda: minutes_changes_since(dossier, seen_at))
    errors: dict[str, str] = {}
    if data.held_on is None:
        errors["held_on"] = "Cần nhập ngày họp."
    elif data.held_on > timezone.localdate():
        errors["held_on"] = "Ngày họp không được sau hôm nay."
    place = _text(errors, "place", data.place, "Địa điểm", 255)
    chair = _text(errors, "chair_name", data.chair_name, "Chủ trì", 150)
    secretary = _text(errors, "secretary_name", data.secretary_name, "Thư ký", 150)
    absent = _text(errors, "absent_note", data.absent_note, "Vắng mặt, lý do", NOTE_MAX)
    for field, value, label in (
        ("place", place, "Địa điểm"),
        ("chair_name", chair, "Chủ trì"),
        ("secretary_name", secretary, "Thư ký"),
    ):
        if not value and field not in errors:
            errors[field] = f"Cần nhập {label.lower()}."
    total = _count(errors, "members_total", data.members_total, "Tổng số thành viên")
    present = _count(errors, "members_present", data.members_present, "Số thành viên có mặt")
    if total == 0:
        errors["members_total"] = "Tổng số thành viên phải lớn hơn 0."
    if total is not None and present is not None and present > total:
        errors["members_present"] = f"Số có mặt ({present}) không được lớn hơn tổng số thành viên ({total})."
    nominees = {n.pk: n for n in dossier.nominees.all()}
    votes: dict[int, tuple[int | None, int | None]] = {}
    for pk, (raw_yes, raw_no) in data.votes.items():
        if pk not in nominees:
            errors[f"nominee-{pk}"] = "Người này không có trong hồ sơ."
            continue
        yes = _count(errors, f"nominee-{pk}-yes", raw_yes, "Phiếu đồng ý")
        no = _count(errors, f"nominee-{pk}-no", raw_no, "Phiếu không đồng ý")
        if yes is not None and no is not None and present is not None and yes + no > present:
            errors[f"nominee-{pk}-yes"] = f"Tổng số phiếu ({yes + no}) vượt số thành viên có mặt ({present})."
        votes[pk] = (yes, no)
    if errors:
        raise DossierInvalid(errors)
    minutes.held_on, minutes.place, minutes.absent_note = data.held_on, place, absent
    minutes.members_total, minutes.members_present, minutes.secret_ballot = total, present, data.secret_ballot
    minutes.chair_name, minutes.secretary_name = chair, secretary
    minutes.version += 1
    minutes._history_user = actor
    minutes.save()
    for pk, (yes, no) in votes.items():
        nominee = nominees[pk]
        nominee.unit_yes, nominee.unit_no = yes, no
        nominee._history_user = actor
        nominee.save(update_fields=["unit_yes", "unit_no"])
    _touch(dossier, actor, "Ghi biên bản họp Hội đồng đơn vị")
    return minutes


def dossier_transition(
    *,
    dossier: Dossier,
    action: str,
    actor: AbstractBaseUser,
    reason: str = "",
    based_on: int | None = None,
    seen_at: datetime | None = None,
    **inputs,
) -> Dossier:
    """Move the dossier along its table (awards.dossiers.workflow) through the one engine."""
    return transition_apply(
        workflow=DOSSIER_WORKFLOW,
        obj=dossier,
        action=action,
        actor=actor,
        reason=reason,
        based_on=based_on,
        seen_at=seen_at,
        **inputs,
    )
