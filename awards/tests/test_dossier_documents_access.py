"""The dossier's documents from the pages: asked for by POST, their state shown on the dossier page, downloaded by
whoever may see the dossier and by no one else (404); the ward's tờ trình to the province for a Bằng khen only,
as PDF and as an editable .docx (A4, the Decree 30 margins, Times New Roman 14, the text in order)."""

import io
import re
import shutil
import subprocess

import pytest
from django.urls import reverse

from awards.tests.conftest import build_dossier
from documents.models import Document
from documents.tests import pdf as p

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _ask(client, kind: str, record, next_url: str):
    return client.post(reverse("documents:document-ask", args=[kind, record.pk]), {"next": next_url})


@pytest.fixture
def built(campaign, giay_khen, alice, olga, hung):
    return build_dossier(campaign, giay_khen, alice, [olga.official, hung])


@pytest.fixture
def province(campaign, bang_khen, alice, olga, chris):
    return build_dossier(campaign, bang_khen, alice, [olga.official])[0]


@pytest.mark.parametrize("which", ["letter", "minutes", "report"])
def test_a_document_asked_on_the_dossier_page_shows_there_and_only_its_readers_download_it(
    client, built, alice, bob, sam, which, django_capture_on_commit_callbacks
):
    dossier, nominees = built
    kind, record = {
        "letter": ("awards.dossier_letter", dossier),
        "minutes": ("awards.unit_minutes", dossier.minutes),
        "report": ("awards.individual_report", nominees[1].report),
    }[which]
    page = reverse("awards:dossier-detail", args=[dossier.pk])
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        assert _ask(client, kind, record, page).status_code == 302
    document = Document.objects.get(kind=kind, record_id=record.pk)
    assert document.status == "ready", document.failure
    download = reverse("documents:document-download", args=[document.pk])
    assert download in client.get(page).content.decode()
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(sam)
    assert client.get(download).status_code == 200
    client.force_login(bob)  # another unit's head
    assert client.get(download).status_code == 404
    assert _ask(client, kind, record, page).status_code == 404


def test_a_changed_dossier_shows_its_letter_as_stale(client, built, alice, django_capture_on_commit_callbacks):
    dossier, nominees = built
    page = reverse("awards:dossier-detail", args=[dossier.pk])
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, "awards.dossier_letter", dossier, page)
    report = nominees[0].report
    report.achievements = "Thành tích mới của Phòng VP."
    report.save()
    assert "Bản cũ: hồ sơ đã thay đổi" in _text(client.get(page))


def test_the_report_page_offers_its_pdf_to_the_nominee(client, built, olga, django_capture_on_commit_callbacks):
    nominee = built[1][1]
    page = reverse("awards:report-edit", args=[nominee.pk])
    client.force_login(olga)
    assert "Tạo báo cáo thành tích (PDF)" in _text(client.get(page))
    with django_capture_on_commit_callbacks(execute=True):
        _ask(client, "awards.individual_report", nominee.report, page)
    document = Document.objects.get(kind="awards.individual_report", record_id=nominee.report.pk)
    assert reverse("documents:document-download", args=[document.pk]) in client.get(page).content.decode()
    assert client.get(reverse("documents:document-download", args=[document.pk])).status_code == 200


def test_the_province_letter_is_for_a_bang_khen_only(client, built, province, alice, bob):
    giay_khen_dossier = built[0]
    client.force_login(alice)
    assert client.get(reverse("awards:province-letter-docx", args=[giay_khen_dossier.pk])).status_code == 404
    assert _ask(client, "awards.province_letter", giay_khen_dossier, "/").status_code == 404
    assert "Tờ trình đề nghị tỉnh" not in _text(
        client.get(reverse("awards:dossier-detail", args=[giay_khen_dossier.pk]))
    )
    assert "Tờ trình đề nghị tỉnh (Word, sửa được)" in _text(
        client.get(reverse("awards:dossier-detail", args=[province.pk]))
    )
    client.force_login(bob)
    assert client.get(reverse("awards:province-letter-docx", args=[province.pk])).status_code == 404


def test_the_province_letter_pdf_proposes_to_the_provincial_chairman(province, chris):
    from awards.tests.test_dossier_documents import _pdf

    pdf = _pdf("awards.province_letter", province.pk)
    p.assert_in_order(
        p.text_of(pdf),
        [
            "ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
            "Số: …/TTr-UBND",
            "TỜ TRÌNH",
            "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
            "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng (qua Sở Nội vụ)",
            "Căn cứ Luật Thi đua, khen thưởng",
            "Xét đề nghị của Phòng VP",
            "kính trình Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng xem xét, tặng Bằng khen",
            "cho 1 tập thể và 1 cá nhân",
            "Kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng xem xét, quyết định./.",
            "- Sở Nội vụ tỉnh Lâm Đồng;",
            "CHỦ TỊCH",
            chris.official.full_name,
            "DANH SÁCH",
            "Olga Nguyễn",
        ],
    )
    p.assert_decree30_page(pdf, pages_at_least=2)


def test_the_province_letter_docx_holds_the_same_text_on_a4_in_times_new_roman(client, province, alice, tmp_path):
    from docx import Document as WordDocument
    from docx.shared import Pt

    client.force_login(alice)
    response = client.get(reverse("awards:province-letter-docx", args=[province.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert response["Content-Disposition"] == f'attachment; filename="to-trinh-tinh-vp-{province.pk}.docx"'
    word = WordDocument(io.BytesIO(response.content))
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(margin.mm, 1) for margin in margins] == [20, 20, 30, 15]
    normal = word.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size == Pt(14)
    header = word.tables[0]
    assert header.cell(0, 0).text == "ỦY BAN NHÂN DÂN\nPHƯỜNG NAM GIA NGHĨA"
    assert header.cell(0, 1).text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert header.cell(1, 0).text == "Số: …/TTr-UBND"
    assert 'w:val="nil"' in header._tbl.xml, "the header table has no borders"
    # Fixed widths (LibreOffice ignores a cell's width without them): the Quốc hiệu's 105 mm hold it on one line.
    assert not header.autofit and [round(column.width.mm) for column in header.columns] == [60, 105]
    assert [round(column.width.mm) for column in word.tables[-1].columns] == [12, 42, 38, 30, 43]
    runs = {run.font.name for paragraph in word.paragraphs for run in paragraph.runs if run.text.strip()}
    assert runs == {"Times New Roman"}
    body = " ".join(paragraph.text for paragraph in word.paragraphs)
    p.assert_in_order(
        body,
        [
            "TỜ TRÌNH",
            "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
            "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng",
            "Căn cứ Luật Thi đua, khen thưởng",
            "Xét đề nghị của Phòng VP",
            "Kính đề nghị Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng xem xét, quyết định./.",
            "DANH SÁCH",
        ],
    )
    listing = word.tables[-1]
    assert [cell.text for cell in listing.rows[0].cells][:2] == ["STT", "Họ và tên / Tập thể"]
    assert "w:tblHeader" in listing.rows[0]._tr.xml, "the list's header row repeats on each page"
    assert "Olga Nguyễn" in [cell.text for row in listing.rows for cell in row.cells]
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        return  # nothing to convert with: the structure above is what is checked
    path = tmp_path / "to-trinh.docx"
    path.write_bytes(response.content)
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)], check=True)
    assert "TỜ TRÌNH" in p.text_of((tmp_path / "to-trinh.pdf").read_bytes())
