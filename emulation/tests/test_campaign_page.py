"""The campaign page renders the plan from the database, so an admin edit shows at once."""

import re

import pytest
from django.urls import reverse

from criteria.models import Criterion, Indicator


def _page(client, user, campaign) -> str:
    client.force_login(user)
    response = client.get(reverse("emulation:campaign-detail", kwargs={"code": campaign.code}))
    assert response.status_code == 200
    return response.content.decode()


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_page_shows_every_part_of_the_plan(client, olga, campaign):
    text = _text(_page(client, olga, campaign))
    for expected in [
        "KẾ HOẠCH",
        "Số: …/KH-UBND",
        "Kế hoạch số 2481/KH-UBND ngày 27/02/2026 của UBND tỉnh Lâm Đồng",
        "I. Mục đích, yêu cầu",
        "nâng cao Chỉ số cải cách hành chính phường Nam Gia Nghĩa",
        "2.1.",
        "2.5.",
        "Tiêu chí 1.3.",
        "1.3c",
        "Hồ sơ TTHC được giải quyết đúng hạn",
        "≥ 99%",
        "Tăng so với kỳ trước",
        "Đạt từ 8/10 điểm",
        "Tổng cộng 100",
        "Giấy khen của Chủ tịch UBND phường",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước.",
        "Biên bản họp Hội đồng Thi đua – Khen thưởng của đơn vị trình khen",
        "IV. Tiến độ thực hiện",
        "05/02/2026",
        "05/01/2027",
        "V. Tổ chức thực hiện",
        "Nơi nhận:",
        "Lưu VT.",
    ]:
        assert expected in text, expected


def test_a_threshold_edited_in_the_admin_shows_on_the_page_at_once(client, ada, olga, campaign):
    indicator = Indicator.objects.get(campaign=campaign, code="1.3c")
    client.force_login(ada)
    response = client.post(
        reverse("admin:criteria_indicator_change", args=[indicator.pk]),
        {
            "criterion": indicator.criterion_id,
            "code": "1.3c",
            "order": indicator.order,
            "name": indicator.name,
            "kind": "ratio",
            "measure": "percent",
            "figure_source": indicator.figure_source,
            "numerator_label": indicator.numerator_label,
            "denominator_label": indicator.denominator_label,
            "target": "97,5",
            "comparison": "gte",
            "points": "12",
            "scoring_rule": "proportional",
            "floor": "",
            "baseline": "",
        },
    )
    assert response.status_code == 302
    text = _text(_page(client, olga, campaign))
    row = re.search(r"1\.3c Hồ sơ TTHC được giải quyết đúng hạn .*? (≥ [\d,]+%) .*?(\d+)", text)
    assert row.groups() == ("≥ 97,5%", "12")
    assert "Tổng cộng 102" in text


def test_deadline_day_edit_moves_every_monthly_deadline(client, olga, campaign):
    campaign.report_deadline_day = 10
    campaign.save()
    text = _text(_page(client, olga, campaign))
    assert "10/02/2026" in text and "10/01/2027" in text and "05/02/2026" not in text


@pytest.mark.parametrize("extra_indicators", [0, 20])
def test_page_query_count_does_not_grow_with_the_plan(
    client, olga, campaign, django_assert_max_num_queries, extra_indicators
):
    criterion = Criterion.objects.get(campaign=campaign, code="1.2")
    for n in range(extra_indicators):
        Indicator.objects.create(
            criterion=criterion,
            code=f"1.2x{n}",
            name="Thêm",
            kind="ratio",
            measure="percent",
            numerator_label="a",
            denominator_label="b",
            target=50,
            points=1,
            scoring_rule="proportional",
        )
    client.force_login(olga)
    with django_assert_max_num_queries(20):
        client.get(reverse("emulation:campaign-detail", kwargs={"code": campaign.code}))


def test_campaign_list_shows_the_campaign_with_its_period(client, olga, campaign):
    client.force_login(olga)
    text = _text(client.get(reverse("emulation:campaign-list")).content.decode())
    assert "CCHC-2026" in text and "01/01/2026 – 31/12/2026" in text and "Đang triển khai" in text


def test_the_page_offers_the_plan_as_a_pdf_and_its_download_once_made(
    client, olga, campaign, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    page = reverse("emulation:campaign-detail", kwargs={"code": campaign.code})
    ask = reverse("documents:document-ask", args=["emulation.plan", campaign.pk])
    html = _page(client, olga, campaign)
    assert f'action="{ask}"' in html and "Tạo kế hoạch (PDF)" in html
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(ask, {"next": page}).status_code == 302
    with django_assert_max_num_queries(20):
        html = client.get(page).content.decode()
    assert "/tai-ve/" in html and "Kế hoạch (PDF)" in html and "Tạo kế hoạch (PDF)" not in html
