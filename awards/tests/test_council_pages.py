"""The ward council's pages: opening a meeting, the sheet where every nominee's votes are typed at once, the
members, closing; refusals keep what was typed and save nothing; the lists' queries do not grow with rows."""

import re

import pytest
from django.urls import reverse

from awards.council.models import CouncilMeeting, CouncilMember, CouncilVote
from awards.dossiers.models import DossierStatus, Nominee
from awards.tests import council_support as support
from awards.tests.conftest import HELD_ON

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def at_council(built, alice, sam):
    """alice's VP dossier (the unit, olga, Hùng) sent and accepted for the council."""
    from awards.dossiers import services

    dossier, nominees = built
    services.dossier_transition(dossier=dossier, action="submit", actor=alice)
    services.dossier_transition(dossier=dossier, action="accept", actor=sam)
    return dossier, nominees


def _open(client, campaign, **changes):
    data = {
        "campaign": campaign.code,
        "held_on": HELD_ON.isoformat(),
        "place": "Hội trường UBND phường",
        "chair_name": "Nguyễn Văn Chủ",
        "secretary_name": "Lê Thị Thư",
        "members_total": "9",
        "secret_ballot": "on",
    }
    return client.post(reverse("awards:council-open"), data | changes)


def test_sheet_records_votes_for_three_nominees_in_one_post_and_shows_the_results(client, sam, campaign, at_council):
    _dossier, nominees = at_council
    client.force_login(sam)
    response = _open(client, campaign)
    meeting = CouncilMeeting.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("awards:council-detail", args=[meeting.pk])
    sheet = client.get(response["Location"])
    page = _text(sheet)
    assert "ít nhất 2/3 tổng số thành viên (6/9 người)" in page
    assert "quá 1/2 tổng số thành viên" in page and "từ 5 phiếu đồng ý" in page
    for nominee in nominees:
        assert f'name="yes-{nominee.pk}"' in sheet.content.decode() and nominee.name in page
    assert 'inputmode="numeric"' in sheet.content.decode()
    assert "6/7 đồng ý" in page  # the unit council's result

    votes = {"members_present": "8"}
    for nominee, (yes, no) in zip(nominees, [("7", "1"), ("5", "3"), ("4", "4")], strict=True):
        votes |= {f"yes-{nominee.pk}": yes, f"no-{nominee.pk}": no}
    response = client.post(reverse("awards:council-votes", args=[meeting.pk]), votes, follow=True)
    assert response.status_code == 200
    page = _text(response)
    assert "Đã ghi số thành viên có mặt và số phiếu của 3 người (2 người đạt tỷ lệ được đề nghị)" in page
    assert "7 đồng ý = 77,78% tổng số thành viên" in page
    assert "4 đồng ý = 44,44% tổng số thành viên" in page
    html = response.content.decode()
    assert html.count(">Đạt tỷ lệ<") == 2 and html.count(">Không đạt tỷ lệ<") == 1
    assert sorted(CouncilVote.objects.values_list("yes", "passed")) == [(4, False), (5, True), (7, True)]
    meeting.refresh_from_db()
    assert meeting.members_present == 8


def test_votes_over_the_members_are_refused_beside_the_input_with_what_was_typed(client, sam, campaign, at_council):
    _, nominees = at_council
    meeting = support.meeting(campaign, sam)
    client.force_login(sam)
    data = {
        "members_present": "8",
        f"yes-{nominees[0].pk}": "7",
        f"no-{nominees[0].pk}": "1",
        f"yes-{nominees[1].pk}": "9",
        f"no-{nominees[1].pk}": "3",
        f"yes-{nominees[2].pk}": "abc",
        f"no-{nominees[2].pk}": "",
    }
    response = client.post(reverse("awards:council-votes", args=[meeting.pk]), data)
    assert response.status_code == 400
    page = _text(response)
    assert "Chưa lưu gì" in page
    assert "Tổng số phiếu (12) vượt tổng số thành viên (9)." in page
    assert "“abc” không phải là số" in page
    html = response.content.decode()
    assert f'name="yes-{nominees[1].pk}" inputmode="numeric" autocomplete="off" maxlength="10" value="9"' in html
    assert f'id="err-{nominees[1].pk}"' in html
    assert not CouncilVote.objects.exists()
    meeting.refresh_from_db()
    assert meeting.members_present is None


def test_opening_a_meeting_with_bad_fields_shows_the_list_again_with_what_was_typed(client, sam, campaign):
    client.force_login(sam)
    response = _open(client, campaign, held_on="2099-01-01", place="  ", chair_name="x" * 5000, members_total="0")
    assert response.status_code == 400
    page = _text(response)
    assert "Ngày họp không được sau hôm nay." in page
    assert "Cần nhập địa điểm." in page
    assert "vượt giới hạn 150 ký tự" in page
    assert "Tổng số thành viên phải lớn hơn 0." in page
    assert 'value="Lê Thị Thư"' in response.content.decode()
    assert not CouncilMeeting.objects.exists()


