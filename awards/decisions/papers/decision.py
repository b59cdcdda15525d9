"""The chairman's decision as an official document ("awards.decision"): QUYẾT ĐỊNH khen thưởng (or thu hồi khen
thưởng) in the Decree 30 frame, the legal bases of its snapshot, the proposal it rests on, Điều 1–3, the signer,
and the attached list with the money and its total in words. An issued decision never changes: its document,
made once, is the one issued (frozen), signed, with a public verification page."""

from collections import Counter
from decimal import Decimal

import rules

from awards.catalogue.rules import RuleValueInvalid, rule_value
from awards.council.models import CouncilVote
from awards.decisions.models import Decision
from awards.decisions.papers.words import money_words
from awards.history.models import Award
from core.numbers import vn_number
from core.permissions import is_staff_role
from documents.frame import Frame
from documents.registry import DocumentKind, document_kind_register
from emulation.plan.document import campaign_phrase, issuer_lines, place_of

KIND = "awards.decision"
RECIPIENTS = ["Như Điều 3;", "Lưu: VT, VHXH."]
EXECUTORS = (
    "Chánh Văn phòng HĐND và UBND phường, Trưởng phòng Văn hóa – Xã hội, Thủ trưởng các phòng, đơn vị có liên quan "
    "và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
)
FUND = "Quỹ Thi đua, khen thưởng của phường"


def can_read_decision(user, decision) -> bool:
    """The register's readers (the decision page's own test): the ward-wide roles and whoever issues decisions."""
    return bool(rules.has_perm("awards.issue_decision", user) or is_staff_role(user))


def decision_find(pk: int) -> Decision | None:
    return Decision.objects.select_related("campaign", "award_form", "issuer").filter(pk=pk).first()


def signer_lines(title: str) -> tuple[str, str]:
    """(authority, title) as the signature block writes them: a vice-chairman signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"."""
    if title.strip().lower().startswith("phó"):
        return "KT. Chủ tịch", title
    return "", title


def authority_line(decision: Decision) -> str:
    """ "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA": who decides, under the summary."""
    return f"Chủ tịch {decision.issuer.name}".upper()


def decision_frame(decision: Decision) -> Frame:
    authority, title = signer_lines(decision.signer_title)
    return Frame(
        issuer=issuer_lines(decision.issuer.name),
        reference=decision.reference,
        place=place_of(decision.issuer.name),
        doc_type="Quyết định",
        summary=decision.title,
        issued_on=decision.issued_on,
        signer_authority=authority,
        signer_title=title,
        signer_name=decision.signer_name,
        recipients=RECIPIENTS,
    )


def sentence(text: str) -> str:
    """Free text as one sentence ending in a full stop (the reason of a revocation)."""
    text = " ".join(text.split())
    return text if not text or text.endswith((".", "!", "?")) else f"{text}."


def decision_awards(decision: Decision) -> list[Award]:
    """The awards the decision makes (a revocation: those it revokes), in the register's order."""
    awards = decision.revoked_awards if decision.kind == Decision.Kind.REVOCATION else decision.awards
    return list(awards.select_related("official", "decision").order_by("certificate_number", "pk"))


def _meetings(awards: list[Award]) -> list:
    """The closed council meetings that voted on the awarded nominees (the proposal the decision rests on)."""
    votes = CouncilVote.objects.filter(
        nominee__in=[a.nominee_id for a in awards if a.nominee_id], meeting__status="closed"
    ).select_related("meeting")
    return sorted({vote.meeting.held_on for vote in votes})


def _rule(decision: Decision, key: str, default):
    try:
        return rule_value(key, decision.rules[key])
    except (KeyError, RuleValueInvalid):
        return default


def _coefficient(value) -> str:
    return vn_number(Decimal(value).normalize())


def money_lines(decision: Decision, awards: list[Award]) -> list[str]:
    """Điều 2's lines: each kind of recipient's coefficient × base salary and amount (from the awards made)."""
    form = decision.award_form
    base = _rule(decision, "money.base_salary", None)
    factor = _rule(decision, "money.collective_factor", 2)
    amounts = Counter((a.beneficiary, a.money or 0) for a in awards)
    lines = []
    for (beneficiary, money), count in sorted(amounts.items()):
        who = "tập thể" if beneficiary == Award.Beneficiary.COLLECTIVE else "cá nhân"
        how = ""
        if form is not None and base is not None:
            coefficient = form.coefficient * (factor if beneficiary == Award.Beneficiary.COLLECTIVE else 1)
            how = f" bằng {_coefficient(coefficient)} lần mức lương cơ sở ({vn_number(base)} đồng)"
        lines.append(f"Mỗi {who} ({count} {who}) được thưởng{how}, làm tròn là {vn_number(money)} đồng.")
    return lines


def decision_context(decision: Decision) -> dict:
    awards = decision_awards(decision)
    revocation = decision.kind == Decision.Kind.REVOCATION
    total = sum(a.money or 0 for a in awards)
    revoked_from = sorted({(a.decision.issued_on, a.decision.reference) for a in awards if a.decision_id})
    form_name = decision.award_form.name if decision.award_form else (awards[0].title if awards else "Giấy khen")
    return {
        "frame": decision_frame(decision),
        "decision": decision,
        "revocation": revocation,
        "authority": authority_line(decision),
        "authority_words": f"Chủ tịch {decision.issuer.name}",
        "campaign_title": campaign_phrase(decision.campaign.title) if decision.campaign else "",
        "reason": sentence(decision.reason),
        "bases": list(decision.legal_bases),
        "meetings": _meetings(awards) if not revocation else [],
        "awards": awards,
        "collectives": sum(1 for a in awards if a.beneficiary == Award.Beneficiary.COLLECTIVE),
        "individuals": sum(1 for a in awards if a.beneficiary == Award.Beneficiary.INDIVIDUAL),
        "form_name": form_name,
        "money_lines": money_lines(decision, awards) if not revocation else [],
        "total": total,
        "total_words": money_words(total),
        "fund": FUND,
        "executors": EXECUTORS,
        "revoked_from": [f"Quyết định số {ref} ngày {day:%d/%m/%Y}" for day, ref in revoked_from],
        "signer_title_caps": decision.signer_title.upper(),
    }


def decision_verify(decision: Decision) -> dict:
    awards = decision_awards(decision)
    revoked = decision.kind == Decision.Kind.AWARD and bool(awards) and all(a.revoked_by_id for a in awards)
    facts = {
        "Quyết định": f"Số {decision.reference} ngày {decision.issued_on:%d/%m/%Y}",
        "Trích yếu": decision.title,
        "Người ký": f"{decision.signer_title} {decision.signer_name}",
    }
    if decision.award_form is not None:
        facts["Hình thức"] = decision.award_form.name
    label = "Số tập thể, cá nhân bị thu hồi" if decision.kind == Decision.Kind.REVOCATION else "Số tập thể, cá nhân"
    facts[label] = str(len(awards))
    return {**facts, "revoked": revoked}


document_kind_register(
    DocumentKind(
        key=KIND,
        template="awards/documents/decision.html",
        find=decision_find,
        context=decision_context,
        can_view=can_read_decision,
        version=lambda decision: 1,
        filename=lambda decision: f"quyet-dinh-{decision.number}-{decision.year}.pdf",
        frozen=lambda decision: True,
        verify=decision_verify,
        signed=True,
    )
)
