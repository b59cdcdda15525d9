"""Each award's GIẤY KHEN ("awards.certificate"): A4 landscape, its own design (a double border, red and dark-gold
headings, no image fetched), the recipient, the achievement, the decision and the register number, the signer,
and the QR code of its public verification page. Issued with its decision, it never changes (frozen), and its
public page says when a later decision revoked it. The merged prints ("awards.decision_certificates", and its
twin on the ward's pre-printed blank) join every certificate of a decision, one page each, in the register's
order."""

from collections.abc import Callable

from awards.decisions.models import Decision
from awards.decisions.papers.decision import (
    can_read_decision,
    decision_find,
    signer_lines,
)
from awards.history.models import Award
from awards.history.permissions import can_view_official_awards, can_view_unit_awards
from core.dates import date_written
from documents.registry import DocumentKind, document_kind_register
from emulation.plan.document import campaign_phrase, place_of
from units.models import Official

KIND = "awards.certificate"
MERGED = "awards.decision_certificates"
BLANK = "awards.certificate_blank"
HONORIFIC = {Official.Sex.MALE: "Ông", Official.Sex.FEMALE: "Bà"}


def certificate_find(pk: int) -> Award | None:
    """An award made by a decision on the portal (an award entered from paper has no certificate here)."""
    return (
        Award.objects.select_related("official", "unit", "decision__issuer", "decision__campaign", "revoked_by")
        .filter(pk=pk, decision__isnull=False, decision__kind=Decision.Kind.AWARD)
        .first()
    )


def can_view_certificate(user, award: Award) -> bool:
    """The awardee, their unit's head, the ward-wide roles (an award's own readers: awards.history)."""
    if award.beneficiary == Award.Beneficiary.COLLECTIVE:
        return bool(can_view_unit_awards(user, award.unit))
    return bool(can_view_official_awards(user, award.official))


def decision_line(award: Award) -> str:
    """ "Quyết định số 12/QĐ-UBND ngày 25/11/2026" """
    return f"Quyết định số {award.decision_number} ngày {award.decision_date:%d/%m/%Y}"


def achievement_text(award: Award) -> str:
    decision = award.decision
    if decision.campaign is not None:
        return f"Đã có thành tích xuất sắc trong {campaign_phrase(decision.campaign.title)}."
    if award.period_start and award.period_end:
        return (
            f"Đã có thành tích xuất sắc trong thực hiện nhiệm vụ từ ngày {award.period_start:%d/%m/%Y} "
            f"đến ngày {award.period_end:%d/%m/%Y}."
        )
    return "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ."


def position_text(award: Award) -> str:
    """The recipient's position and unit as printed under the name ("" for a collective named by its unit)."""
    if award.beneficiary == Award.Beneficiary.COLLECTIVE:
        return award.unit_name if award.unit_name and award.unit_name != award.name else ""
    return ", ".join(part for part in (award.position, award.unit_name) if part)


def certificate_fields(award: Award) -> dict:
    """The variable text of a certificate, the same on plain paper and on the pre-printed blank."""
    decision = award.decision
    authority, title = signer_lines(decision.signer_title)
    honorific = HONORIFIC.get(award.official.sex, "") if award.official_id else ""
    return {
        "honorific": honorific,
        "recipient": award.name,
        "position": position_text(award),
        "achievement": achievement_text(award),
        "decision": decision_line(award),
        "register": f"Số sổ: {award.certificate_number}" if award.certificate_number else "",
        "date_line": f"{place_of(decision.issuer.name)}, {date_written(award.decision_date)}",
        "signer_authority": authority,
        "signer_title": title,
        "signer": decision.signer_name,
    }


def certificate_context(award: Award) -> dict:
    decision = award.decision
    return {
        "award": award,
        "fields": certificate_fields(award),
        "authority": f"Chủ tịch {decision.issuer.name}".upper(),
        "collective": award.beneficiary == Award.Beneficiary.COLLECTIVE,
    }


def certificate_verify(award: Award) -> dict:
    facts = {
        "Người/tập thể được khen": award.name,
        "Hình thức": award.title,
        "Quyết định": f"{award.decision_number} ngày {award.decision_date:%d/%m/%Y}",
    }
    if award.certificate_number:
        facts["Số sổ"] = str(award.certificate_number)
    if award.revoked_by_id:
        facts["Thu hồi"] = f"Quyết định số {award.revoked_by.reference} ngày {award.revoked_by.issued_on:%d/%m/%Y}"
    return {**facts, "revoked": award.is_revoked}


def certificates_of(decision: Decision) -> list[Award]:
    """The certificates to print of a decision: its awards in force, in the register's order."""
    awards = decision.awards.filter(revoked_by__isnull=True).order_by("certificate_number", "pk")
    return list(awards.select_related("official", "unit", "decision__issuer", "decision__campaign"))


def merged_certificates(
    *, key: str, parts_kind: str, template: str, filename: Callable[[Decision], str], **more
) -> DocumentKind:
    """A decision's certificates in one print ("In tất cả giấy khen"): the `parts_kind` document of each award in
    force, one page each in the register's order, downloaded by the decision's readers."""
    return DocumentKind(
        key=key,
        template=template,
        find=decision_find,
        context=lambda decision: {},
        can_view=can_read_decision,
        filename=filename,
        parts=certificates_of,
        parts_kind=parts_kind,
        **more,
    )


def _filename(award: Award) -> str:
    return f"giay-khen-{award.decision_date:%Y}-{award.certificate_number or award.pk}.pdf"


document_kind_register(
    DocumentKind(
        key=KIND,
        template="awards/documents/certificate.html",
        find=certificate_find,
        context=certificate_context,
        can_view=can_view_certificate,
        version=lambda award: 1,
        filename=_filename,
        frozen=lambda award: True,
        verify=certificate_verify,
        signed=True,
    )
)

document_kind_register(
    merged_certificates(
        key=MERGED,
        parts_kind=KIND,
        template="awards/documents/certificate.html",
        filename=lambda decision: f"giay-khen-qd-{decision.number}-{decision.year}.pdf",
        version=lambda decision: 1,
        frozen=lambda decision: True,
    )
)
