"""Score pages: one indicator score explained, and the ward overview (ranking, heatmap, under target).

Hand-computed figures (1.2a ratio, target 100, 5 points; 1.5c rising count, 5 points; 1.1
qualitative, 10 points, met at 8), campaign CCHC-2026, every report accepted by sam:

    unit     month  1.2a    1.5c  1.1      total (Feb)         rank Jan → Feb
    VP       01     9/10    100   8
    VP       02     10/20   120   9        2,5 + 5 + 9 = 16,5/20 = 82,5%    1 → 1
    KTHTDT   01     10/10   50    7.5
    KTHTDT   02     8/10    40    10       4 + 0 + 10 = 14/20 = 70%         1 → 2
    VHXH     01     1/2     —     5        no February report: not ranked   3 → —

VP, quarter 1, 1.2a: (9 + 10) / (10 + 20) = 63,33% < 100 → 5 × 63,33 / 100 = 3,17 points.
"""

import re
from datetime import date
from decimal import Decimal
from decimal import Decimal as D

import pytest
from django.urls import reverse

from emulation.models import IndicatorScore, MonthlyReport
from emulation.scores.services import scores_recompute
from emulation.tests.conftest import ACCEPTED_AT, FEB, JAN, accepted_report, score_url


def explain(client, user, url):
    client.force_login(user)
    return client.get(url)


def overview(client, user, campaign, ky=None):
    client.force_login(user)
    url = reverse("emulation:score-overview", kwargs={"code": campaign.code})
    return client.get(url, {"ky": ky} if ky is not None else {})


# ---------------------------------------------------------------- explain


