"""What the award dossier workflow's named checks, effects and recipients do (awards.dossiers.workflow).

Registered on the table when the app is ready. The council's result is written on the nominees by the
council wing when its meeting closes; the numbered decision moves a dossier to "decided" from the decisions
wing: both sit above dossiers and take their steps through the same engine.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.catalogue.selectors import rules_snapshot
from awards.dossiers.models import NOTE_MAX, Dossier, Nominee
from awards.dossiers.selectors import missing_before_submit
from awards.dossiers.services import DossierError, DossierInvalid
from awards.dossiers.workflow import DOSSIER_WORKFLOW
from awards.history.models import Award
from core.roles import Role
from core.text import TextInvalid, text_clean
from emulation.reports.selectors import secretariat_users, unit_head_users

W = DOSSIER_WORKFLOW


def _changes_since(dossier: Dossier, seen_at) -> list[dict]:
    """The dossier's own steps and edits after `seen_at` (its history's reasons), newest first."""
    records = dossier.history.select_related("history_user__official").order_by("-history_date")
    if seen_at is not None:
        records = records.filter(history_date__gt=seen_at)
    return [
        {"at": r.history_date, "user": r.history_user, "what": r.history_change_reason or r.get_status_display()}
        for r in records[:30]
    ]


W.changes_since = _changes_since


@W.check("complete")
def _complete(dossier: Dossier, actor, **inputs) -> None:
    missing = missing_before_submit(dossier)
    if missing:
        raise DossierError("Chưa gửi được: " + "; ".join(missing) + ".")


@W.check("council_closed")
def _council_closed(dossier: Dossier, actor, **inputs) -> None:
    pending = [n.name for n in dossier.nominees.all() if n.council_passed is None]
    if pending:
        raise DossierError("Hội đồng phường chưa có kết quả bỏ phiếu cho: " + ", ".join(pending) + ".")


@W.check("ward_award")
def _ward_award(dossier: Dossier, actor, **inputs) -> None:
    if dossier.award_form.level != dossier.award_form.Level.WARD:
        raise DossierError(f"“{dossier.award_form.name}” do cấp tỉnh quyết định: hãy đề nghị lên tỉnh.")


@W.check("province_award")
def _province_award(dossier: Dossier, actor, **inputs) -> None:
    if dossier.award_form.level != dossier.award_form.Level.PROVINCE:
        raise DossierError(f"“{dossier.award_form.name}” do Chủ tịch UBND phường quyết định: hãy trình Chủ tịch.")


@W.effect("stamp_submitted")
def _stamp_submitted(dossier: Dossier, actor, **inputs) -> None:
    """Sent: the time, and the rules in force that day (the council's shares, money), kept with the dossier."""
    dossier.submitted_at = timezone.now()
    dossier.rules = rules_snapshot(timezone.localdate())


def _bounded(text, label: str) -> str:
    try:
        return text_clean(text, max_length=NOTE_MAX, label=label).strip()
    except TextInvalid as exc:
        raise DossierError(str(exc)) from None


@W.effect("nominee_reasons")
def _nominee_reasons(dossier: Dossier, actor, *, reasons: dict | None = None, **inputs) -> None:
    """Returned: a reason for each nominee that needs one (nominee id → text), beside the dossier's reason."""
    reasons = reasons or {}
    nominees = {n.pk: n for n in dossier.nominees.all()}
    unknown = [key for key in reasons if key not in nominees]
    if unknown:
        raise DossierError("Lý do trả lại ghi cho người không có trong hồ sơ.")
    for pk, nominee in nominees.items():
        nominee.return_reason = _bounded(reasons.get(pk, ""), f"Lý do trả lại ({nominee.name})")
        nominee.save(update_fields=["return_reason"])


@W.effect("clear_reasons")
def _clear_reasons(dossier: Dossier, actor, **inputs) -> None:
    dossier.nominees.exclude(return_reason="").update(return_reason="")


@W.effect("approvals")
def _approvals(dossier: Dossier, actor, *, approvals: dict | None = None, **inputs) -> None:
    """The chairman's word on each nominee the council passed (nominee id → (approved?, reason)); one the
    council did not pass is not proposed. A rejection needs its reason; every passed nominee needs a word."""
    approvals = approvals or {}
    now, errors = timezone.now(), {}
    for nominee in dossier.nominees.all():
        if not nominee.council_passed:
            continue
        if nominee.pk not in approvals:
            errors[f"nominee-{nominee.pk}"] = f"Chưa có ý kiến duyệt cho {nominee.name}."
            continue
        approved, reason = approvals[nominee.pk]
        reason = _bounded(reason, f"Lý do ({nominee.name})")
        if not approved and not reason:
            errors[f"nominee-{nominee.pk}"] = f"Cần ghi lý do không đồng ý khen {nominee.name}."
            continue
        nominee.approval = Nominee.Approval.APPROVED if approved else Nominee.Approval.REJECTED
        nominee.approval_reason, nominee.approved_by, nominee.approved_at = reason, actor, now
        nominee.save(update_fields=["approval", "approval_reason", "approved_by", "approved_at"])
    if errors:
        raise DossierInvalid(errors)


@W.effect("province_decision")
def _province_decision(
    dossier: Dossier, actor, *, number: str = "", decided_on: date | None = None, awarded: list | None = None, **inputs
) -> None:
    """The province's decision entered: its number and date on the dossier, and an award in the history of
    each nominee it names (`awarded`: nominee ids), as the decision rewards them."""
    number = _bounded(number, "Số quyết định của tỉnh")
    if not number or decided_on is None:
        raise DossierError("Cần ghi số và ngày quyết định của tỉnh.")
    if decided_on > timezone.localdate():
        raise DossierError("Ngày quyết định của tỉnh không được sau hôm nay.")
    nominees = {n.pk: n for n in dossier.nominees.select_related("official", "unit")}
    chosen = [nominees[pk] for pk in (awarded or []) if pk in nominees]
    if len(chosen) != len(awarded or []) or not chosen:
        raise DossierError("Hãy chọn những người trong hồ sơ được tỉnh khen thưởng.")
    dossier.province_decision_number, dossier.province_decision_date = number, decided_on
    form = dossier.award_form
    for nominee in chosen:
        Award.objects.create(
            beneficiary=nominee.kind,
            official=nominee.official,
            unit=None if nominee.official_id else nominee.unit,
            name=nominee.name,
            position=nominee.position,
            unit_name=nominee.unit_name,
            year=decided_on.year,
            title=form.name,
            award_form=form,
            decision_number=number,
            decision_date=decided_on,
            issuer=form.decided_by,
            period_start=dossier.period_start,
            period_end=dossier.period_end,
            source=Award.Source.PORTAL,
            nominee=nominee,
            entered_by=actor,
        )


@W.recipient("unit_heads")
def _unit_heads(dossier: Dossier) -> list:
    return unit_head_users(dossier.unit)


@W.recipient("secretariat")
def _secretariat(dossier: Dossier) -> list:
    return secretariat_users()


@W.recipient("chairman")
def _chairman(dossier: Dossier) -> list:
    return list(get_user_model().objects.filter(is_active=True, groups__name=Role.CHAIRMAN.group_name).distinct())
