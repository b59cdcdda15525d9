"""Bad thresholds typed in the admin get a Vietnamese error and save nothing."""

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
        ({"target": "-1"}, "Chỉ tiêu tỷ lệ phải nằm trong khoảng 0–100%."),
        ({"points": "-5"}, "Điểm tối đa không được âm."),
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


def test_two_new_indicators_with_one_code_in_one_submission_are_refused(client, ada, campaign):
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
        f"{prefix}-TOTAL_FORMS": len(existing) + 2,
        f"{prefix}-INITIAL_FORMS": len(existing),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    rows = [_indicator_form(i, id=i.pk) for i in existing]
    new = {
        "code": "1.4z",
        "order": 9,
        "name": "Chỉ tiêu mới",
        "kind": "ratio",
        "measure": "percent",
        "figure_source": "manual",
        "numerator_label": "Tử",
        "denominator_label": "Mẫu",
        "target": "50",
        "comparison": "gte",
        "points": "1",
        "scoring_rule": "proportional",
        "floor": "",
        "baseline": "",
    }
    rows += [dict(new), dict(new)]
    for n, row in enumerate(rows):
        row.pop("criterion", None)
        data.update({f"{prefix}-{n}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{n}-criterion"] = criterion.pk
    response = client.post(reverse("admin:criteria_criterion_change", args=[criterion.pk]), data)
    assert response.status_code == 200
    assert "Mã chỉ tiêu 1.4z bị trùng" in response.content.decode()
    assert not Indicator.objects.filter(code="1.4z").exists()


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