def test_members_form_saves_the_named_rows_and_sets_those_present(client, sam, campaign):
    meeting = support.meeting(campaign, sam)
    client.force_login(sam)
    form = client.get(reverse("awards:council-members", args=[meeting.pk]))
    assert form.content.decode().count('-name"') >= 9  # one row per member at least
    data = {
        "member-0-name": "Nguyễn Văn Chủ",
        "member-0-role": "Chủ tịch Hội đồng",
        "member-0-present": "on",
        "member-1-name": "Lê Thị Vắng",
        "member-1-reason": "Đi công tác",
        "member-1-written": "on",
        "member-2-name": "",
        "member-2-present": "on",
        "member-3-name": "Trần Văn Ba",
        "member-3-present": "on",
    }
    response = client.post(reverse("awards:council-members", args=[meeting.pk]), data, follow=True)
    assert "Đã lưu danh sách 3 thành viên (2 có mặt)." in _text(response)
    assert list(CouncilMember.objects.order_by("order").values_list("name", "present", "voted_in_writing")) == [
        ("Nguyễn Văn Chủ", True, False),
        ("Lê Thị Vắng", False, True),
        ("Trần Văn Ba", True, False),
    ]
    meeting.refresh_from_db()
    assert meeting.members_present == 2


def test_an_absent_member_without_a_reason_is_refused_on_their_row(client, sam, campaign):
    meeting = support.meeting(campaign, sam)
    client.force_login(sam)
    data = {
        "member-0-name": "",
        "member-1-name": "Lê Thị Vắng",
        "member-2-name": "Trần Văn Ba",
        "member-2-present": "on",
    }
    response = client.post(reverse("awards:council-members", args=[meeting.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cần ghi lý do vắng của Lê Thị Vắng." in _text(response)
    assert 'id="member-1-error"' in html  # beside the row it belongs to, not the service's count of rows
    assert not CouncilMember.objects.exists()


def test_closing_without_quorum_says_why_then_closing_moves_the_dossier_and_shows_results(
    client, sam, campaign, at_council
):
    dossier, nominees = at_council
    meeting = support.meeting(campaign, sam)
    client.force_login(sam)
    votes = {"members_present": "5"} | {f"yes-{n.pk}": "5" for n in nominees} | {f"no-{n.pk}": "0" for n in nominees}
    client.post(reverse("awards:council-votes", args=[meeting.pk]), votes)
    response = client.post(reverse("awards:council-close", args=[meeting.pk]), follow=True)
    assert "Phiên họp không đủ số thành viên: 5/9 có mặt" in _text(response)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.ACCEPTED

    client.post(reverse("awards:council-votes", args=[meeting.pk]), votes | {"members_present": "7"})
    response = client.post(reverse("awards:council-close", args=[meeting.pk]), follow=True)
    page = _text(response)
    assert "Đã kết thúc phiên họp: 3 người được Hội đồng đề nghị" in page
    assert "3/3 tập thể, cá nhân được Hội đồng đề nghị khen thưởng" in page
    assert 'name="yes-' not in response.content.decode()  # read-only
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.VOTED
    assert set(Nominee.objects.values_list("council_passed", flat=True)) == {True}
    again = client.post(reverse("awards:council-votes", args=[meeting.pk]), votes, follow=True)
    assert "Phiên họp đã kết thúc: không sửa được kết quả." in _text(again)


def _measure(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_council_list_and_sheet_queries_do_not_grow_with_rows(
    client, sam, campaign, giay_khen, django_assert_max_num_queries
):
    client.force_login(sam)
    first = support.meeting(campaign, sam)
    support.accepted(campaign, giay_khen, "VHXH", sam)
    counts = [
        _measure(client, reverse("awards:council-list"), django_assert_max_num_queries, 12),
        _measure(client, reverse("awards:council-detail", args=[first.pk]), django_assert_max_num_queries, 25),
    ]
    support.closed_meeting(campaign, sam)
    support.closed_meeting(campaign, sam)
    support.accepted(campaign, giay_khen, "TTPVHCC", sam, people=2)
    support.accepted(campaign, giay_khen, "TTDVTH", sam, people=1)
    again = [
        _measure(client, reverse("awards:council-list"), django_assert_max_num_queries, 12),
        _measure(client, reverse("awards:council-detail", args=[first.pk]), django_assert_max_num_queries, 25),
    ]
    assert again == counts


def test_after_the_vote_a_ward_form_offers_the_chairman_and_a_province_form_the_province(
    client, sam, campaign, giay_khen, bang_khen
):
    client.force_login(sam)
    for form, shown, hidden in (
        (giay_khen, "Trình Chủ tịch", "Đề nghị lên tỉnh"),
        (bang_khen, "Đề nghị lên tỉnh", "Trình Chủ tịch"),
    ):
        dossier, nominees = support.accepted(campaign, form, "VHXH" if form == giay_khen else "TTPVHCC", sam)
        support.voted(dossier, nominees, sam, yes=[9] * len(nominees))
        html = client.get(reverse("awards:dossier-detail", args=[dossier.pk])).content.decode()
        assert shown in html and hidden not in html, form.code
