"""The chairman's decision as a PDF (awards.decisions.papers.decision): its parts in order in the Decree 30 frame,
the attached list whose total is the decision's total money (and in words), a revocation's own wording, the
facts its public page confirms, and the decision page's buttons."""

import unicodedata

import pytest
from django.urls import reverse

from awards.decisions import services as decisions
from awards.decisions.papers.decision import KIND, decision_verify
from awards.decisions.papers.words import money_words, number_words
from awards.history.models import Award
from awards.tests import council_support as support
from core.numbers import vn_number
from documents.build import document_pdf
from documents.registry import document_kind
from documents.services import document_request
from documents.tests import pdf as p

pytestmark = pytest.mark.django_db

PARTS = [
    "ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 1/QĐ-UBND",
    "Nam Gia Nghĩa, ngày 25 tháng 11 năm 2026",
    "QUYẾT ĐỊNH",
    "Về việc tặng Giấy khen",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP",
    "Xét đề nghị của Hội đồng Thi đua – Khen thưởng phường tại cuộc họp ngày 20/11/2026",
    "QUYẾT ĐỊNH:",
    "Điều 1. Tặng Giấy khen",
    "cho 1 tập thể và 1 cá nhân có tên trong danh sách kèm theo",
    "từ ngày 01/01/2026 đến ngày 31/12/2026",
    "Điều 2.",
    "Mỗi tập thể (1 tập thể) được thưởng bằng 0,6 lần mức lương cơ sở (2.340.000 đồng), làm tròn là 1.410.000 đồng.",
    "Mỗi cá nhân (1 cá nhân) được thưởng bằng 0,3 lần mức lương cơ sở (2.340.000 đồng), làm tròn là 710.000 đồng.",
    "Tổng số tiền thưởng: 2.120.000 đồng (Bằng chữ: Hai triệu một trăm hai mươi nghìn đồng).",
    "Quỹ Thi đua, khen thưởng của phường",
    "Điều 3.",
    "chịu trách nhiệm thi hành Quyết định này./.",
    "Nơi nhận:",
    "- Như Điều 3;",
    "CHỦ TỊCH",
    "Nguyễn Văn Chris",
    "DANH SÁCH",
    "(Kèm theo Quyết định số 1/QĐ-UBND ngày 25 tháng 11 năm 2026 của Chủ tịch Ủy ban nhân dân phường Nam Gia Nghĩa)",
    "STT Họ và tên / Tập thể Chức vụ, đơn vị Số tiền (đồng)",
    "1 Phòng TTDVTH Tập thể 1.410.000",
    "2 Cán bộ TTDVTH 1",
    "710.000",
    "Tổng cộng (2 tập thể, cá nhân) 2.120.000",
    "(Bằng chữ: Hai triệu một trăm hai mươi nghìn đồng)",
]


@pytest.fixture
def decision(campaign, sam, chris):
    return support.decided(campaign, support.own_form(campaign, "GK-QD-VB"), "TTDVTH", sam, chris)


def _pdf(decision) -> bytes:
    return document_pdf(kind=document_kind(KIND), record=decision)


def test_the_decision_holds_its_parts_in_order(decision):
    p.assert_in_order(p.text_of(_pdf(decision)), PARTS)


def test_the_decision_is_a4_in_liberation_serif_inside_the_margins_numbered_from_page_two(decision):
    p.assert_decree30_page(_pdf(decision), pages_at_least=2)


def test_the_list_totals_are_the_decision_total_and_the_rows_follow_the_register(decision):
    awards = list(decision.awards.order_by("certificate_number"))
    assert sum(a.money for a in awards) == decision.total_money == 2_120_000
    appendix = p.text_of(_pdf(decision)).split("DANH SÁCH", 1)[1]
    p.assert_in_order(appendix, [f"{i} {a.name}" for i, a in enumerate(awards, start=1)])
    assert f"Tổng cộng ({len(awards)} tập thể, cá nhân) {vn_number(decision.total_money)}" in appendix


def test_a_name_typed_decomposed_prints_composed(decision):
    award = decision.awards.order_by("certificate_number").last()
    Award.objects.filter(pk=award.pk).update(name=unicodedata.normalize("NFD", "Đặng Thị Hồng Nhung"))
    text = p.text_of(_pdf(decision))
    assert "Đặng Thị Hồng Nhung" in text
    assert not any(unicodedata.combining(ch) for ch in text)


def test_a_revocation_reads_thu_hoi_and_lists_the_money_to_return(decision, chris):
    award = decision.awards.order_by("certificate_number").last()
    revocation = decisions.awards_revoke(
        awards=[award],
        actor=chris,
        issued_on=support.ISSUED_ON,
        reason="Phát hiện thành tích kê khai không đúng",
        signer_title="Chủ tịch",
        signer_name="Nguyễn Văn Chris",
    )
    text = p.text_of(_pdf(revocation))
    p.assert_in_order(
        text,
        [
            "Số: 2/QĐ-UBND",
            "Về việc thu hồi khen thưởng",
            "Phát hiện thành tích kê khai không đúng.",
            "Điều 1. Thu hồi",
            f"tại Quyết định số {decision.reference} ngày 25/11/2026",
            "Điều 2.",
            "15 ngày làm việc",
            "DANH SÁCH",
            "BỊ THU HỒI",
            f"1 {award.name}",
            "Tổng cộng (1 tập thể, cá nhân) 710.000",
        ],
    )
    assert decision_verify(revocation)["Số tập thể, cá nhân bị thu hồi"] == "1"
    assert decision_verify(decision)["revoked"] is False  # one of two revoked: the decision stands


def test_the_public_page_confirms_number_date_form_and_size(decision):
    facts = decision_verify(decision)
    assert facts["Quyết định"] == f"Số {decision.reference} ngày 25/11/2026"
    assert facts["Hình thức"] == decision.award_form.name
    assert facts["Số tập thể, cá nhân"] == "2" and facts["revoked"] is False


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (105, "một trăm linh năm"),
        (1_005, "một nghìn không trăm linh năm"),
        (710_000, "bảy trăm mười nghìn"),
        (2_120_000, "hai triệu một trăm hai mươi nghìn"),
        (1_000_000_000, "một tỷ"),
    ],
)
def test_numbers_in_words(amount, words):
    assert number_words(amount) == words
    assert money_words(amount) == words[:1].upper() + words[1:] + " đồng"


def test_the_decision_page_offers_the_decision_and_every_certificate_and_makes_them(
    client, chris, decision, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client.force_login(chris)
    url = reverse("awards:decision-detail", args=[decision.pk])
    with django_assert_max_num_queries(30):
        page = client.get(url).content.decode()
    assert "Tạo quyết định (PDF)" in page
    assert f"In tất cả giấy khen của quyết định {decision.reference}" in page
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=KIND, record=decision)
    document.refresh_from_db()
    assert document.status == "ready", document.failure
    assert client.get(reverse("documents:document-download", args=[document.pk])).status_code == 200
    assert "Quyết định (PDF)" in client.get(url).content.decode()
