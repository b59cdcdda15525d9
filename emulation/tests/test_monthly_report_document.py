"""A unit's monthly report as a Decree 30 PDF (emulation.monthly_report): its parts in order, every indicator's
figures, result, target, met flag and points, the month's and the year's standing, the evidence by name and the
secretariat's remarks; A4, Liberation Serif, inside the margins, numbered from page 2; a name typed decomposed
prints composed; made stale by a change of state; downloadable by its unit's head and the ward-wide roles only."""

import unicodedata

import pytest
from django.urls import reverse

from documents.build import document_pdf
from documents.registry import document_kind
from documents.services import document_request
from documents.tests import pdf as p
from emulation.reports import services
from emulation.scores.documents.monthly import KIND, report_for_document

HEAD = "Nguyễn Thị Ánh Tuyết"

PARTS = [
    "ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: …/BC-VP",
    "BÁO CÁO",
    "Kết quả thực hiện các chỉ tiêu thi đua cải cách hành chính tháng 10/2026",
    "Thực hiện Kế hoạch số …/KH-UBND của Ủy ban nhân dân phường Nam Gia Nghĩa",
    "báo cáo kết quả thực hiện các chỉ tiêu thi đua cải cách hành chính tháng 10/2026 như sau:",
    "1. Số liệu tiếp nhận, giải quyết hồ sơ thủ tục hành chính",
    "Tổng số hồ sơ tiếp nhận 120 (trực tuyến 80",
    "2. Kết quả thực hiện các chỉ tiêu",
    "Mã Chỉ tiêu Tử số / Mẫu số Kết quả Chỉ tiêu phấn đấu Đạt/ Không đạt Điểm",
    "1.1 Đổi mới",
    "Tự chấm 8,5 Thẩm định 9 điểm",
    "1.5c",
    "3. Điểm thi đua",
    "- Tháng 10/2026:",
    "- Lũy kế từ đầu năm đến tháng 10/2026:",
    "4. Minh chứng kèm theo",
    "- Chỉ tiêu 1.1: sang-kien.pdf.",
    "5. Ý kiến thẩm định của Phòng Văn hóa – Xã hội",
    "(đã chấp nhận): Số liệu khớp sổ theo dõi.",
    "Trên đây là báo cáo",
    "Nơi nhận:",
    "- UBND phường (Phòng VH-XH);",
    "- Lưu: VT.",
    "CHÁNH VĂN PHÒNG",
    HEAD,
]


@pytest.fixture
def accepted_vp(filled_vp, alice, sam, django_capture_on_commit_callbacks):
    official = alice.official
    official.full_name = unicodedata.normalize("NFD", HEAD)
    official.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_transition(report=filled_vp, action="submit", actor=alice)
        services.report_transition(
            report=filled_vp, action="accept", actor=sam, appraisals={"1.1": "9"}, reason="Số liệu khớp sổ theo dõi."
        )
    return report_for_document(filled_vp.pk)


@pytest.fixture
def report_pdf(accepted_vp) -> bytes:
    return document_pdf(kind=document_kind(KIND), record=accepted_vp)


def test_the_report_holds_its_parts_in_order(report_pdf):
    text = p.text_of(report_pdf)
    p.assert_in_order(text, PARTS)


def test_every_indicator_prints_its_figures_result_target_met_and_points(report_pdf, accepted_vp):
    from emulation.scores.models import IndicatorScore, UnitScore

    text = p.text_of(report_pdf)
    scores = {
        s.indicator.code: s
        for s in IndicatorScore.objects.filter(unit=accepted_vp.unit, period="2026-10").select_related("indicator")
    }
    assert len(scores) == accepted_vp.entries.count() > 10
    for entry in accepted_vp.entries.all():
        assert f"{entry.indicator.code} " in text, entry.indicator.code
    ratio = next(e for e in accepted_vp.entries.all() if e.indicator.code == "1.2a")
    assert f"{ratio.numerator} / {ratio.denominator} 90,00%" in text
    total = UnitScore.objects.get(unit=accepted_vp.unit, period="2026-10")
    assert f"điểm quy đổi {str(total.score).replace('.', ',')}%; xếp thứ {total.rank}/1 đơn vị" in text
    assert "90,00% ≥ 80% Đạt 5" in text, "1.2b: met, full points"
    assert "90,00% 100% Không đạt 4,5" in text, "1.2a: under target, points in proportion"


def test_the_report_is_a4_in_liberation_serif_inside_the_margins_numbered_from_page_two(report_pdf):
    p.assert_decree30_page(report_pdf, pages_at_least=2)


def test_a_name_typed_decomposed_prints_composed(report_pdf):
    text = p.text_of(report_pdf)
    assert HEAD in text and unicodedata.normalize("NFD", HEAD) not in text
    assert not any(unicodedata.combining(ch) for ch in text)


def test_a_draft_says_its_points_come_with_acceptance(report_vp):
    text = p.text_of(document_pdf(kind=document_kind(KIND), record=report_for_document(report_vp.pk)))
    assert "được tính khi báo cáo được Phòng Văn hóa – Xã hội chấp nhận; báo cáo đang ở trạng thái “Đang soạn”" in text
    assert "- Tháng 10/2026: chưa có điểm" in text and "Không có tệp minh chứng." in text


def test_a_change_of_state_makes_the_document_stale(report_vp, filled_vp, alice, django_capture_on_commit_callbacks):
    kind = document_kind(KIND)
    before = kind.version(report_for_document(report_vp.pk))
    with django_capture_on_commit_callbacks(execute=True):
        services.report_transition(report=filled_vp, action="submit", actor=alice)
    assert kind.version(report_for_document(report_vp.pk)) != before
    assert kind.version(report_for_document(report_vp.pk)) < 2**63, "fits the stored PositiveBigIntegerField"


def test_the_report_page_offers_it_and_only_its_unit_and_the_ward_wide_roles_download_it(
    client, report_vp, alice, bob, olga, sam, chris, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    page = reverse("emulation:report-detail", args=[report_vp.pk])
    client.force_login(alice)
    html = client.get(page).content.decode()
    ask = reverse("documents:document-ask", args=[KIND, report_vp.pk])
    assert f'action="{ask}"' in html and "Tạo báo cáo tháng (PDF)" in html
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(ask, {"next": page}).status_code == 302
    document = document_request(kind=KIND, record=report_for_document(report_vp.pk))
    assert document.status == "ready", document.failure
    download = reverse("documents:document-download", args=[document.pk])
    with django_assert_max_num_queries(40):
        html = client.get(page).content.decode()
    assert f'href="{download}"' in html
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('filename="bao-cao-vp-2026-10.pdf"')
    for user in (sam, chris):
        client.force_login(user)
        assert f'href="{download}"' in client.get(page).content.decode()
        assert client.get(download).status_code == 200
    for user in (bob, olga):  # another unit's head, an official: the report is not theirs
        client.force_login(user)
        assert client.get(download).status_code == 404
        assert client.post(ask, {"next": page}).status_code == 404
