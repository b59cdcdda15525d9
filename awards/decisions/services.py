"""The chairman's decisions: numbered from the register (never reused or skipped, even two at once), each with
a snapshot of the legal bases and rules it applied, the awards it makes (certificate number, money) and the
dossiers it closes; a mistake is corrected by a revoking decision, never by an edit.
"""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from awards.catalogue.models import AwardForm
from awards.catalogue.rules import rule_value
from awards.catalogue.selectors import rules_snapshot
from awards.decisions.models import Decision, DecisionRegister
from awards.decisions.money import award_money
from awards.dossiers.models import DossierStatus, Nominee
from awards.dossiers.permissions import can_issue_decision
from awards.dossiers.services import DossierError, dossier_transition
from awards.history.models import Award
from core.numbers import vn_number
from core.text import TextInvalid, text_clean
from emulation.plan.document import campaign_phrase
from emulation.plan.models import Campaign
from units.models import Unit

DecisionError = DossierError
DECISIONS, CERTIFICATES = "QĐ-UBND", "GK"


def number_take(*, issuer: Unit, series: str, year: int) -> int:
    """The next number of a series, taken under a row lock held until the caller's transaction ends: two
    decisions issued at the same moment wait for each other and get consecutive numbers."""
    DecisionRegister.objects.get_or_create(issuer=issuer, series=series, year=year)
    register = DecisionRegister.objects.select_for_update().get(issuer=issuer, series=series, year=year)
    register.last_number += 1
    register.save(update_fields=["last_number"])
    return register.last_number


def _text(value, label: str, bound: int) -> str:
    try:
        text = text_clean(value, max_length=bound, label=label).strip()
    except TextInvalid as exc:
        raise DecisionError(str(exc)) from None
    if not text:
        raise DecisionError(f"Cần ghi {label.lower()}.")
    return text


def _legal_bases(campaign: Campaign, rules: dict[str, str]) -> list[str]:
    bases = [rules["law.act"], rules["law.decree"]]
    bases += [f"{b.doc_type} số {b.number} của {b.issuer} về {b.title}" for b in campaign.legal_bases.all()]
    return bases


@transaction.atomic
def decision_issue(
    *,
    campaign: Campaign,
    award_form: AwardForm,
    actor: AbstractBaseUser,
    issued_on: date | None,
    signer_title: str,
    signer_name: str,
) -> Decision:
    """Issue the decision for every nominee the chairman approved in the campaign's reviewed dossiers of a
    ward award form: the next number, the rules and bases in force that day, an award per nominee with its
    certificate number and money, the total; the dossiers move to "decided". Answered as done (refused,
    nothing written) when nothing waits for a decision."""
    if not can_issue_decision(actor):
        raise DecisionError("Chỉ Chủ tịch hoặc Thường trực thi đua ban hành quyết định.")
    if award_form.campaign_id != campaign.pk or award_form.level != AwardForm.Level.WARD:
        raise DecisionError("Chỉ ban hành quyết định cho hình thức khen thưởng cấp phường của phong trào.")
    if issued_on is None:
        raise DecisionError("Cần ghi ngày ban hành.")
    if issued_on > timezone.localdate():
        raise DecisionError("Ngày ban hành không được sau hôm nay.")
    signer_title, signer_name = _text(signer_title, "Chức vụ người ký", 150), _text(signer_name, "Người ký", 150)
    dossiers = list(
        award_form.dossiers.select_for_update()
        .filter(campaign=campaign, status=DossierStatus.REVIEWED)
        .order_by("unit__order", "pk")
    )
    nominees = list(
        Nominee.objects.filter(dossier__in=dossiers, approval=Nominee.Approval.APPROVED)
        .select_related("dossier", "official", "unit")
        .order_by("dossier__unit__order", "kind", "order", "pk")
    )
    if not nominees:
        raise DecisionError(f"Không có ai đã được Chủ tịch đồng ý khen “{award_form.name}” chờ ban hành quyết định.")
    already = [n.name for n in nominees if hasattr(n, "award")]
    if already:
        raise DecisionError("Đã có quyết định khen thưởng cho: " + ", ".join(already) + ".")
    snapshot = rules_snapshot(issued_on)
    base, round_to = (
        rule_value("money.base_salary", snapshot["money.base_salary"]),
        rule_value("money.round_to", snapshot["money.round_to"]),
    )
    factor = rule_value("money.collective_factor", snapshot["money.collective_factor"])
    issuer = campaign.issuing_unit
    decision = Decision.objects.create(
        campaign=campaign,
        award_form=award_form,
        kind=Decision.Kind.AWARD,
        issuer=issuer,
        series=DECISIONS,
        year=issued_on.year,
        number=number_take(issuer=issuer, series=DECISIONS, year=issued_on.year),
        issued_on=issued_on,
        title=f"Về việc tặng {award_form.name} cho các tập thể, cá nhân có thành tích trong "
        f"{campaign_phrase(campaign.title)}"[:500],
        signer_title=signer_title,
        signer_name=signer_name,
        legal_bases=_legal_bases(campaign, snapshot),
        rules=snapshot,
        period_start=min(d.period_start for d in dossiers),
        period_end=max(d.period_end for d in dossiers),
        issued_by=actor,
    )
    total = 0
    for nominee in nominees:
        collective = nominee.kind == Nominee.Kind.COLLECTIVE
        money = award_money(
            coefficient=award_form.coefficient,
            base_salary=base,
            collective=collective,
            factor=factor,
            round_to=round_to,
        )
        total += money
        Award.objects.create(
            beneficiary=nominee.kind,
            official=nominee.official,
            unit=nominee.unit if collective else None,
            name=nominee.name,
            position=nominee.position,
            unit_name=nominee.unit_name,
            year=issued_on.year,
            title=award_form.name,
            award_form=award_form,
            decision_number=decision.reference,
            decision_date=issued_on,
            issuer=f"{signer_title} {issuer.name}",
            period_start=nominee.dossier.period_start,
            period_end=nominee.dossier.period_end,
            source=Award.Source.PORTAL,
            decision=decision,
            nominee=nominee,
            certificate_number=number_take(issuer=issuer, series=CERTIFICATES, year=issued_on.year),
            money=money,
            entered_by=actor,
        )
    decision.total_money = total
    decision.save(update_fields=["total_money"])
    for dossier in dossiers:
        dossier_transition(dossier=dossier, action="decide", actor=actor, reason=f"Quyết định số {decision.reference}")
    return decision


