"""The scoring rules of DOMAIN.md §3, one by one, with figures computed by hand."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from emulation.scores.scoring import MonthFigures as M
from emulation.scores.scoring import Rule, rank, round2, score_indicator, total

ON_TIME = Rule(kind="ratio", measure="percent", points=D(10), scoring_rule="proportional", target=D(99))
ONLINE = Rule(kind="ratio", measure="percent", points=D(5), scoring_rule="proportional", target=D(80))
AHEAD = Rule(kind="rising", measure="percent", points=D(3), scoring_rule="rising")
ONLINE_COUNT = Rule(kind="rising", measure="count", points=D(5), scoring_rule="rising")
INNOVATION = Rule(kind="qualitative", measure="score", points=D(10), scoring_rule="appraised", target=D(8))


def test_a_period_ratio_is_the_sum_of_numerators_over_the_sum_of_denominators():
    # 9/10 and 1/90: the mean of percentages would be 45.56%; Σ/Σ is 10/100 = 10%.
    score = score_indicator(ONLINE, [M(9, 10), M(1, 90)])
    assert score.value == D("10.00")
    assert score.points == D("0.63")  # 5 × 10 / 80 = 0.625 → half up


def test_meeting_the_target_earns_full_points():
    score = score_indicator(ON_TIME, [M(99, 100)])
    assert (score.value, score.met, score.points, score.max_points) == (D("99.00"), True, D("10.00"), D(10))


def test_below_target_earns_points_times_value_over_target():
    score = score_indicator(ON_TIME, [M(2, 3)])  # 66.666…% → 10 × 66.666…/99 = 6.7340…
    assert (score.value, score.met, score.points) == (D("66.67"), False, D("6.73"))


def test_below_the_floor_earns_nothing():
    rule = replace(ON_TIME, floor=D(70))
    assert score_indicator(rule, [M(69, 100)]).points == D("0.00")
    assert score_indicator(rule, [M(70, 100)]).points == D("7.07")  # 10 × 70/99 = 7.0707


def test_a_zero_denominator_is_no_data_and_leaves_the_maximum():
    score = score_indicator(ON_TIME, [M(0, 0), M(0, 0)])
    assert (score.value, score.has_data, score.points, score.max_points) == (None, False, D(0), D(0))


def test_rising_compares_with_the_previous_period():
    assert score_indicator(AHEAD, [M(41, 100)], previous=[M(40, 100)]).points == D("3.00")
    equal = score_indicator(AHEAD, [M(40, 100)], previous=[M(2, 5)])
    assert (equal.met, equal.points, equal.compared_with) == (False, D("0.00"), D("40.00"))


def test_rising_falls_back_to_the_baseline_then_to_no_data():
    rule = replace(ONLINE_COUNT, baseline=D(100))
    with_baseline = score_indicator(rule, [M(value=D(60)), M(value=D(50))], previous=[])
    assert (with_baseline.value, with_baseline.met, with_baseline.compared_with) == (D("110.00"), True, D("100.00"))
    none = score_indicator(ONLINE_COUNT, [M(value=D(60))], previous=[])
    assert (none.value, none.has_data, none.max_points) == (D("60.00"), False, D(0))


def test_qualitative_points_are_the_appraised_score_and_met_at_the_target():
    assert score_indicator(INNOVATION, [M(appraised_score=D("7.5"))]).met is False
    quarter = score_indicator(INNOVATION, [M(appraised_score=D(8)), M(appraised_score=D(9)), M(appraised_score=D(9))])
    assert (quarter.value, quarter.points, quarter.met) == (D("8.67"), D("8.67"), True)


def test_all_or_nothing_and_at_most_rules():
    strict = replace(ON_TIME, scoring_rule="all_or_nothing")
    assert score_indicator(strict, [M(98, 100)]).points == D("0.00")
    late = Rule(
        kind="ratio", measure="percent", points=D(4), scoring_rule="proportional", target=D(2), comparison="lte"
    )
    assert score_indicator(late, [M(1, 100)]).points == D("4.00")
    assert score_indicator(late, [M(3, 100)]).points == D("2.67")  # 4 × 2/3


def test_total_sums_rounded_points_and_the_score_is_total_over_maximum():
    scores = [
        score_indicator(ONLINE, [M(9, 10), M(1, 90)]),
        score_indicator(ON_TIME, [M(2, 3)]),
        score_indicator(ON_TIME, [M(0, 0)]),
    ]
    result = total(scores)
    assert (result.points, result.max_points) == (D("7.36"), D("15.00"))
    assert result.score == D("49.07")  # 7.36 / 15 = 49.0666…


def test_half_up_rounding_is_exact():
    assert round2(D("0.125")) == D("0.13") and round2(D("0.124999")) == D("0.12") and round2(D("2.675")) == D("2.68")


def test_ties_share_a_rank_and_the_next_skips():
    assert rank({"A": D("90"), "B": D("85.5"), "C": D("85.5"), "D": D("80"), "E": None}) == {
        "A": 1,
        "B": 2,
        "C": 2,
        "D": 4,
        "E": None,
    }


@pytest.mark.parametrize("months", [[], [M(None, None)]])
def test_no_accepted_month_is_no_data(months):
    assert score_indicator(ON_TIME, months).has_data is False


def test_one_percentage_everywhere_rounded_half_up():
    """1/4000 = 0.025%: half up gives 0.03 (Decimal's default half-even would give 0.02), and the
    report page's live percentage (figures.percent) is the score's."""
    from emulation.reports import figures
    from emulation.scores.scoring import percent

    assert percent(1, 4000) == D("0.03") and figures.percent(1, 4000) == D("0.03")
    assert percent(D("7.36"), D("15.00")) == D("49.07") and percent(5, 0) is None
    assert figures.percent(None, 10) is None and figures.percent(0, 0) is None
