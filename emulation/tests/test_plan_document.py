"""The campaign plan as a PDF (emulation.plan.document): generated from the database loaded from the 2026 plan's
data file, it holds the plan's sections in order, every criterion, indicator, target and point of the seed, in the
Decree 30 frame; `render_plan` writes it to a file; its download follows the campaign page's permission."""

import unicodedata
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from core.numbers import vn_number
from documents.build import document_pdf
from documents.registry import document_kind
from documents.services import document_request
from documents.tests import pdf as p
from emulation.plan.document import KIND
from emulation.plan.selectors import campaign_page

# The plan's parts, in the order the ward's plan sets them out (../shared/seed/ke-hoach-thi-dua-cchc-2026.txt).
PARTS = [
    "ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "KẾ HOẠCH",
    "Phát động phong trào thi đua “Đẩy mạnh công tác cải cách hành chính nhà nước trên địa bàn phường Nam Gia "
    "Nghĩa” năm 2026",
    "Thực hiện Kế hoạch số 2481/KH-UBND ngày 27/02/2026 của UBND tỉnh Lâm Đồng",
    "Kế hoạch số 197/KH-UBND ngày 31/12/2025 của UBND phường Nam Gia Nghĩa",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "2. Yêu cầu",
    "II. NỘI DUNG PHONG TRÀO THI ĐUA",
    "1. Đối tượng thi đua: Các phòng, đơn vị thuộc phường và toàn thể cán bộ, công chức phường.",
    "2. Nội dung phong trào thi đua",
    "2.1. Thi đua thực hiện đổi mới",
    "2.2. Thi đua thực hiện tốt",
    "2.3. Thi đua trong việc nghiên cứu",
    "2.4. Thi đua hoàn thành",
    "2.5. Thi đua huy động",
    "III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC, TIÊU CHUẨN KHEN THƯỞNG",
    "1. Tiêu chí thi đua",
    "1.1. Đổi mới trong thực hiện giải quyết thủ tục hành chính",
    "1.5. Mức độ hài lòng",
    "2. Hình thức khen thưởng",
    "- Giấy khen của Chủ tịch UBND phường: Các phòng, đơn vị thuộc phường lựa chọn các tập thể, cá nhân tiêu biểu",
    "- Bằng khen của Chủ tịch UBND tỉnh: Ủy ban nhân dân phường xem xét lựa chọn",
    "3. Tiêu chuẩn khen thưởng",
    "3.1. Khen thưởng cấp phường (Giấy khen của Chủ tịch UBND phường)",
    "a) Đối với tập thể: Thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước và đạt một trong các tiêu chuẩn sau:",
    "- Có thành tích xuất sắc, tiêu biểu trong phong trào thi đua, dẫn đầu các phòng, đơn vị thuộc phường",
    "- Có sáng kiến hoặc giải pháp, cách làm mới trong công tác cải cách hành chính",
    "b) Đối với cá nhân: Thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước và đạt một trong các tiêu chuẩn sau:",
    "- Cán bộ, công chức trực tiếp tham mưu, chỉ đạo, thực hiện công tác cải cách hành chính tại phường.",
    "3.2. Khen thưởng cấp tỉnh (Bằng khen của Chủ tịch UBND tỉnh)",
    "a) Đối với tập thể: Thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước; tiêu biểu, xuất sắc",
    "4. Thủ tục, hồ sơ đề nghị khen thưởng",
    "4.1. Hồ sơ đề nghị tặng Giấy khen của Chủ tịch UBND phường",
    "- Tờ trình kèm theo danh sách tập thể, cá nhân của đơn vị trình khen",
    "- Báo cáo thành tích của tập thể, cá nhân được đề nghị khen thưởng",
    "- Biên bản họp Hội đồng Thi đua – Khen thưởng của đơn vị trình khen",
    "4.2. Hồ sơ đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
    "5. Thời gian đề nghị xét khen thưởng",
    "Gửi hồ sơ đề nghị xét khen thưởng về Phòng Văn hóa – Xã hội",
    "6. Kinh phí khen thưởng",
    "IV. TIẾN ĐỘ THỰC HIỆN",
    "V. TỔ CHỨC THỰC HIỆN",
    "1. Phòng Văn hóa – Xã hội, Trung tâm Dịch vụ tổng hợp; Ban biên tập trang thông tin điện tử phường:",
    "2. Thủ trưởng các phòng, đơn vị thuộc phường",
    "3. Phòng Văn hóa – Xã hội",
    "nghiêm túc triển khai thực hiện Kế hoạch này./.",
    "Nơi nhận:",
    "- Sở Nội vụ (b/c);",
    "- Lưu VT.",
    "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH",
    "PHỤ LỤC",
    "TIÊU CHÍ, CHỈ TIÊU VÀ THANG ĐIỂM THI ĐUA",
    "Mã Tiêu chí, chỉ tiêu Chỉ tiêu phấn đấu Điểm tối đa",
    "Tổng cộng 100",
]


