"""The dossier's documents as a clerk checks them (awards.dossiers.papers): the unit's tờ trình with its list, the
unit council's minutes, Mẫu 02/03 and the ward's tờ trình to the province: their parts in order, A4, one font,
inside the margins, numbered from page 2, every name composed; who may download them; the .docx of the
province letter."""

import unicodedata

import pytest
from django.urls import reverse

from awards.dossiers import services
from awards.dossiers.models import AchievementReport, Nominee
from awards.tests.conftest import build_dossier
from documents.build import document_pdf
from documents.registry import document_kind
from documents.tests import pdf as p

pytestmark = pytest.mark.django_db

NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
LONG = "Chủ động rà soát, đơn giản hóa thủ tục hành chính, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính. " * 6


def _pdf(key: str, pk: int) -> bytes:
    kind = document_kind(key)
    record = kind.find(pk)
    assert record is not None, key
    return document_pdf(kind=kind, record=record)


def assert_composed(pdf: bytes, name: str) -> None:
    text = p.text_of(pdf)
    assert unicodedata.normalize("NFC", name) in text
    assert not any(unicodedata.combining(ch) for ch in text), "every character composed (NFC)"


@pytest.fixture
def dossier(campaign, giay_khen, alice, olga, hung):
    """VP's dossier; olga's name typed decomposed, her achievements long enough to carry the list onto two pages."""
    built, nominees = build_dossier(campaign, giay_khen, alice, [olga.official, hung])
    Nominee.objects.filter(pk=nominees[1].pk).update(name=NFD_NAME)
    AchievementReport.objects.filter(nominee=nominees[1]).update(achievements=LONG)  # still confirmed
    return built


def test_the_unit_letter_holds_its_parts_in_order_on_decree30_pages(dossier):
    pdf = _pdf("awards.dossier_letter", dossier.pk)
    text = p.text_of(pdf)
    p.assert_in_order(
        text,
        [
            "ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: …/TTr-VP",
            "Nam Gia Nghĩa, ngày",
            "TỜ TRÌNH",
            "Về việc đề nghị tặng Giấy khen của Chủ tịch UBND phường",
            "Kính gửi: Chủ tịch Ủy ban nhân dân phường Nam Gia Nghĩa.",
            "Căn cứ Luật Thi đua, khen thưởng",
            "Căn cứ Nghị định số 152/2025/NĐ-CP",
            "Căn cứ Kế hoạch số 2481/KH-UBND ngày 27/02/2026 của UBND tỉnh Lâm Đồng",
            "Căn cứ Biên bản họp Hội đồng Thi đua – Khen thưởng Phòng VP ngày 10/11/2026 (có mặt 6/7 thành viên",
            "6/7 phiếu đồng ý (85,71% tổng số thành viên Hội đồng)",
            "tặng Giấy khen của Chủ tịch UBND phường cho 1 tập thể và 2 cá nhân",
            "(Có danh sách và báo cáo thành tích kèm theo)",
            "Kính đề nghị Chủ tịch Ủy ban nhân dân phường xem xét, quyết định./.",
            "Nơi nhận:",
            "- Như trên;",
            "CHÁNH VĂN PHÒNG",
            "DANH SÁCH",
            "(Kèm theo Tờ trình số …/TTr-VP",
            "STT Họ và tên / Tập thể Chức vụ, đơn vị Hình thức Thành tích tóm tắt",
            "I TẬP THỂ",
            "II CÁ NHÂN",
            "Nguyễn Thị Hồng Nhung",
            "Trần Văn Hùng",
        ],
    )
    p.assert_decree30_page(pdf, pages_at_least=2)
    assert_composed(pdf, NFD_NAME)


def test_the_list_repeats_its_header_row_on_each_page(campaign, giay_khen, alice, olga, hung, ward):
    from units.tests.factories import OfficialFactory

    many = [OfficialFactory(full_name=f"Công chức số {n}", unit=ward.units["VP"]) for n in range(14)]
    built, nominees = build_dossier(campaign, giay_khen, alice, many)
    AchievementReport.objects.filter(nominee__in=nominees).update(achievements=LONG)
    pages = p.pages_text(_pdf("awards.dossier_letter", built.pk))
    with_rows = [n for n, text in enumerate(pages) if "Công chức số" in text]
    assert len(with_rows) >= 2
    assert all("STT Họ và tên / Tập thể Chức vụ, đơn vị Hình thức" in pages[n] for n in with_rows)


def test_the_html_draft_and_the_pdf_say_the_same(client, dossier, alice):
    client.force_login(alice)
    html = client.get(reverse("awards:dossier-letter", args=[dossier.pk])).content.decode()
    from awards.dossiers.papers.letter import letter_data

    data = letter_data(document_kind("awards.dossier_letter").find(dossier.pk))
    pdf_text = p.text_of(_pdf("awards.dossier_letter", dossier.pk))
    for sentence in (data["proposal"], data["minutes"], data["request"], *data["grounds"]):
        assert sentence in " ".join(html.split())
        assert sentence[:60] in pdf_text