def test_explain_ratio_quarter_shows_sums_formula_and_acceptance(client, scored, alice):
    response = explain(client, alice, score_url(scored, "VP", "1.2a", "2026-Q1"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Σ tử số / Σ mẫu số = 19 / 30 = 63,33%" in page
    # The exact value (19/30 = 63,333…%) and quotient (3,1666…), cut to 4 decimals, then the points stored.
    assert "Chưa đạt: 5 × 63,3333 / 100 = 3,1666 → 3,17 điểm" in page
    assert "<strong>3,17</strong> / tối đa 5 điểm" in page
    assert "Phiên bản chỉ tiêu áp dụng từ tháng 01/2026" in page
    jan = MonthlyReport.objects.get(unit__code="VP", month=JAN)
    feb = MonthlyReport.objects.get(unit__code="VP", month=FEB)
    for report in (jan, feb):
        assert reverse("emulation:report-detail", kwargs={"pk": report.pk}) in page
    assert page.count("04/03/2026 09:30") == 2  # who accepted each month, and when
    assert page.count("Sam") >= 2
    assert ">90%<" in page and ">50%<" in page  # each month's ratio


def test_explain_rising_shows_previous_period(client, scored, sam):
    page = explain(client, sam, score_url(scored, "VP", "1.5c", "2026-02")).content.decode()
    assert "So với kỳ trước: Tháng 01/2026" in page
    assert "Kỳ này 120 so với kỳ trước 100: cao hơn → đủ điểm; được 5 điểm" in page
    assert 'id="so-lieu-ky-truoc"' in page


def test_explain_qualitative_met(client, scored, chris):
    page = explain(client, chris, score_url(scored, "KTHTDT", "1.1", "2026-Q1")).content.decode()
    assert "Trung bình điểm thẩm định = (7,5 + 10) / 2 = 8,75 điểm" in page
    assert 'badge text-bg-success">Đạt' in page


def test_explain_other_units_score_is_hidden_from_a_unit_head(client, scored, alice, bob, olga):
    kthtdt = score_url(scored, "KTHTDT", "1.2a", "2026-02")
    assert explain(client, alice, kthtdt).status_code == 404
    assert explain(client, bob, kthtdt).status_code == 200
    assert explain(client, olga, kthtdt).status_code == 404
    client.force_login(alice)
    vp, indicator = scored.participants.get(code="VP"), scored.indicators.get(code="1.2a")
    missing = reverse(
        "emulation:score-explain", kwargs={"unit_id": vp.pk, "indicator_id": indicator.pk, "period": "2031-01"}
    )
    assert client.get(missing).status_code == 404


# ---------------------------------------------------------------- overview


def test_overview_defaults_to_latest_month_with_ranking_and_movement(client, scored, sam):
    response = overview(client, sam, scored)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Điểm thi đua: Tháng 02/2026" in page
    ranking = [(r.unit.code, r.row.rank if r.row else None, r.movement) for r in response.context["ranking"]]
    assert ranking[:3] == [("VP", 1, "—"), ("KTHTDT", 2, "↓1"), ("VHXH", None, "—")]
    assert "16,5" in page and "82,50%" in page and "70,00%" in page
    assert "giảm 1 bậc" in page


def test_overview_heatmap_cells_in_words_and_linked(client, scored, sam):
    response = overview(client, sam, scored, "2026-02")
    cells = {
        (row.unit.code, cell.code): (cell.label, cell.value)
        for row in response.context["heatmap"]
        for cell in row.cells
    }
    assert cells["VP", "1.2a"] == ("Chưa đạt", "50%")
    assert cells["VP", "1.1"] == ("Đạt", "9 điểm")
    assert cells["KTHTDT", "1.5c"] == ("Chưa đạt", "40")
    assert cells["VHXH", "1.2a"] == ("Không có số liệu", "")
    page = response.content.decode()
    assert score_url(scored, "KTHTDT", "1.5c", "2026-02") in page
    under = {row.unit.code: [i.code for i in row.not_met] for row in response.context["under_target"]}
    assert under == {"VP": ["1.2a"], "KTHTDT": ["1.2a", "1.5c"]}


def test_unit_head_sees_every_rank_but_only_own_heatmap(client, scored, alice, olga):
    response = overview(client, alice, scored, "2026-02")
    assert response.status_code == 200
    assert [row.unit.code for row in response.context["heatmap"]] == ["VP"]
    assert {r.unit.code for r in response.context["ranking"]} >= {"VP", "KTHTDT", "VHXH"}
    page = response.content.decode()
    assert 'id="o-KTHTDT"' not in page and 'id="hang-KTHTDT"' in page
    assert score_url(scored, "KTHTDT", "1.2a", "2026-02") not in page
    assert overview(client, olga, scored).status_code == 404


def test_overview_quarter_and_year_to_date(client, scored, sam):
    response = overview(client, sam, scored, "2026-Q1")
    assert response.context["period"].key == "2026-Q1" and not response.context["compares_month"]
    cells = {(r.unit.code, c.code): c.value for r in response.context["heatmap"] for c in r.cells}
    assert cells["VP", "1.2a"] == "63,33%"
    assert overview(client, sam, scored, "2026-YTD").context["period"].key == "2026-YTD-02"


@pytest.mark.parametrize(
    ("ky", "message"),
    [("2026-13", "Tháng không hợp lệ"), ("abc", "không hợp lệ"), ("2031", "nằm ngoài thời gian")],
)
def test_overview_bad_period_is_a_message(client, scored, sam, ky, message):
    response = overview(client, sam, scored, ky)
    assert response.status_code == 200
    assert message in response.context["error"]
    assert response.context["period"].key == "2026-02"  # falls back to the latest month


def test_overview_without_accepted_reports(client, campaign, sam):
    response = overview(client, sam, campaign)
    assert response.status_code == 200
    assert "Chưa có báo cáo tháng nào được chấp nhận" in response.content.decode()


@pytest.mark.parametrize(("units", "months"), [(2, 1), (5, 6)])
@pytest.mark.parametrize("persona", ["sam", "alice"])
def test_overview_queries_do_not_grow(
    client, campaign, ward, personas, units, months, persona, django_assert_max_num_queries
):
    for code in list(ward.units)[:units]:
        for month in range(1, months + 1):
            accepted_report(
                campaign,
                ward.units[code],
                date(2026, month, 1),
                personas["sam"],
                ratio=(month, 10),
                count=month,
                accepted_at=ACCEPTED_AT,
            )
    scores_recompute(campaign=campaign)
    client.force_login(personas[persona])
    # 13: the page's 12, and the ranking document's state for the ward-wide roles (documents' partial).
    with django_assert_max_num_queries(13):
        response = client.get(reverse("emulation:score-overview", kwargs={"code": campaign.code}))
    assert response.status_code == 200
    assert response.context["period"].key == f"2026-{months:02d}"


def test_explain_uses_the_thresholds_in_force_not_todays(client, sam, campaign, ward):
    """1.2a at 9/10 in January scored under the 100% target (4,50 points). The target later drops to
    90% from July: January's explanation still shows 100% and its version."""
    from datetime import date

    from criteria.services import indicator_version_record
    from emulation.models import IndicatorScore
    from emulation.scores.services import scores_recompute

    accepted_report(campaign, ward.units["VP"], date(2026, 1, 1), sam, ratio=(9, 10))
    indicator = campaign.indicators.get(code="1.2a")
    indicator.target = Decimal("90")
    indicator.save()
    indicator_version_record(indicator=indicator, valid_from=date(2026, 7, 1))
    scores_recompute(campaign=campaign)
    score = IndicatorScore.objects.get(unit__code="VP", indicator=indicator, period="2026-01")
    client.force_login(sam)
    text = " ".join(re.sub(r"<[^>]+>", " ", client.get(score.get_absolute_url()).content.decode()).split())
    assert "áp dụng từ tháng 01/2026" in text and "4,5" in text
    assert "100%" in text and "90%" in text  # the target in force, and the 90% value
    assert "≥ 90%" not in text and "Đạt chỉ tiêu: 90%" not in text


@pytest.mark.parametrize(
    ("reason", "value", "met", "points", "expected"),
    [
        ("met", "99.50", True, "10", "Đạt (99,5% ≥ 99%): đủ 10 điểm"),
        ("floor", "60", False, "0", "Dưới ngưỡng sàn (60% < 70%): 0 điểm"),
        ("all_or_nothing", "98", False, "0", "Chưa đạt (98%, chỉ tiêu ≥ 99%): 0 điểm"),
        ("proportional", "90", False, "9.09", "Chưa đạt: 10 × 90 / 99 = 9,0909 → 9,09 điểm"),
        ("proportional", "98.99", False, "10", "Chưa đạt: 10 × 98,99 / 99 = 9,9989 → 10,00 điểm"),
        ("proportional", "49", False, "4.95", "Chưa đạt: 10 × 49 / 99 = 4,9494 → 4,95 điểm"),
        ("no_target", "90", None, "10", "Không có chỉ tiêu phấn đấu: đủ 10 điểm"),
    ],
)
def test_the_points_formula_follows_the_branch_scoring_took(reason, value, met, points, expected):
    from criteria.models import Indicator
    from emulation.scores.explain import points_formula

    indicator = Indicator(
        code="x", kind="ratio", measure="percent", points=D(10), target=D(99), floor=D(70), comparison="gte"
    )
    score = IndicatorScore(value=D(value), has_data=True, met=met, points=D(points), reason=reason)
    assert points_formula(score, indicator) == expected


def test_the_points_formula_shows_the_exact_quotient_of_the_exact_value():
    """At most 5 days, 22/3 = 7,333… days: 10 × 5 / 7,3333 = 6,8181… → 6,82 from the exact value, not from
    the stored 7,33 (which would give 6,8212…). A value that no longer rounds to the stored one (figures changed
    since the score was computed) is not used: the stored value is."""
    from fractions import Fraction

    from criteria.models import Indicator
    from emulation.scores.explain import points_formula

    at_most = Indicator(code="x", kind="ratio", measure="count", points=D(10), target=D(5), comparison="lte")
    score = IndicatorScore(value=D("7.33"), has_data=True, met=False, points=D("6.82"), reason="at_most")
    assert points_formula(score, at_most, Fraction(22, 3)) == "Chưa đạt: 10 × 5 / 7,3333 = 6,8181 → 6,82 điểm"
    assert points_formula(score, at_most, Fraction(8)) == "Chưa đạt: 10 × 5 / 7,33 = 6,8212 → 6,82 điểm"
    nothing = IndicatorScore(value=D("0"), has_data=True, met=False, points=D("0"), reason="at_most")
    zero_target = Indicator(code="y", kind="ratio", measure="count", points=D(10), target=D(0), comparison="lte")
    assert points_formula(nothing, zero_target) == "Chưa đạt: 10 × 0 / 0 → 0,00 điểm"  # no division by zero


def test_the_unrounded_points_round_to_the_points_scoring_stored():
    """For every ratio k/37 under a 99% target, the quotient shown (cut to 4 decimals) is the one scoring rounded."""
    import re as regex
    from decimal import ROUND_HALF_UP
    from fractions import Fraction

    from criteria.models import Indicator
    from emulation.scores import scoring
    from emulation.scores.explain import points_formula

    rule = scoring.Rule(kind="ratio", measure="percent", points=D(10), scoring_rule="proportional", target=D(99))
    indicator = Indicator(code="x", kind="ratio", measure="percent", points=D(10), target=D(99), comparison="gte")
    for k in range(1, 37):
        result = scoring.score_sums(rule, scoring.Sums(k, 37))
        exact = Fraction(100 * k, 37)
        score = IndicatorScore(value=result.value, has_data=True, met=False, points=result.points, reason=result.reason)
        shown = regex.search(r"= ([0-9,]+) → ([0-9,]+) điểm$", points_formula(score, indicator, exact))
        quotient, points = (D(x.replace(",", ".")) for x in shown.groups())
        assert quotient <= 10 * exact / 99 < quotient + D("0.0001"), k
        assert points == result.points.quantize(D("0.01"), rounding=ROUND_HALF_UP), k


def test_every_scoring_branch_has_its_formula():
    """A branch added to scoring without its sentence on the explain page fails here."""
    from criteria.models import Indicator
    from emulation.scores import scoring
    from emulation.scores.explain import points_formula

    indicator = Indicator(code="x", kind="ratio", measure="percent", points=D(10), target=D(99), floor=D(70))
    for reason in scoring.REASONS:
        score = IndicatorScore(value=D(50), has_data=True, met=False, points=D(0), compared_with=D(40), reason=reason)
        assert "lần tính điểm tới" not in points_formula(score, indicator), reason


def test_an_explain_link_still_works_after_a_recompute_changes_the_score(scored, ward, sam, client):
    """The link names the unit, indicator and period, not a row number (a recompute rewrites the row)."""
    score = IndicatorScore.objects.get(campaign=scored, unit__code="VP", indicator__code="1.2a", period="2026-01")
    link = score.get_absolute_url()
    MonthlyReport.objects.filter(unit=ward.units["VP"], month=date(2026, 1, 1)).first().entries.filter(
        indicator__code="1.2a"
    ).update(numerator=10)
    scores_recompute(campaign=scored)
    assert (score.met, IndicatorScore.objects.get(pk=score.pk).met) == (False, True)  # the row was rewritten
    client.force_login(sam)
    page = client.get(link)
    assert page.status_code == 200 and "Đạt" in page.content.decode()


def test_overview_queries_stay_bounded_for_an_account_without_an_official_record(
    scored, client, django_assert_max_num_queries
):
    """The menu asks the profile rule alone: a refused rule must not fall through to the auth backends."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from core.roles import Role

    clerk = get_user_model().objects.create_user("thu-ky")
    clerk.groups.add(Group.objects.get(name=Role.SECRETARIAT.group_name))
    client.force_login(clerk)
    url = reverse("emulation:score-overview", kwargs={"code": scored.code})
    client.get(url)
    with django_assert_max_num_queries(13):  # and the ranking document's state (documents' partial)
        page = client.get(url).content.decode()
    assert "Thông tin cá nhân" not in page and "Xếp hạng" in page


# ---------------------------------------------------------------- the menu


@pytest.mark.parametrize(
    ("url", "item"),
    [
        (lambda c: reverse("core:home"), "Trang chủ"),
        (lambda c: reverse("emulation:campaign-list"), "Phong trào thi đua"),
        (lambda c: reverse("emulation:campaign-detail", kwargs={"code": c.code}), "Phong trào thi đua"),
        (lambda c: reverse("emulation:score-overview", kwargs={"code": c.code}), "Phong trào thi đua"),
        # Its path holds /don-vi/, the units list's own path: the menu must not light both.
        (lambda c: reverse("emulation:score-unit", kwargs={"code": c.code, "unit_code": "VP"}), "Phong trào thi đua"),
        (lambda c: reverse("units:unit-list"), "Đơn vị"),
        (lambda c: reverse("units:unit-detail", kwargs={"code": "VP"}), "Đơn vị"),
    ],
    ids=["home", "campaigns", "campaign", "score-overview", "score-unit", "units", "unit"],
)
def test_one_menu_item_is_highlighted_the_section_of_the_page(client, scored, sam, url, item):
    client.force_login(sam)
    response = client.get(url(scored))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="nav-link active"') == 1
    active = re.search(r'<a class="nav-link active"[^>]*>(.*?)</a>', html, re.S)[1]
    assert " ".join(re.sub(r"<[^>]+>", " ", active).split()) == item


@pytest.mark.parametrize("name", ["core:notification-list", "units:own-profile"])
def test_a_page_of_no_menu_section_highlights_none(client, scored, sam, name):
    client.force_login(sam)
    assert client.get(reverse(name)).content.decode().count('class="nav-link active"') == 0