def _pdf(campaign) -> bytes:
    return document_pdf(kind=document_kind(KIND), record=campaign_page(pk=campaign.pk))


@pytest.fixture
def plan_pdf(campaign) -> bytes:
    return _pdf(campaign)


def test_the_plan_holds_its_parts_in_order(plan_pdf):
    text = p.text_of(plan_pdf)
    p.assert_in_order(text, PARTS)


def test_the_award_sections_read_as_the_plan_text_not_as_the_page(plan_pdf):
    text = p.text_of(plan_pdf)
    section = text[text.index("2. Hình thức khen thưởng") : text.index("5. Thời gian đề nghị xét khen thưởng")]
    for badge in ("bắt buộc", "một trong các tiêu chuẩn Có", "quyết định:", "không bắt buộc"):
        assert badge not in section, badge


def test_the_plan_holds_every_criterion_indicator_target_and_point_of_the_seed(plan_pdf, campaign):
    text = p.text_of(plan_pdf)
    appendix = text[text.index("PHỤ LỤC") :]
    criteria = list(campaign.criteria.prefetch_related("indicators").order_by("order", "code"))
    assert [c.code for c in criteria] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    indicators = [i for c in criteria for i in c.indicators.all()]
    assert len(indicators) == 15
    for criterion in criteria:
        assert f"{criterion.code} {criterion.name}" in appendix, criterion.code
        assert f"{criterion.code}. {' '.join(criterion.description.split())}" in text, criterion.code
    position = 0
    for indicator in indicators:
        row = f"{indicator.code} {' '.join(indicator.name.split())}"
        found = appendix.find(row, position)
        assert found >= 0, f"indicator {indicator.code} missing or out of order"
        after = appendix[found : found + 600]
        assert f"{indicator.target_display} {vn_number(indicator.points)}" in after, (indicator.code, after)
        position = found
    # The seed's targets, as the plan states them.
    for target in ("Đạt từ 8/10 điểm", "≥ 80%", "≥ 99%", "≥ 20%", "≥ 98%", "≥ 95%", "Tăng so với kỳ trước"):
        assert target in appendix, target


def test_the_plan_is_a4_in_liberation_serif_inside_the_margins_numbered_from_page_two(plan_pdf):
    p.assert_decree30_page(plan_pdf, pages_at_least=5)


def test_a_plan_not_yet_issued_leaves_its_number_and_date_blank(plan_pdf):
    text = p.text_of(plan_pdf)
    assert "Số: …/KH-UBND" in text and "Nam Gia Nghĩa, ngày tháng năm 2026" in text


def test_an_issued_plan_shows_its_number_date_and_signer_composed(campaign):
    campaign.document_number = 12
    campaign.document_date = date(2027, 1, 5)
    campaign.signer_name = unicodedata.normalize("NFD", "Phan Văn Quốc")
    campaign.save()
    text = p.text_of(_pdf(campaign))
    assert "Số: 12/KH-UBND" in text and "Nam Gia Nghĩa, ngày 05 tháng 01 năm 2027" in text
    assert "Phan Văn Quốc" in text
    assert not any(unicodedata.combining(ch) for ch in text), "every character composed (NFC)"


def test_render_plan_writes_the_pdf_and_refuses_an_unknown_campaign(campaign, tmp_path):
    target = tmp_path / "ke-hoach.pdf"
    call_command("render_plan", "--campaign", campaign.code, "-o", str(target))
    assert target.read_bytes().startswith(b"%PDF-")
    assert "I. MỤC ĐÍCH, YÊU CẦU" in p.text_of(target.read_bytes())
    with pytest.raises(CommandError, match="Không có phong trào mã “KHONG-CO”"):
        call_command("render_plan", "--campaign", "KHONG-CO", "-o", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="Không có thư mục"):
        call_command("render_plan", "--campaign", campaign.code, "-o", str(tmp_path / "khong-co" / "x.pdf"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["ke-hoach.pdf"], "no half-written file left"


def test_the_plan_download_follows_the_campaign_page_permission(
    client, campaign, alice, sam, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=KIND, record=campaign)
    document.refresh_from_db()
    assert document.status == "ready", document.failure
    url = reverse("documents:document-download", args=[document.pk])
    client.force_login(alice)
    assert client.get(url).status_code == 200
    campaign.is_active = False  # an inactive campaign is read by the ward-wide roles only
    campaign.save()
    assert client.get(url).status_code == 404
    client.force_login(sam)
    assert client.get(url).status_code == 200