@transaction.atomic
def awards_revoke(
    *,
    awards: list[Award],
    actor: AbstractBaseUser,
    issued_on: date | None,
    reason: str,
    signer_title: str,
    signer_name: str,
) -> Decision:
    """A new decision that revokes awards (they stay in the history, marked revoked by it); refused for an
    award already revoked, saying by which decision."""
    if not can_issue_decision(actor):
        raise DecisionError("Chỉ Chủ tịch hoặc Thường trực thi đua ban hành quyết định.")
    if not awards:
        raise DecisionError("Hãy chọn khen thưởng cần thu hồi.")
    if issued_on is None:
        raise DecisionError("Cần ghi ngày ban hành.")
    if issued_on > timezone.localdate():
        raise DecisionError("Ngày ban hành không được sau hôm nay.")
    reason = _text(reason, "Lý do thu hồi", 2000)
    signer_title, signer_name = _text(signer_title, "Chức vụ người ký", 150), _text(signer_name, "Người ký", 150)
    locked = list(
        Award.objects.select_for_update(of=("self",)).filter(pk__in=[a.pk for a in awards]).select_related("revoked_by")
    )
    done = [f"{a.name} (Quyết định số {a.revoked_by.reference})" for a in locked if a.revoked_by_id]
    if done:
        raise DecisionError("Đã bị thu hồi trước đó: " + "; ".join(done) + ".")
    portal = [a for a in locked if a.decision_id]
    if len(portal) != len(locked):
        raise DecisionError("Chỉ thu hồi được khen thưởng do quyết định trên cổng ban hành.")
    first = portal[0].decision
    issuer = first.issuer
    snapshot = rules_snapshot(issued_on)
    decision = Decision.objects.create(
        campaign=first.campaign,
        award_form=first.award_form,
        kind=Decision.Kind.REVOCATION,
        issuer=issuer,
        series=DECISIONS,
        year=issued_on.year,
        number=number_take(issuer=issuer, series=DECISIONS, year=issued_on.year),
        issued_on=issued_on,
        title=f"Về việc thu hồi khen thưởng ({len(portal)} trường hợp)",
        signer_title=signer_title,
        signer_name=signer_name,
        legal_bases=[snapshot["law.act"], snapshot["law.decree"]],
        rules=snapshot,
        reason=reason,
        issued_by=actor,
    )
    Award.objects.filter(pk__in=[a.pk for a in portal]).update(revoked_by=decision)
    return decision


def money_text(amount: int) -> str:
    return f"{vn_number(amount)} đồng"
