"""The unit council's biên bản (awards.unit_minutes) from UnitMinutes: when and where, who was there of how many
(the absent with their reason), the agenda, each nominee's yes votes and their share of ALL members (the
approval ratio the law asks the minutes to write), passed or not, the conclusion; the secretary's and the
chair's signatures side by side."""

from fractions import Fraction

from awards.dossiers.models import Nominee, UnitMinutes
from awards.dossiers.papers.common import count_words, file_code, frozen, rules_of, unit_vote, ward_name
from awards.dossiers.papers.letter import COUNCIL
from awards.dossiers.permissions import can_view_dossier
from documents.frame import Frame
from documents.registry import DocumentKind, document_kind_register, version_of
from emulation.plan.document import place_of

KIND = "awards.unit_minutes"


def share_words(share: Fraction) -> str:
    """1/2 → "50%", 2/3 → "2/3" (the rule as it is written)."""
    if (100 * share).denominator == 1:
        return f"{100 * share.numerator // share.denominator}%"
    return f"{share.numerator}/{share.denominator}"


def minutes_data(minutes: UnitMinutes) -> dict:
    dossier = minutes.dossier
    rules = rules_of(dossier)
    share, quorum = rules["unit_council.pass"], rules["unit_council.quorum"]
    nominees = sorted(dossier.nominees.all(), key=lambda n: (n.kind != Nominee.Kind.COLLECTIVE, n.order, n.pk))
    rows = [{"name": n.name, "kind": n.kind, "vote": unit_vote(n, minutes, share)} for n in nominees]
    passed = [row for row in rows if row["vote"] and row["vote"]["passed"]]
    collectives = sum(1 for row in passed if row["kind"] == Nominee.Kind.COLLECTIVE)
    absent = minutes.members_total - minutes.members_present
    quorum_met = Fraction(minutes.members_present, minutes.members_total) >= quorum
    form = dossier.award_form.name
    return {
        "ward": ward_name(),
        "unit": dossier.unit.name,
        "unit_code": dossier.unit.code,
        "held_on": minutes.held_on,
        "summary": f"Họp {COUNCIL} {dossier.unit.name} xét đề nghị tặng {form}",
        "time_place": f"Ngày {minutes.held_on:%d/%m/%Y}, tại {minutes.place}.",
        "members": (
            f"Tổng số thành viên Hội đồng: {minutes.members_total}; có mặt: {minutes.members_present}; "
            f"vắng mặt: {absent}."
        ),
        "absent_note": minutes.absent_note.strip(),
        "quorum": (
            f"Số thành viên có mặt {'bảo đảm' if quorum_met else 'không bảo đảm'} tỷ lệ tối thiểu "
            f"{share_words(quorum)} tổng số thành viên theo quy định."
        ),
        "chair": minutes.chair_name,
        "secretary": minutes.secretary_name,
        "agenda": (
            f"Xét, đề nghị tặng {form} cho các tập thể, cá nhân có thành tích trong phong trào thi đua "
            f"“{dossier.campaign.title}” (thành tích từ ngày {dossier.period_start:%d/%m/%Y} đến ngày "
            f"{dossier.period_end:%d/%m/%Y})."
        ),
        "ballot": (
            f"Hình thức biểu quyết: {'bỏ phiếu kín' if minutes.secret_ballot else 'biểu quyết công khai'}. "
            f"Tập thể, cá nhân được đề nghị khi có số phiếu đồng ý trên {share_words(share)} tổng số thành viên "
            "Hội đồng (kể cả thành viên vắng mặt)."
        ),
        "rows": rows,
        "conclusion": (
            f"Hội đồng thống nhất đề nghị tặng {form} cho {count_words(collectives, len(passed) - collectives)} "
            "có tỷ lệ phiếu đồng ý đạt yêu cầu theo danh sách trên."
            if passed
            else "Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định."
        ),
        "closing": "Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và thống nhất./.",
    }


def minutes_context(minutes: UnitMinutes) -> dict:
    data = minutes_data(minutes)
    frame = Frame(
        superior=data["ward"],
        issuer=data["unit"],
        reference=f"…/BB-{data['unit_code']}",
        place=place_of(data["ward"]),
        doc_type="Biên bản",
        summary=data["summary"],
        issued_on=data["held_on"],
    )
    return {"frame": frame, "minutes_doc": data}


def find_minutes(pk: int) -> UnitMinutes | None:
    return (
        UnitMinutes.objects.select_related("dossier__campaign", "dossier__unit", "dossier__award_form")
        .prefetch_related("dossier__nominees")
        .filter(pk=pk)
        .first()
    )


document_kind_register(
    DocumentKind(
        key=KIND,
        template="awards/documents/unit_minutes.html",
        find=find_minutes,
        context=minutes_context,
        can_view=lambda user, minutes: can_view_dossier(user, minutes.dossier),
        version=lambda minutes: version_of(minutes_data(minutes)),
        filename=lambda minutes: f"bien-ban-{file_code(minutes.dossier.unit)}-{minutes.dossier_id}.pdf",
        model=UnitMinutes,
        frozen=lambda minutes: frozen(minutes.dossier),
    )
)
