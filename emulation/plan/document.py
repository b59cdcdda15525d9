"""The campaign plan as an official document (a PDF in the Decree 30 format), registered with documents.

The template (emulation/documents/plan.html) lays the plan out section by section from the database, as the ward
issued it: the legal bases, I. purposes and requirements, II. contents, III. criteria (their indicators, targets
and points in the appendix) and the sections other apps own (the award forms), IV. progress, V. assignments.
"""

import re

from documents.frame import Frame
from documents.registry import DocumentKind, document_kind_register
from emulation.plan.models import Campaign
from emulation.plan.sections import plan_sections
from emulation.plan.selectors import campaign_page

KIND = "emulation.plan"
_BODY = re.compile(r"^(Ủy ban nhân dân|UBND)\s+", re.IGNORECASE)
_LEVEL = re.compile(r"^(phường|xã|thị trấn|đặc khu|tỉnh|thành phố)\s+", re.IGNORECASE)


def issuer_lines(name: str) -> str:
    """ "Ủy ban nhân dân phường Nam Gia Nghĩa" → "Ủy ban nhân dân\\nphường Nam Gia Nghĩa", as the header writes it."""
    match = _BODY.match(name)
    return f"Ủy ban nhân dân\n{name[match.end() :]}" if match else name


def place_of(name: str) -> str:
    """The place written before the date: the locality of the issuing body ("Nam Gia Nghĩa")."""
    return _LEVEL.sub("", _BODY.sub("", name)) or name


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def campaign_phrase(title: str) -> str:
    """A campaign's title as the phrase after "thành tích trong": "Phát động phong trào thi đua “…” năm 2026" →
    "phong trào thi đua “…” năm 2026"."""
    title = " ".join(title.split())
    if title.lower().startswith("phát động "):
        title = title[len("phát động ") :]
    return lower_first(title)


def legal_basis_text(basis) -> str:
    """ "Kế hoạch số 2481/KH-UBND ngày 27/02/2026 của UBND tỉnh Lâm Đồng về việc phát động …" """
    issued = f" ngày {basis.issued_on:%d/%m/%Y}" if basis.issued_on else ""
    return f"{basis.doc_type} số {basis.number}{issued} của {basis.issuer} về việc {lower_first(basis.title)}"


def plan_context(campaign: Campaign) -> dict:
    issuer = campaign.issuing_unit.name
    frame = Frame(
        issuer=issuer_lines(issuer),
        reference=campaign.document_reference,
        place=place_of(issuer),
        doc_type="Kế hoạch",
        summary=campaign.title,
        issued_on=campaign.document_date,
        year=campaign.year,
        signer_authority=campaign.signer_authority,
        signer_title=campaign.signer_title,
        signer_name=campaign.signer_name,
        recipients=campaign.recipient_list,
    )
    bases = [legal_basis_text(basis) for basis in campaign.legal_bases.all()]
    return {
        "frame": frame,
        "campaign": campaign,
        "issuer_name": issuer,
        "bases": bases,
        "title_lower": lower_first(campaign.title),
        "plan_sections": plan_sections(),
    }


def _find(pk: int) -> Campaign | None:
    try:
        return campaign_page(pk=pk)
    except Campaign.DoesNotExist:
        return None


document_kind_register(
    DocumentKind(
        key=KIND,
        template="emulation/documents/plan.html",
        find=_find,
        context=plan_context,
        can_view=lambda user, campaign: user.has_perm("emulation.view_campaign_page", campaign),
        # Each save of the campaign is a row of its history (simple-history): their count is its version.
        version=lambda campaign: campaign.history.count(),
        filename=lambda campaign: f"ke-hoach-{campaign.code}.pdf",
    )
)