def test_the_unit_minutes_write_each_vote_over_all_members(dossier):
    pdf = _pdf("awards.unit_minutes", dossier.minutes.pk)
    p.assert_in_order(
        p.text_of(pdf),
        [
            "ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
            "Số: …/BB-VP",
            "Nam Gia Nghĩa, ngày 10 tháng 11 năm 2026",
            "BIÊN BẢN",
            "Họp Hội đồng Thi đua – Khen thưởng Phòng VP xét đề nghị tặng Giấy khen",
            "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
            "Ngày 10/11/2026, tại Phòng họp Văn phòng.",
            "Tổng số thành viên Hội đồng: 7; có mặt: 6; vắng mặt: 1.",
            "Vắng mặt, lý do: Ông Lê Văn C: đi công tác.",
            "bảo đảm tỷ lệ tối thiểu 2/3",
            "II. NỘI DUNG",
            "bỏ phiếu kín",
            "trên 50% tổng số thành viên",
            "STT Tập thể, cá nhân Số phiếu đồng ý Tỷ lệ so với tổng số thành viên Kết quả",
            "Phòng VP 6/7 85,71% Đạt",
            "Nguyễn Thị Hồng Nhung 6/7 85,71% Đạt",
            "III. KẾT LUẬN",
            "cho 1 tập thể và 2 cá nhân",
            "THƯ KÝ",
            "CHỦ TRÌ",
        ],
    )
    lines = p.assert_decree30_page(pdf)
    assert_composed(pdf, NFD_NAME)
    secretary, chair = (
        next(line for line in lines if line.text == name) for name in ("Phạm Văn D", "Nguyễn Thị Alice")
    )
    assert secretary.page == chair.page and abs(secretary.y0 - chair.y0) < 2 and secretary.x1 < chair.x0


def test_a_nominee_voted_down_is_not_proposed_and_the_minutes_say_so(dossier):
    Nominee.objects.filter(name="Trần Văn Hùng").update(unit_yes=3, unit_no=3)
    minutes_text = p.text_of(_pdf("awards.unit_minutes", dossier.minutes.pk))
    assert "Trần Văn Hùng 3/7 42,86% Không đạt" in minutes_text
    letter_text = p.text_of(_pdf("awards.dossier_letter", dossier.pk))
    assert "Trần Văn Hùng" not in letter_text and "cho 1 tập thể và 1 cá nhân" in letter_text


def test_the_collective_report_is_mau_02_without_a_number(dossier):
    report = dossier.nominees.get(kind="collective").report
    pdf = _pdf("awards.collective_report", report.pk)
    text = p.text_of(pdf)
    assert "Số:" not in text
    p.assert_in_order(
        text,
        [
            "PHÒNG VP",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Nam Gia Nghĩa, ngày",
            "BÁO CÁO THÀNH TÍCH",
            "Đề nghị tặng Giấy khen của Chủ tịch UBND phường",
            "Tập thể: Phòng VP",
            "I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
            "II. THÀNH TÍCH ĐẠT ĐƯỢC",
            "1. Kết quả thực hiện các chỉ tiêu, nhiệm vụ",
            "Thành tích của Phòng VP.",
            "2. Sáng kiến",
            "3. Biện pháp, giải pháp; bài học kinh nghiệm",
            "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
            "XÁC NHẬN, ĐỀ NGHỊ",
            "THỦ TRƯỞNG ĐƠN VỊ",
        ],
    )
    p.assert_decree30_page(pdf)
    # A collective's report is not an individual's: that kind does not find it.
    assert document_kind("awards.individual_report").find(report.pk) is None


def test_the_individual_report_is_mau_03_with_the_official_record(dossier, olga, alice, sam):
    from awards.history.services import award_record

    award_record(
        actor=sam,
        official=olga.official,
        year=2025,
        title="Lao động tiên tiến",
        decision_number="214/QĐ-UBND",
        decision_date="15/12/2025",
        issuer="Chủ tịch UBND phường Nam Gia Nghĩa",
    )
    nominee = dossier.nominees.get(official=olga.official)
    # Written again after the award was recorded: no longer confirmed, so its data (the awards) are read live.
    fields = {"ethnicity": "Kinh", "hometown": unicodedata.normalize("NFD", "Đắk Nông")}
    services.report_write(nominee=nominee, actor=alice, fields=fields)
    report = AchievementReport.objects.get(nominee=nominee)
    pdf = _pdf("awards.individual_report", report.pk)
    text = p.text_of(pdf)
    assert "Số:" not in text
    p.assert_in_order(
        text,
        [
            "BÁO CÁO THÀNH TÍCH",
            "Đề nghị tặng Giấy khen",
            "I. SƠ LƯỢC LÝ LỊCH",
            "- Họ và tên: Nguyễn Thị Hồng Nhung",
            "- Sinh ngày, tháng, năm:",
            "- Giới tính:",
            "- Dân tộc: Kinh",
            "- Quê quán: Đắk Nông",
            "- Cơ quan, đơn vị công tác: Phòng VP",
            "- Chức vụ:",
            "II. THÀNH TÍCH ĐẠT ĐƯỢC",
            "1. Quyền hạn, nhiệm vụ được giao",
            "2. Thành tích đạt được",
            "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
            "Năm Hình thức khen thưởng, danh hiệu Số, ngày quyết định Cơ quan ban hành",
            "2025 Lao động tiên tiến 214/QĐ-UBND ngày 15/12/2025",
        ],
    )
    lines = p.assert_decree30_page(pdf)
    assert_composed(pdf, "Đắk Nông")
    reporter = p.line_with(lines, "NGƯỜI BÁO CÁO")
    head = p.line_with(lines, "THỦ TRƯỞNG ĐƠN VỊ")
    assert reporter.page == head.page and abs(reporter.y0 - head.y0) < 2 and head.x1 < reporter.x0
