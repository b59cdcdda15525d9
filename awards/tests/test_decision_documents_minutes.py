"""The ward council's minutes as a PDF (awards.council.papers): the meeting's record in order — time and place,
members present of the total, the absent with their reason, the quorum, the agenda, the ballots, each nominee's
votes and their share of ALL members, the conclusion, the closing time, the two signatures; a draft until the
meeting closes; the download is the council pages' (the secretariat's)."""

import unicodedata

import pytest
from django.urls import reverse

from awards.council import services as council
from awards.council.models import CouncilMember
from awards.council.papers import KIND, minutes_version
from awards.dossiers import services
from awards.tests import council_support as support
from documents.build import document_pdf
from documents.registry import document_kind
from documents.services import document_request
from documents.tests import pdf as p

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(campaign, built, alice, sam):
    """VP's dossier at a council of 9 (8 present, one absent): the unit 7 of 9, olga 5, Hùng 4 (not passed)."""
    dossier, nominees = built
    services.dossier_transition(dossier=dossier, action="submit", actor=alice)
    services.dossier_transition(dossier=dossier, action="accept", actor=sam)
    record = support.meeting(campaign, sam)
    for i in range(9):
        CouncilMember.objects.create(
            meeting=record,
            name=f"Thành viên Hội đồng số {i + 1}",
            role="Ủy viên Hội đồng Thi đua – Khen thưởng phường",
            present=i != 8,
            absent_reason="đi công tác tỉnh" if i == 8 else "",
            voted_in_writing=i == 8,
            order=i,
        )
    tallies = {nominees[0].pk: ("7", "2"), nominees[1].pk: ("5", "4"), nominees[2].pk: ("4", "5")}
    council.votes_record(meeting=record, actor=sam, members_present="8", tallies=tallies)
    record.refresh_from_db()
    return record, nominees


def _pdf(meeting) -> bytes:
    return document_pdf(kind=document_kind(KIND), record=meeting)


def test_an_open_meeting_s_minutes_are_a_draft_without_closing_time(meeting):
    record, _ = meeting
    text = p.text_of(_pdf(record))
    assert "DỰ THẢO" in text and "kết thúc lúc … giờ … phút" in text


def test_the_closed_meeting_s_minutes_hold_their_parts_in_order(meeting, sam):
    record, nominees = meeting
    before = minutes_version(record)
    record = council.meeting_close(meeting=record, actor=sam)
    assert minutes_version(record) != before, "closing changes what the minutes show"
    text = p.text_of(_pdf(record))
    assert "DỰ THẢO" not in text
    parts = [
        "ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
        "Nam Gia Nghĩa, ngày 20 tháng 11 năm 2026",
        "BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG PHƯỜNG",
        "I. THỜI GIAN, ĐỊA ĐIỂM",
        "tại Hội trường UBND phường",
        "II. THÀNH PHẦN",
        "Chủ trì: Nguyễn Văn Chủ. Thư ký: Lê Thị Thư.",
        "Tổng số thành viên Hội đồng: 9 người; có mặt: 8/9 người; vắng mặt: 1 người.",
        "Vắng mặt: Thành viên Hội đồng số 9",
        "lý do: đi công tác tỉnh; có gửi phiếu bằng văn bản.",
        "Số thành viên có mặt đạt số lượng tối thiểu theo quy định",
        "III. NỘI DUNG",
        "1. Chương trình họp",
        "2. Biểu quyết",
        "bỏ phiếu kín",
        "3. Kết quả biểu quyết",
        f"1 {nominees[0].name}",
        "7 2 77,78% Được đề nghị",
        f"2 {nominees[1].name}",
        "5 4 55,56% Được đề nghị",
        f"3 {nominees[2].name}",
        "4 5 44,44% Không đạt",
        "IV. KẾT LUẬN",
        "khen thưởng 2/3 tập thể, cá nhân",
        "Cuộc họp kết thúc lúc",
        "THƯ KÝ",
        "CHỦ TRÌ",
    ]
    position = p.assert_in_order(text, parts)
    assert "Lê Thị Thư" in text[position - 40 :] or text.rfind("Lê Thị Thư") > text.find("THƯ KÝ")


def test_the_minutes_are_a4_in_liberation_serif_inside_the_margins_numbered_from_page_two(meeting):
    record, _ = meeting
    record.chair_name = unicodedata.normalize("NFD", "Đặng Thị Hồng Nhung")
    record.save()
    pdf = _pdf(record)
    p.assert_decree30_page(pdf, pages_at_least=2)
    text = p.text_of(pdf)
    assert "Đặng Thị Hồng Nhung" in text and not any(unicodedata.combining(ch) for ch in text)


def test_the_minutes_are_on_the_council_page_and_the_secretariat_s_only(
    client, meeting, sam, chris, alice, django_capture_on_commit_callbacks
):
    record, _ = meeting
    client.force_login(sam)
    page = client.get(reverse("awards:council-detail", args=[record.pk])).content.decode()
    assert "Tạo dự thảo biên bản họp (PDF)" in page, "the open meeting's minutes are a draft"
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=KIND, record=record)
    document.refresh_from_db()
    assert document.status == "ready", document.failure
    url = reverse("documents:document-download", args=[document.pk])
    assert client.get(url).status_code == 200
    for user in (alice, chris):
        client.force_login(user)
        assert client.get(url).status_code == 404
