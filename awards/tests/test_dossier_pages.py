"""The dossier pages as a unit head and the secretariat use them: open, add nominees chosen from the records,
attest, write and confirm reports, the minutes, send; the queue, a return with a reason per nominee."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.dossiers.models import Dossier, DossierStatus, Nominee
from awards.tests.conftest import build_dossier

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _detail(dossier) -> str:
    return reverse("awards:dossier-detail", kwargs={"pk": dossier.pk})


def test_a_unit_head_builds_and_sends_a_dossier_through_the_pages(client, campaign, giay_khen, alice, olga, hung, sam):
    client.force_login(alice)
    listing = _text(client.get(reverse("awards:dossier-list")))
    assert "Giấy khen của Chủ tịch UBND phường" in listing and "Lập hồ sơ" in listing
    opened = client.post(
        reverse("awards:dossier-open"), {"campaign": campaign.code, "unit": "VP", "form": giay_khen.code}, follow=True
    )
    dossier = Dossier.objects.get(unit__code="VP", award_form=giay_khen)
    assert "chưa có tập thể, cá nhân nào được đề nghị" in _text(opened)
    add = reverse("awards:nominee-add", kwargs={"pk": dossier.pk})
    for choice in ("collective", olga.official.pk, hung.pk):
        client.post(add, {"official": choice})
    nominees = list(dossier.nominees.order_by("order"))
    assert [n.name for n in nominees] == [dossier.unit.name, olga.official.full_name, hung.full_name]
    for nominee in nominees:
        client.post(reverse("awards:nominee-discipline", kwargs={"pk": nominee.pk}), {"discipline": "clear"})
        page = client.get(reverse("awards:report-edit", kwargs={"pk": nominee.pk}))
        version = re.search(r'name="version" value="(\d+)"', page.content.decode())[1]
        client.post(
            reverse("awards:report-edit", kwargs={"pk": nominee.pk}),
            {"achievements": f"Hoàn thành xuất sắc nhiệm vụ — {nominee.name}.", "version": version},
        )
        client.post(reverse("awards:report-confirm", kwargs={"pk": nominee.pk}))
    minutes = (
        {
            "held_on": "10/11/2026",
            "place": "Phòng họp Văn phòng",
            "members_total": "7",
            "members_present": "6",
            "chair_name": "Nguyễn Thị Alice",
            "secretary_name": "Phạm Văn D",
            "secret_ballot": "on",
        }
        | {f"yes-{n.pk}": "6" for n in nominees}
        | {f"no-{n.pk}": "0" for n in nominees}
    )
    saved = client.post(reverse("awards:minutes-edit", kwargs={"pk": dossier.pk}), minutes, follow=True)
    assert "Đã lưu biên bản" in _text(saved)
    assert "Còn thiếu trước khi gửi" not in _text(saved)
    dossier.refresh_from_db()
    sent = client.post(
        reverse("awards:dossier-transition", kwargs={"pk": dossier.pk, "action": "submit"}),
        {"version": dossier.version},
        follow=True,
    )
    assert "Đã gửi hồ sơ" in _text(sent)

    client.force_login(sam)
    queue = _text(client.get(reverse("awards:dossier-list"), {"trang-thai": DossierStatus.SUBMITTED}))
    assert "VP" in queue and "Giấy khen của Chủ tịch UBND phường" in queue
    dossier.refresh_from_db()
    client.post(
        reverse("awards:dossier-transition", kwargs={"pk": dossier.pk, "action": "return"}),
        {"version": dossier.version, "reason": "Bổ sung minh chứng.", f"reason-{nominees[2].pk}": "Thiếu bảng điểm."},
    )
    client.force_login(alice)
    page = _text(client.get(_detail(dossier)))
    assert "Lý do trả lại: Thiếu bảng điểm." in page
    assert "Bổ sung minh chứng." in page  # in the history, with who and when
    assert Dossier.objects.get(pk=dossier.pk).status == DossierStatus.RETURNED


def test_a_return_without_a_reason_is_refused_and_changes_nothing(client, built, alice, sam):
    dossier, _ = built
    client.force_login(alice)
    client.post(
        reverse("awards:dossier-transition", kwargs={"pk": dossier.pk, "action": "submit"}),
        {"version": dossier.version},
    )
    dossier.refresh_from_db()
    client.force_login(sam)
    answer = client.post(
        reverse("awards:dossier-transition", kwargs={"pk": dossier.pk, "action": "return"}),
        {"version": dossier.version, "reason": "  "},
        follow=True,
    )
    assert "Cần ghi lý do." in _text(answer)
    assert Dossier.objects.get(pk=dossier.pk).status == DossierStatus.SUBMITTED


def test_an_official_cannot_be_typed_in_nor_taken_from_another_unit(client, campaign, giay_khen, alice, bob):
    dossier = build_dossier(campaign, giay_khen, alice, [])[0]
    client.force_login(alice)
    add = reverse("awards:nominee-add", kwargs={"pk": dossier.pk})
    typed = client.post(add, {"official": "Nguyễn Văn Tự Gõ"}, follow=True)
    assert "Hãy chọn đơn vị hoặc một cán bộ của đơn vị trong danh sách." in _text(typed)
    other = client.post(add, {"official": bob.official.pk}, follow=True)
    assert "không phải cán bộ đang công tác tại VP" in _text(other)
    assert dossier.nominees.count() == 1


def test_two_people_editing_one_report_the_second_save_is_refused_with_the_change(client, built, alice, olga):
    _dossier, nominees = built
    url = reverse("awards:report-edit", kwargs={"pk": nominees[1].pk})
    client.force_login(olga)
    page = client.get(url).content.decode()
    version = re.search(r'name="version" value="(\d+)"', page)[1]
    seen_at = re.search(r'name="seen_at" value="([^"]+)"', page)[1]
    client.post(url, {"achievements": "Bản của Olga.", "version": version, "seen_at": seen_at})
    client.force_login(alice)
    stale = client.post(url, {"achievements": "Bản của thủ trưởng.", "version": version, "seen_at": seen_at})
    assert stale.status_code == 409
    assert "Bản của Olga." in _text(stale) and "Bản của thủ trưởng." in _text(stale)
    assert Nominee.objects.get(pk=nominees[1].pk).report.achievements == "Bản của Olga."


def test_minutes_with_votes_over_the_members_present_are_shown_again_and_not_saved(client, campaign, giay_khen, alice):
    dossier = build_dossier(campaign, giay_khen, alice, [])[0]
    nominee = dossier.nominees.get()
    client.force_login(alice)
    answer = client.post(
        reverse("awards:minutes-edit", kwargs={"pk": dossier.pk}),
        {
            "held_on": "31/02/2026",
            "place": "Phòng họp",
            "members_total": "7",
            "members_present": "5",
            "chair_name": "A",
            "secretary_name": "B",
            f"yes-{nominee.pk}": "5",
            f"no-{nominee.pk}": "1",
        },
    )
    assert answer.status_code == 400
    text = _text(answer)
    assert "“31/02/2026” không phải ngày" in text
    assert "Tổng số phiếu (6) vượt số thành viên có mặt (5)." in text
    assert dossier.minutes.held_on.isoformat() == "2026-11-10"
    assert Nominee.objects.get(pk=nominee.pk).unit_yes == 6


def test_the_detail_page_and_the_queue_read_a_fixed_number_of_queries(
    client, campaign, giay_khen, alice, sam, hung, olga, ward, bob
):
    one = build_dossier(campaign, giay_khen, alice, [])[0]
    client.force_login(sam)
    with CaptureQueriesContext(connection) as small:
        assert client.get(_detail(one)).status_code == 200
    with CaptureQueriesContext(connection) as small_list:
        client.get(reverse("awards:dossier-list"))
    Nominee.objects.all().delete()
    Dossier.objects.all().delete()
    three = build_dossier(campaign, giay_khen, alice, [olga.official, hung])[0]
    build_dossier(campaign, giay_khen, bob, [])
    with CaptureQueriesContext(connection) as large:
        assert client.get(_detail(three)).status_code == 200
    with CaptureQueriesContext(connection) as large_list:
        client.get(reverse("awards:dossier-list"))
    assert len(large) == len(small)
    assert len(large_list) == len(small_list)


def test_an_official_sees_their_own_nominations_and_awards_and_no_one_elses(client, built, olga, hung, sam, ada):
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
    client.force_login(olga)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("awards:mine")).content.decode()
    assert len(queries) <= 14, [q["sql"][:120] for q in queries.captured_queries]
    assert "Giấy khen của Chủ tịch UBND phường" in html and "Chưa xét" in html
    assert reverse("awards:report-edit", kwargs={"pk": built[0].nominees.get(official=olga.official).pk}) in html
    assert "214/QĐ-UBND" in html
    assert reverse("awards:report-edit", kwargs={"pk": built[0].nominees.get(official=hung).pk}) not in html
    client.force_login(ada)
    assert client.get(reverse("awards:mine")).status_code == 404


def test_the_queue_counts_dossiers_not_their_nominees(client, built, sam):
    dossier = built[0]  # three nominees: the unit, olga and hung
    client.force_login(sam)
    html = client.get(reverse("awards:dossier-list")).content.decode()
    label = dossier.get_status_display()
    assert re.search(rf"{re.escape(label)} <span class=\"badge text-bg-light\">1</span>", html)


def test_the_draft_letter_says_who_is_proposed_for_what_from_the_dossier(client, built, alice, bob):
    dossier, _ = built
    client.force_login(alice)
    with CaptureQueriesContext(connection) as queries:
        text = _text(client.get(reverse("awards:dossier-letter", args=[dossier.pk])))
    # 14 before the PDF: + the rules in force (the legal grounds), the plan's legal bases, the PDF's state.
    assert len(queries) <= 16, [q["sql"][:120] for q in queries.captured_queries]
    assert f"Về việc đề nghị tặng {dossier.award_form.name}" in text
    assert "cho 1 tập thể và 2 cá nhân" in text
    assert f"Biên bản họp Hội đồng Thi đua – Khen thưởng {dossier.unit.name} ngày 10/11/2026" in text
    for name in (dossier.unit.name, "Olga Nguyễn"):
        assert name in text
    client.force_login(bob)
    assert client.get(reverse("awards:dossier-letter", args=[dossier.pk])).status_code == 404
