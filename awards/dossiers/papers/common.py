"""What the dossier's documents share: the header's bodies, the legal grounds, the unit's head, who the unit
council passed, a version made of the data a document shows, and when a document stops being made again."""

import re
from datetime import date

from django.utils import timezone

from awards.catalogue.selectors import rules_read, rules_snapshot
from awards.catalogue.tally import passes
from awards.dossiers.models import Dossier, DossierStatus, Nominee
from core.numbers import percent, vn_number
from emulation.plan.document import legal_basis_text, lower_first
from units.models import Official
from units.selectors import ward_root

SUMMARY_MAX = 300
"""The characters of a nominee's achievements the list's "Thành tích tóm tắt" column shows."""
WARD_FALLBACK = "Ủy ban nhân dân phường"


def frozen(dossier: Dossier) -> bool:
    """Once the dossier has its decision, its documents are those it was decided on: never made again. Before,
    a dossier can be returned and edited, so its documents follow it."""
    return dossier.status == DossierStatus.DECIDED


def ward_name() -> str:
    ward = ward_root()
    return ward.name if ward is not None else WARD_FALLBACK


def ward_short(name: str) -> str:
    """ "Ủy ban nhân dân phường Nam Gia Nghĩa" → "phường Nam Gia Nghĩa" (after "Chủ tịch Ủy ban nhân dân")."""
    for prefix in ("Ủy ban nhân dân ", "UBND "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def rules_of(dossier: Dossier) -> dict:
    """The rules the dossier was sent under (its snapshot), or those in force today while it is a draft."""
    return rules_read(dossier.rules or rules_snapshot(timezone.localdate()))


def legal_grounds(dossier: Dossier, rules: dict) -> list[str]:
    """ "Căn cứ …" lines: the law, its decree, the campaign's legal bases and the ward's plan itself."""
    grounds = [f"Căn cứ {rules[key]}" for key in ("law.act", "law.decree") if rules.get(key)]
    campaign = dossier.campaign
    grounds += [f"Căn cứ {legal_basis_text(basis)}" for basis in campaign.legal_bases.all()]
    issuer = campaign.issuing_unit.name
    title = lower_first(campaign.title)
    if campaign.document_number:
        issued = f" ngày {campaign.document_date:%d/%m/%Y}" if campaign.document_date else ""
        grounds.append(f"Căn cứ Kế hoạch số {campaign.document_reference}{issued} của {issuer} về việc {title}")
    else:
        grounds.append(f"Căn cứ Kế hoạch của {issuer} về việc {title}")
    return grounds


def head_of(unit) -> Official | None:
    """The unit's head as the official records hold it (the signer of the unit's papers)."""
    return (
        Official.objects.filter(unit=unit, leadership=Official.Leadership.HEAD, is_active=True)
        .select_related("position")
        .first()
    )


def signer(unit) -> dict:
    head = head_of(unit)
    if head is None:
        return {"title": "Thủ trưởng đơn vị", "name": ""}
    return {"title": head.position.name, "name": head.full_name}


def unit_vote(nominee: Nominee, minutes, share) -> dict | None:
    """The unit council's vote on a nominee: yes, of all members, the ratio and whether it passes."""
    if minutes is None or nominee.unit_yes is None:
        return None
    total = minutes.members_total
    ratio = percent(nominee.unit_yes, total)
    return {
        "yes": nominee.unit_yes,
        "no": nominee.unit_no or 0,
        "total": total,
        "ratio": f"{vn_number(ratio)}%" if ratio is not None else "—",
        "passed": passes(yes=nominee.unit_yes, total=total, share=share),
    }


def summary_of(nominee: Nominee) -> str:
    """The first paragraph of the nominee's achievements, cut at a word under SUMMARY_MAX characters."""
    report = getattr(nominee, "report", None)
    text = " ".join(((report.achievements if report else "") or "").strip().split("\n")[0].split())
    if len(text) <= SUMMARY_MAX:
        return text
    return text[:SUMMARY_MAX].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def position_unit(nominee: Nominee) -> str:
    if nominee.kind == Nominee.Kind.COLLECTIVE:
        return f"Tập thể {nominee.unit_name}" if nominee.unit_name != nominee.name else "Tập thể"
    return ", ".join(part for part in (nominee.position, nominee.unit_name) if part)


def count_words(collectives: int, individuals: int) -> str:
    """ "1 tập thể và 2 cá nhân" """
    parts = [f"{collectives} tập thể" if collectives else "", f"{individuals} cá nhân" if individuals else ""]
    return " và ".join(part for part in parts if part) or "0 cá nhân"


def day_of(moment) -> date | None:
    return timezone.localdate(moment) if moment is not None else None


def file_code(unit) -> str:
    """The unit's code as a file name's ASCII part ("VP" → "vp")."""
    return re.sub(r"[^a-z0-9]+", "-", unit.code.lower()).strip("-") or "don-vi"
