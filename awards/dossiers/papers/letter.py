"""The unit's tờ trình to the ward chairman (awards.dossier_letter) and its nominee list: what it says, drawn from
the dossier (its unit, award form and campaign, the unit council's minutes, each nominee and their vote). The
printable page (awards:dossier-letter) and the PDF read the same `letter_data`, so they say the same.

The unit writes as a body under the ward (Decree 30: the superior's name above the issuer's), numbers its
letter "…/TTr-<unit code>" until it has a number, and dates it the day it sent the dossier.
"""

from awards.dossiers.models import Dossier, Nominee
from awards.dossiers.papers.common import (
    count_words,
    day_of,
    file_code,
    frozen,
    legal_grounds,
    position_unit,
    rules_of,
    signer,
    summary_of,
    unit_vote,
    ward_name,
    ward_short,
)
from awards.dossiers.permissions import can_view_dossier
from core.dates import date_written
from documents.frame import Frame
from documents.registry import DocumentKind, document_kind_register, version_of
from emulation.plan.document import place_of

KIND = "awards.dossier_letter"
COUNCIL = "Hội đồng Thi đua – Khen thưởng"


def proposed_rows(dossier: Dossier, minutes, share) -> list[dict]:
    """The list's rows: every nominee the unit council did not vote down, collectives first, in the dossier's
    order; each with its vote (None before the minutes are written)."""
    rows = []
    nominees = sorted(dossier.nominees.all(), key=lambda n: (n.kind != Nominee.Kind.COLLECTIVE, n.order, n.pk))
    for nominee in nominees:
        vote = unit_vote(nominee, minutes, share)
        if vote is not None and not vote["passed"]:
            continue
        rows.append(
            {
                "kind": nominee.kind,
                "name": nominee.name,
                "position_unit": position_unit(nominee),
                "form": dossier.award_form.name,
                "summary": summary_of(nominee),
                "vote": vote,
            }
        )
    return rows


def minutes_sentence(unit_name: str, minutes, rows: list[dict]) -> str:
    """ "Căn cứ Biên bản họp … ngày 10/11/2026 (có mặt 6/7 thành viên, bỏ phiếu kín; mỗi tập thể, cá nhân được
    đề nghị đạt từ 6/7 phiếu đồng ý, 85,71% tổng số thành viên, trở lên)," """
    if minutes is None:
        return ""
    ballot = "bỏ phiếu kín" if minutes.secret_ballot else "biểu quyết công khai"
    text = (
        f"Căn cứ Biên bản họp {COUNCIL} {unit_name} ngày {minutes.held_on:%d/%m/%Y} "
        f"(có mặt {minutes.members_present}/{minutes.members_total} thành viên, {ballot}"
    )
    votes = [row["vote"] for row in rows if row["vote"] is not None]
    if votes:
        least = min(votes, key=lambda vote: vote["yes"])
        text += (
            f"; mỗi tập thể, cá nhân được đề nghị đạt từ {least['yes']}/{least['total']} phiếu đồng ý "
            f"({least['ratio']} tổng số thành viên Hội đồng) trở lên"
        )
    return text + "),"


def letter_data(dossier: Dossier) -> dict:
    """Everything the unit's tờ trình and its list say, as plain values (its hash is the document's version)."""
    ward = ward_name()
    unit = dossier.unit
    minutes = getattr(dossier, "minutes", None)
    rules = rules_of(dossier)
    rows = proposed_rows(dossier, minutes, rules["unit_council.pass"])
    collectives = sum(1 for row in rows if row["kind"] == Nominee.Kind.COLLECTIVE)
    individuals = len(rows) - collectives
    form = dossier.award_form
    chairman = f"Chủ tịch Ủy ban nhân dân {ward_short(ward)}"
    upward = "trình Chủ tịch Ủy ban nhân dân tỉnh " if form.level == form.Level.PROVINCE else ""
    period = f"từ ngày {dossier.period_start:%d/%m/%Y} đến ngày {dossier.period_end:%d/%m/%Y}"
    issued_on = day_of(dossier.submitted_at) if dossier.letter_number else None
    return {
        "ward": ward,
        "unit": unit.name,
        "unit_code": unit.code,
        "reference": dossier.letter_number or f"…/TTr-{unit.code}",
        "issued_on": issued_on,
        "year": dossier.campaign.year,
        "place_date": f"{place_of(ward)}, {date_written(issued_on, year=dossier.campaign.year)}",
        "award_form": form.name,
        "subject": f"Về việc đề nghị tặng {form.name}",
        "addressee": chairman,
        "grounds": legal_grounds(dossier, rules),
        "minutes": minutes_sentence(unit.name, minutes, rows),
        "minutes_date": f"{minutes.held_on:%d/%m/%Y}" if minutes else "",
        "proposal": (
            f"{unit.name} kính trình {chairman} xem xét, {upward}tặng {form.name} cho "
            f"{count_words(collectives, individuals)} đã có thành tích xuất sắc trong phong trào thi đua "
            f"“{dossier.campaign.title}” (thành tích {period})."
        ),
        "attached": "(Có danh sách và báo cáo thành tích kèm theo)",
        "request": "Kính đề nghị Chủ tịch Ủy ban nhân dân phường xem xét, quyết định./.",
        "recipients": ["Như trên;", "Phòng Văn hóa – Xã hội (Thường trực Hội đồng TĐKT phường);", "Lưu: VT."],
        "signer": signer(unit),
        "rows": rows,
        "collectives": collectives,
        "individuals": individuals,
    }


def letter_frame(data: dict, *, issuer: str, superior: str = "") -> Frame:
    """A tờ trình's frame from its data (letter_data here, province_data for the province): its issuer (under its
    superior, for a unit), number, place and date, subject, signer and recipients."""
    return Frame(
        superior=superior,
        issuer=issuer,
        reference=data["reference"],
        place=place_of(data["ward"]),
        doc_type="Tờ trình",
        summary=data["subject"],
        issued_on=data["issued_on"],
        year=data["year"],
        signer_title=data["signer"]["title"],
        signer_name=data["signer"]["name"],
        recipients=data["recipients"],
    )


def letter_context(dossier: Dossier) -> dict:
    data = letter_data(dossier)
    frame = letter_frame(data, superior=data["ward"], issuer=data["unit"])
    return {"frame": frame, "letter": data, "dossier": dossier}


def find_dossier(pk: int) -> Dossier | None:
    """A dossier with what its documents read (nominees with their reports, the minutes)."""
    return (
        Dossier.objects.select_related("campaign__issuing_unit", "unit", "award_form", "minutes")
        .prefetch_related("nominees__report", "campaign__legal_bases")
        .filter(pk=pk)
        .first()
    )


def filename_of(prefix: str, dossier: Dossier) -> str:
    return f"{prefix}-{file_code(dossier.unit)}-{dossier.pk}.pdf"


document_kind_register(
    DocumentKind(
        key=KIND,
        template="awards/documents/dossier_letter.html",
        find=find_dossier,
        context=letter_context,
        can_view=lambda user, dossier: can_view_dossier(user, dossier),
        version=lambda dossier: version_of(letter_data(dossier)),
        filename=lambda dossier: filename_of("to-trinh", dossier),
        model=Dossier,
        frozen=frozen,
    )
)
