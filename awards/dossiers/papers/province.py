"""The ward's tờ trình to the provincial chairman for a Bằng khen (awards.province_letter): the ward chairman
proposes, through the provincial Sở Nội vụ, the nominees the unit council and the ward council passed, with the
list attached. Decree 152 Art. 33.12 wants it editable too: docx.py writes the same `province_data` as Word.

Only a dossier whose award form is of the province's level (AwardForm.Level.PROVINCE: the Bằng khen of the
provincial chairman) has one; for any other the record is not found (404)."""

from django.conf import settings

from awards.dossiers.models import Dossier, Nominee
from awards.dossiers.papers.common import (
    count_words,
    file_code,
    frozen,
    head_of,
    legal_grounds,
    rules_of,
    ward_name,
    ward_short,
)
from awards.dossiers.papers.letter import COUNCIL, find_dossier, letter_frame, proposed_rows
from awards.dossiers.permissions import can_view_dossier
from core.dates import date_written
from documents.registry import DocumentKind, document_kind_register, version_of
from emulation.plan.document import issuer_lines, place_of
from units.selectors import ward_root

KIND = "awards.province_letter"
PROVINCE_DEFAULT = "tỉnh Lâm Đồng"


def province_name() -> str:
    return getattr(settings, "AWARDS_PROVINCE", PROVINCE_DEFAULT)


def is_province_form(dossier: Dossier | None) -> bool:
    return dossier is not None and dossier.award_form.level == dossier.award_form.Level.PROVINCE


def _ward_rows(dossier: Dossier, share) -> list[dict]:
    """The unit's list less those the ward council or the chairman turned down."""
    refused = {
        n.name for n in dossier.nominees.all() if n.council_passed is False or n.approval == Nominee.Approval.REJECTED
    }
    return [
        row for row in proposed_rows(dossier, getattr(dossier, "minutes", None), share) if row["name"] not in refused
    ]


def province_data(dossier: Dossier) -> dict:
    ward = ward_name()
    province = province_name()
    rules = rules_of(dossier)
    rows = _ward_rows(dossier, rules["unit_council.pass"])
    collectives = sum(1 for row in rows if row["kind"] == Nominee.Kind.COLLECTIVE)
    form = dossier.award_form.name
    chairman = ward_root()
    head = head_of(chairman) if chairman is not None else None
    letter = f" tại Tờ trình số {dossier.letter_number}" if dossier.letter_number else ""
    period = f"từ ngày {dossier.period_start:%d/%m/%Y} đến ngày {dossier.period_end:%d/%m/%Y}"
    issued_on = None  # numbered and dated by the ward office when the chairman signs
    return {
        "ward": ward,
        "issuer": issuer_lines(ward),
        "reference": "…/TTr-UBND",
        "place_date": f"{place_of(ward)}, {date_written(issued_on, year=dossier.campaign.year)}",
        "issued_on": issued_on,
        "year": dossier.campaign.year,
        "subject": f"Về việc đề nghị tặng {form}",
        "award_form": form,
        "addressee": f"Chủ tịch Ủy ban nhân dân {province}",
        "through": "(qua Sở Nội vụ)",
        "grounds": legal_grounds(dossier, rules),
        "basis": f"Xét đề nghị của {dossier.unit.name}{letter} và kết quả xét của {COUNCIL} {ward_short(ward)},",
        "proposal": (
            f"Chủ tịch Ủy ban nhân dân {ward_short(ward)} kính trình Chủ tịch Ủy ban nhân dân {province} xem xét, "
            f"tặng {form} cho {count_words(collectives, len(rows) - collectives)} đã có thành tích xuất sắc "
            f"trong phong trào thi đua “{dossier.campaign.title}” (thành tích {period})."
        ),
        "attached": "(Có danh sách và hồ sơ kèm theo)",
        "request": f"Kính đề nghị Chủ tịch Ủy ban nhân dân {province} xem xét, quyết định./.",
        "recipients": ["Như trên;", f"Sở Nội vụ {province};", f"{dossier.unit.name};", "Lưu: VT, VHXH."],
        "signer": {"title": "Chủ tịch", "name": head.full_name if head else dossier.campaign.signer_name},
        "rows": rows,
    }


def province_context(dossier: Dossier) -> dict:
    data = province_data(dossier)
    return {"frame": letter_frame(data, issuer=data["issuer"]), "letter": data}


def find_province_dossier(pk: int) -> Dossier | None:
    dossier = find_dossier(pk)
    return dossier if is_province_form(dossier) else None


document_kind_register(
    DocumentKind(
        key=KIND,
        template="awards/documents/province_letter.html",
        find=find_province_dossier,
        context=province_context,
        can_view=lambda user, dossier: is_province_form(dossier) and can_view_dossier(user, dossier),
        version=lambda dossier: version_of(province_data(dossier)),
        filename=lambda dossier: f"to-trinh-tinh-{file_code(dossier.unit)}-{dossier.pk}.pdf",
        model=Dossier,
        frozen=frozen,
    )
)
