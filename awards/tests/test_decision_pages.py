"""The chairman's page and the decision register: approving what the council passed (all at once or dossier by
dossier), issuing the numbered decision with its money, reading it, revoking; the lists' queries do not grow
with rows."""

import re
from datetime import date

import pytest
from django.urls import reverse

from awards.decisions import services as decisions
from awards.decisions.models import Decision
from awards.dossiers.models import DossierStatus, DossierTransition, Nominee
from awards.history.models import Award
from awards.tests import council_support as support

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def proposed_vp(campaign, giay_khen, built, alice, sam):
    """alice's VP dossier through the real council page flow: the unit 7 of 9, olga 5, Hùng 4 (not passed)."""
    from awards.council import services as council
    from awards.dossiers import services

    dossier, nominees = built
    services.dossier_transition(dossier=dossier, action="submit", actor=alice)
    services.dossier_transition(dossier=dossier, action="accept", actor=sam)
    meeting = support.meeting(campaign, sam)
    tallies = {nominees[0].pk: ("7", "1"), nominees[1].pk: ("5", "3"), nominees[2].pk: ("4", "4")}
    council.votes_record(meeting=meeting, actor=sam, members_present="8", tallies=tallies)
    council.meeting_close(meeting=meeting, actor=sam)
    services.dossier_transition(dossier=dossier, action="propose", actor=sam)
    dossier.refresh_from_db()
    return dossier, nominees


def test_chairman_page_shows_each_nominee_with_council_result_and_greys_those_not_passed(client, chris, proposed_vp):
    _dossier, nominees = proposed_vp
    client.force_login(chris)
    response = client.get(reverse("awards:chairman"))
    assert response.status_code == 200
    page, html = _text(response), response.content.decode()
    assert "2 tập thể, cá nhân được Hội đồng TĐKT phường thông qua" in page
    assert "7 đồng ý, 1 không đồng ý" in page and "77,78% tổng số thành viên" in page
    assert f'name="decision-{nominees[0].pk}"' in html and f'name="decision-{nominees[2].pk}"' not in html
    assert 'class="not-proposed"' in html and "không trình" in page
    assert "Đủ điều kiện" in page or "Chưa đủ điều kiện" in page  # the verdict partial


def test_approve_all_approves_the_passed_only_and_a_second_click_says_it_is_done(client, chris, proposed_vp):
    dossier, nominees = proposed_vp
    client.force_login(chris)
    page = client.get(reverse("awards:chairman")).content.decode()
    shown = re.findall(r'name="dossier" value="([^"]+)"', page)
    assert shown == [f"{dossier.pk}:{dossier.version}"]
    url = reverse("awards:chairman-approve-all")
    response = client.post(url, {"dossier": shown}, follow=True)
    assert "Đã đồng ý khen thưởng 2 tập thể, cá nhân Hội đồng đã thông qua, trong 1 hồ sơ." in _text(response)
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.REVIEWED
    approvals = dict(Nominee.objects.values_list("pk", "approval"))
    assert approvals == {nominees[0].pk: "approved", nominees[1].pk: "approved", nominees[2].pk: ""}
    steps = DossierTransition.objects.count()

    again = client.post(url, {"dossier": shown}, follow=True)
    assert "Đã duyệt rồi: 1 hồ sơ đã được duyệt trước đó, không duyệt lại." in _text(again)
    assert DossierTransition.objects.count() == steps
    assert "Không có hồ sơ nào chờ Chủ tịch duyệt." in _text(client.get(reverse("awards:chairman")))


