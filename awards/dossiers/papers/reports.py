"""The achievement reports as documents: Mẫu 02 for a collective (awards.collective_report), Mẫu 03 for an
individual (awards.individual_report), from AchievementReport. Their data sections are those the report page
shows: frozen at the unit head's confirmation, live before it. Not numbered documents: the header is the unit
and the Quốc hiệu with place and date, the title "BÁO CÁO THÀNH TÍCH" and the award proposed.

Mẫu 03's short CV holds personal data (DOMAIN.md §7): the PDF is read by whoever may read the report page (the
nominee, their unit head, the ward-wide roles), never anyone else.
"""

from awards.dossiers.models import AchievementReport, Nominee
from awards.dossiers.papers.common import day_of, frozen, signer, ward_name
from awards.dossiers.permissions import can_view_nominee
from awards.dossiers.prefill import report_prefill
from core.dates import date_written
from documents.frame import Frame
from documents.models import Document
from documents.registry import DocumentKind, document_kind_register, version_of
from emulation.plan.document import place_of
from units.privacy import Action, personal_data_seen

COLLECTIVE, INDIVIDUAL = "awards.collective_report", "awards.individual_report"


def report_kind(nominee: Nominee) -> str:
    return COLLECTIVE if nominee.kind == Nominee.Kind.COLLECTIVE else INDIVIDUAL


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def report_data(report: AchievementReport) -> dict:
    """What the report says, as plain values (its hash is the document's version)."""
    nominee = report.nominee
    dossier = nominee.dossier
    individual = nominee.kind == Nominee.Kind.INDIVIDUAL
    data = report.prefilled if report.is_confirmed else report_prefill(nominee)
    official = nominee.official
    cv = None
    if individual:
        cv = [
            ("Họ và tên", nominee.name),
            ("Sinh ngày, tháng, năm", f"{official.birth_date:%d/%m/%Y}" if official.birth_date else ""),
            ("Giới tính", official.get_sex_display()),
            ("Dân tộc", report.ethnicity),
            ("Quê quán", report.hometown),
            ("Nơi thường trú", report.residence),
            ("Cơ quan, đơn vị công tác", nominee.unit_name),
            ("Chức vụ", nominee.position),
            ("Trình độ chuyên môn, lý luận chính trị", report.qualifications),
        ]
    ward = ward_name()
    day = day_of(report.confirmed_at)
    return {
        "individual": individual,
        "ward": ward,
        "unit": dossier.unit.name,
        "place_date": f"{place_of(ward)}, {date_written(day, year=dossier.campaign.year)}",
        "issued_on": day,
        "year": dossier.campaign.year,
        "proposal": f"Đề nghị tặng {dossier.award_form.name}",
        "name": nominee.name,
        "cv": cv,
        "situation": _paragraphs(report.situation),
        "duties": _paragraphs(report.duties),
        "achievements": _paragraphs(report.achievements),
        "measures": _paragraphs(report.measures),
        "scores": data.get("scores"),
        "initiatives": data.get("initiatives") or [],
        "awards": data.get("awards") or [],
        "head": signer(dossier.unit),
        "confirmed": report.is_confirmed,
    }


def report_context(report: AchievementReport) -> dict:
    data = report_data(report)
    frame = Frame(
        superior=data["ward"],
        issuer=data["unit"],
        reference="",
        place=place_of(data["ward"]),
        doc_type="Báo cáo thành tích",
        summary=data["proposal"],
        issued_on=data["issued_on"],
        year=data["year"],
    )
    return {"frame": frame, "report_doc": data}


def _finder(kind: str):
    def find(pk: int) -> AchievementReport | None:
        report = (
            AchievementReport.objects.select_related(
                "nominee__dossier__campaign",
                "nominee__dossier__unit",
                "nominee__dossier__award_form",
                "nominee__official",
                "nominee__unit",
            )
            .filter(pk=pk)
            .first()
        )
        return report if report is not None and report_kind(report.nominee) == kind else None

    return find


def report_documents(nominees: list[Nominee]) -> list[dict]:
    """Each nominee's latest report document (or None), read in one query: the dossier page's downloads."""
    reports = {n.report.pk: n for n in nominees if getattr(n, "report", None) is not None}
    latest: dict[int, Document] = {}
    documents = Document.objects.filter(kind__in=(COLLECTIVE, INDIVIDUAL), record_id__in=list(reports))
    for document in documents.order_by("record_id", "-created_at", "-pk"):
        if document.kind == report_kind(reports[document.record_id]):
            latest.setdefault(document.record_id, document)
    return [{"name": n.name, "nominee_pk": n.pk, "document": latest.get(pk)} for pk, n in reports.items()]


def _filename(report: AchievementReport) -> str:
    form = "mau-02" if report.nominee.kind == Nominee.Kind.COLLECTIVE else "mau-03"
    return f"bao-cao-thanh-tich-{form}-{report.nominee_id}.pdf"


def _individual_downloaded(user, report: AchievementReport) -> None:
    """Mẫu 03 prints the nominee's short CV (birth date, ethnicity, hometown, residence): log who took a copy."""
    dossier = report.nominee.dossier
    page = f"Báo cáo thành tích Mẫu 03 (PDF), đề nghị {dossier.award_form.name} năm {dossier.campaign.year}"
    personal_data_seen(viewer=user, officials=[report.nominee.official], action=Action.REPORT_PDF, page=page)


for _key, _template in ((COLLECTIVE, "report_collective"), (INDIVIDUAL, "report_individual")):
    document_kind_register(
        DocumentKind(
            key=_key,
            template=f"awards/documents/{_template}.html",
            find=_finder(_key),
            context=report_context,
            can_view=lambda user, report: can_view_nominee(user, report.nominee),
            version=lambda report: version_of(report_data(report)),
            filename=_filename,
            model=AchievementReport,
            frozen=lambda report: frozen(report.nominee.dossier),
            on_download=_individual_downloaded if _key == INDIVIDUAL else None,
        )
    )
