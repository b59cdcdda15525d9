"""Bad thresholds typed in the admin get a Vietnamese error and save nothing."""

import re

import pytest
from django.urls import reverse

from criteria.models import Criterion, Indicator


def _indicator_form(indicator: Indicator, **changes) -> dict:
    data = {
        "criterion": indicator.criterion_id,
        "code": indicator.code,
        "order": indicator.order,
        "name": indicator.name,
        "kind": indicator.kind,
        "measure": indicator.measure,
        "figure_source": indicator.figure_source,
        "numerator_label": indicator.numerator_label,
        "denominator_label": indicator.denominator_label,
        "target": indicator.target or "",
        "comparison": indicator.comparison,
        "points": indicator.points,
        "scoring_rule": indicator.scoring_rule,
        "floor": indicator.floor or "",
        "baseline": indicator.baseline or "",
    }
    return {**data, **changes}


@pytest.fixture
def on_time(campaign) -> Indicator:
    return Indicator.objects.get(campaign=campaign, code="1.3c")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target": "101"}, "Chỉ tiêu tỷ lệ phải nằm trong khoảng 0–100%."),
        # The portal's one number parser refuses a sign before the model's rules are asked.
        ({"target": "-1"}, "Không được là số âm."),
        ({"points": "-5"}, "Không được là số âm."),
        ({"floor": "99.5"}, "Ngưỡng sàn không được cao hơn chỉ tiêu phấn đấu."),
        ({"code": "1.2a"}, "Phong trào này đã có một chỉ tiêu cùng mã."),
        ({"measure": "count"}, "Đơn vị đo không phù hợp với loại chỉ tiêu."),
        ({"denominator_label": ""}, "Chỉ tiêu tỷ lệ cần ghi rõ tử số và mẫu số."),
    ],
    ids=[
        "target-above-100",
        "target-negative",
        "negative-points",
        "floor-above-target",
        "duplicate-code",
        "measure-for-kind",
        "ratio-without-denominator",
    ],
)
def test_bad_indicator_edit_is_refused_and_nothing_saved(client, ada, on_time, changes, message):
    client.force_login(ada)
    url = reverse("admin:criteria_indicator_change", args=[on_time.pk])
    response = client.post(url, _indicator_form(on_time, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    on_time.refresh_from_db()
    assert (on_time.code, on_time.target, on_time.points, on_time.floor) == ("1.3c", 99, 10, None)


def test_good_indicator_edit_is_saved_and_kept_in_history(client, ada, on_time):
    client.force_login(ada)
    url = reverse("admin:criteria_indicator_change", args=[on_time.pk])
    response = client.post(url, _indicator_form(on_time, target="97.5", floor="50"))
    assert response.status_code == 302
    on_time.refresh_from_db()
    assert on_time.target == pytest.approx(97.5) and on_time.floor == 50
    latest = on_time.history.first()
    assert latest.history_user == ada and latest.target == on_time.target


def test_two_indicators_given_one_code_in_one_submission_are_refused(client, ada, campaign):
    criterion = Criterion.objects.get(campaign=campaign, code="1.4")
    existing = list(criterion.indicators.all())
    client.force_login(ada)
    prefix = "indicators"
    data = {
        "campaign": campaign.pk,
        "code": criterion.code,
        "name": criterion.name,
        "description": criterion.description,
        "order": criterion.order,
        f"{prefix}-TOTAL_FORMS": len(existing),
        f"{prefix}-INITIAL_FORMS": len(existing),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for n, indicator in enumerate(existing):
        row = {
            "id": indicator.pk,
            "criterion": criterion.pk,
            "code": "1.4z" if n < 2 else indicator.code,
            "order": indicator.order,
            "name": indicator.name,
            "numerator_label": indicator.numerator_label,
            "denominator_label": indicator.denominator_label,
        }
        data.update({f"{prefix}-{n}-{key}": value for key, value in row.items()})
    response = client.post(reverse("admin:criteria_criterion_change", args=[criterion.pk]), data)
    assert response.status_code == 200
    assert "Mã chỉ tiêu 1.4z bị trùng" in response.content.decode()
    assert not Indicator.objects.filter(code="1.4z").exists()


def test_a_threshold_change_applies_from_the_chosen_month(client, ada, on_time):
    from datetime import date

    from criteria.models import IndicatorVersion

    client.force_login(ada)
    url = reverse("admin:criteria_indicator_change", args=[on_time.pk])
    response = client.post(url, _indicator_form(on_time, target="97", effective_from="07/2026"))
    assert response.status_code == 302
    versions = {v.valid_from: v.target for v in IndicatorVersion.objects.filter(indicator=on_time)}
    assert versions == {date(2026, 1, 1): 99, date(2026, 7, 1): 97}
    assert IndicatorVersion.objects.get(valid_from=date(2026, 7, 1), indicator=on_time).created_by == ada
    bad = client.post(url, _indicator_form(on_time, target="96", effective_from="01/2027"))
    assert "Tháng áp dụng phải nằm trong thời gian của phong trào." in bad.content.decode()
    assert IndicatorVersion.objects.filter(indicator=on_time).count() == 2


def test_a_criterion_code_is_unique_in_its_campaign(client, ada, campaign):
    client.force_login(ada)
    data = {
        "campaign": campaign.pk,
        "code": "1.1",
        "name": "Trùng mã",
        "description": "",
        "order": 9,
        "indicators-TOTAL_FORMS": 0,
        "indicators-INITIAL_FORMS": 0,
        "indicators-MIN_NUM_FORMS": 0,
        "indicators-MAX_NUM_FORMS": 1000,
    }
    response = client.post(reverse("admin:criteria_criterion_add"), data)
    assert response.status_code == 200
    assert "Phong trào này đã có một tiêu chí cùng mã." in response.content.decode()
    assert Criterion.objects.filter(campaign=campaign, code="1.1").count() == 1


def test_database_refuses_a_percent_target_above_100_even_without_a_form(campaign):
    from django.db import IntegrityError, transaction

    indicator = Indicator.objects.get(campaign=campaign, code="1.2a")
    indicator.target = 150
    with pytest.raises(IntegrityError), transaction.atomic():
        indicator.save()


def test_the_admin_previews_how_points_and_ranks_would_move_before_saving(client, ada, sam, campaign):
    """VP 9/10 and KTHTDT 19/20 on 1.2a in January (their only figures). Target 100%: VP 4,50 (90%,
    rank 2), KTHTDT 4,75 (95%, rank 1). Target 90%: both 5,00 (100%) and share rank 1. Nothing saved."""
    from datetime import date

    from emulation.models import MonthlyReport
    from emulation.reports import services
    from units.models import Unit

    for code, figures in (("VP", ("9", "10")), ("KTHTDT", ("19", "20"))):
        report = services.report_open(
            campaign=campaign, unit=Unit.objects.get(code=code), month=date(2026, 1, 1), actor=sam
        )
        services.report_save_figures(
            report=report, actor=sam, entries={"1.2a": {"numerator": figures[0], "denominator": figures[1]}}
        )
        MonthlyReport.objects.filter(pk=report.pk).update(status="accepted")
    indicator = Indicator.objects.get(campaign=campaign, code="1.2a")
    client.force_login(ada)
    url = reverse("admin:criteria_indicator_preview", args=[indicator.pk])
    page = client.post(url, _indicator_form(indicator, target="90", effective_from="01/2026")).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Nếu áp dụng từ tháng 01/2026" in text
    # The rows whose points or rank move are marked (and shaded), the others not.
    assert "2 đơn vị thay đổi điểm hoặc thứ hạng" in text
    assert "VP (thay đổi) 4,50 5,00 90,00 100,00 2 1 (lên)" in text
    assert "KTHTDT (thay đổi) 4,75 5,00 95,00 100,00 1 1" in text
    assert "VHXH 0,00 0,00 — — — —" in text and page.count('class="preview-moves"') == 2
    indicator.refresh_from_db()
    assert indicator.target == 100 and indicator.versions.count() == 1
    assert client.get(url).status_code == 404  # a preview is asked with the typed values, by POST