def test_a_rejection_without_reason_is_shown_beside_the_nominee_and_nothing_is_written(client, chris, proposed_vp):
    dossier, nominees = proposed_vp
    client.force_login(chris)
    data = {
        "version": str(dossier.version),
        f"decision-{nominees[0].pk}": "approve",
        f"decision-{nominees[1].pk}": "reject",
        f"reason-{nominees[1].pk}": "",
    }
    response = client.post(reverse("awards:chairman-review", args=[dossier.pk]), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="error-{nominees[1].pk}"' in html and "Cần ghi lý do không đồng ý khen Olga Nguyễn." in _text(response)
    assert f'id="reject-{nominees[1].pk}" value="reject" autocomplete="off" checked' in html  # as typed
    assert not Nominee.objects.exclude(approval="").exists()

    data[f"reason-{nominees[1].pk}"] = "Chưa đủ thời gian công tác."
    response = client.post(reverse("awards:chairman-review", args=[dossier.pk]), data, follow=True)
    assert "Đã duyệt hồ sơ VP — Giấy khen của Chủ tịch UBND phường: đồng ý 1, không đồng ý 1" in _text(response)
    nominees[1].refresh_from_db()
    assert nominees[1].approval == "rejected" and nominees[1].approval_reason == "Chưa đủ thời gian công tác."


def test_issuing_from_the_page_numbers_the_decision_and_the_detail_shows_certificates_and_money(
    client, chris, proposed_vp
):
    dossier, _nominees = proposed_vp
    client.force_login(chris)
    client.post(reverse("awards:chairman-approve-all"), {"dossier": f"{dossier.pk}:{dossier.version}"})
    page = _text(client.get(reverse("awards:chairman")))
    assert "2 tập thể, cá nhân đã được Chủ tịch đồng ý khen thưởng (1 tập thể), chờ quyết định." in page
    data = {
        "campaign": dossier.campaign.code,
        "award_form": dossier.award_form.code,
        "issued_on": "2026-11-25",
        "signer_title": "Chủ tịch",
        "signer_name": "Nguyễn Văn Chris",
        "back": "cho-duyet",
    }
    response = client.post(reverse("awards:decision-issue"), data, follow=True)
    decision = Decision.objects.get()
    assert response.redirect_chain[-1][0] == reverse("awards:decision-detail", args=[decision.pk])
    page = _text(response)
    assert (
        "Đã ban hành Quyết định số 1/QĐ-UBND ngày 25/11/2026: 2 khen thưởng, tổng tiền thưởng 2.120.000 đồng." in page
    )
    assert "Quyết định số 1/QĐ-UBND" in page and "ngày 25/11/2026" in page
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;" in page
    assert "Căn cứ Nghị định số 152/2025/NĐ-CP" in page
    assert "1.410.000" in page and "710.000" in page and "2.120.000 đồng" in page
    # Each award with its certificate number, in order, and its money: the collective twice an individual's.
    rows = r"Phòng VP Tập thể Phòng VP 1 1\.410\.000 Tạo giấy khen \(PDF\) Olga Nguyễn Công chức Phòng VP 2 710\.000"
    assert re.search(rows, page), "each row: name, position, unit, register number, money, its certificate"
    assert "Mức lương cơ sở (đồng) 2.340.000" in page
    assert f"Khen thành tích từ {dossier.period_start:%d/%m/%Y} đến {dossier.period_end:%d/%m/%Y}" in page
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.DECIDED
    again = client.post(reverse("awards:decision-issue"), data, follow=True)
    assert "Chưa ban hành: Không có ai đã được Chủ tịch đồng ý khen" in _text(again)
    assert Decision.objects.count() == 1


def test_revoking_from_the_detail_makes_a_new_decision_and_marks_the_award(client, campaign, sam, chris):
    decision = support.decided(campaign, support.own_form(campaign), "TTDVTH", sam, chris)
    award = decision.awards.order_by("certificate_number").last()
    client.force_login(sam)
    data = {
        "award": [str(award.pk)],
        "reason": "Kê khai thành tích không trung thực.",
        "issued_on": "27/11/2026",
        "signer_title": "Chủ tịch",
        "signer_name": "Nguyễn Văn Chris",
    }
    response = client.post(reverse("awards:decision-revoke", args=[decision.pk]), data, follow=True)
    revocation = Decision.objects.get(kind=Decision.Kind.REVOCATION)
    page = _text(response)
    assert "Đã ban hành Quyết định số 2/QĐ-UBND thu hồi 1 khen thưởng của Quyết định số 1/QĐ-UBND." in page
    assert "Kê khai thành tích không trung thực." in page and award.name in page
    award.refresh_from_db()
    assert award.revoked_by == revocation
    detail = _text(client.get(reverse("awards:decision-detail", args=[decision.pk])))
    assert "Đã thu hồi bởi Quyết định số 2/QĐ-UBND" in detail
    again = client.post(reverse("awards:decision-revoke", args=[decision.pk]), data, follow=True)
    assert f"Đã bị thu hồi trước đó: {award.name} (Quyết định số 2/QĐ-UBND)." in _text(again)
    assert Decision.objects.count() == 2


def test_register_filters_by_year_and_refuses_a_bad_year_with_the_list_unfiltered(client, campaign, sam, chris):
    support.decided(campaign, support.own_form(campaign), "TTDVTH", sam, chris)
    client.force_login(sam)
    url = reverse("awards:decision-list")
    page = _text(client.get(url, {"nam": "2026"}))
    assert "1/QĐ-UBND" in page and "Khen thưởng" in page and "2.120.000 đồng" in page
    assert "1/QĐ-UBND" not in _text(client.get(url, {"nam": "2025"}))
    bad = client.get(url, {"nam": "20x6"})
    assert bad.status_code == 400
    assert "Năm “20x6” không hợp lệ: ghi bốn chữ số từ 2000 đến 2100, ví dụ 2026. Đang hiện mọi năm." in _text(bad)
    assert "1/QĐ-UBND" in _text(bad)


def test_quota_advice_ranks_by_council_votes_and_names_the_tie_rule(client, campaign, sam, chris):
    form = support.own_form(campaign)
    form.quota = 2
    form.save()
    support.proposed(campaign, form, "TTDVTH", sam, [8, 6, 6], women=1)
    client.force_login(chris)
    page = _text(client.get(reverse("awards:chairman")))
    assert "Số lượng tối đa: 2" in page and "Hội đồng đã thông qua 3 tập thể, cá nhân" in page
    assert "ưu tiên cá nhân là nữ, hoặc tập thể có từ 70% nữ trở lên" in page
    assert "1. Phòng TTDVTH" in page
    assert "2. Cán bộ TTDVTH 1 (Phòng TTDVTH) — 6 phiếu đồng ý bằng phiếu nữ" in page
    assert "2. Cán bộ TTDVTH 2 (Phòng TTDVTH) — 6 phiếu đồng ý bằng phiếu" in page


def _count(client, url, django_assert_max_num_queries, limit: int) -> int:
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_chairman_page_and_register_queries_do_not_grow_with_rows(
    client, campaign, sam, chris, django_assert_max_num_queries
):
    form, other = support.own_form(campaign), support.own_form(campaign, "GK-KHAC")
    first = support.decided(campaign, other, "TTDVTH", sam, chris)
    support.proposed(campaign, form, "VP", sam, [8, 7])
    client.force_login(chris)
    pages = [
        reverse("awards:chairman"),
        reverse("awards:decision-list"),
        reverse("awards:decision-detail", args=[first.pk]),
    ]
    counts = [_count(client, url, django_assert_max_num_queries, 45) for url in pages]
    support.proposed(campaign, form, "KTHTDT", sam, [8, 7, 6])
    support.proposed(campaign, form, "VHXH", sam, [8, 3])
    for code in ("TTPVHCC",):
        support.decided(campaign, support.own_form(campaign, f"GK-{code}"), code, sam, chris)
    revoke_from = Award.objects.filter(decision=first).first()
    decisions.awards_revoke(
        awards=[revoke_from],
        actor=chris,
        issued_on=date(2026, 11, 27),
        reason="Sai sót.",
        signer_title="Chủ tịch",
        signer_name="Nguyễn Văn Chris",
    )
    assert Decision.objects.count() == 3
    again = [_count(client, url, django_assert_max_num_queries, 45) for url in pages]
    assert again == counts
