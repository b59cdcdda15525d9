"""Award money rounded up to 10,000 đồng at its edges; a council's quorum and pass rule over all members."""

from decimal import Decimal
from fractions import Fraction

import pytest

from awards.catalogue.rules import RuleValueInvalid, in_force, rule_value
from awards.catalogue.tally import approval_ratio, passes, quorum_met
from awards.decisions.money import award_money

BASE = 2_340_000


@pytest.mark.parametrize(
    ("coefficient", "collective", "expected"),
    [
        (Decimal("0.3"), False, 710_000),  # 702,000 → up to 710,000
        (Decimal("0.3"), True, 1_410_000),  # 1,404,000 → 1,410,000: twice the coefficient, rounded once
        (Decimal("1.0"), False, 2_340_000),  # already a multiple: unchanged
        (Decimal("0.8"), True, 3_750_000),  # 3,744,000 → 3,750,000
        (Decimal("0"), False, 0),
    ],
)
def test_money_is_the_coefficient_times_the_base_salary_rounded_up(coefficient, collective, expected):
    assert (
        award_money(coefficient=coefficient, base_salary=BASE, collective=collective, factor=2, round_to=10_000)
        == expected
    )


def test_money_rounds_up_by_a_single_dong_and_not_at_all_on_the_mark():
    assert (
        award_money(coefficient=Decimal("1"), base_salary=1_000_001, collective=False, factor=2, round_to=10_000)
        == 1_010_000
    )
    assert (
        award_money(coefficient=Decimal("1"), base_salary=1_000_000, collective=False, factor=2, round_to=10_000)
        == 1_000_000
    )
    assert (
        award_money(coefficient=Decimal("0.01"), base_salary=1, collective=False, factor=2, round_to=10_000) == 10_000
    )


@pytest.mark.parametrize(
    ("present", "total", "met"),
    [(6, 9, True), (5, 9, False), (2, 3, True), (0, 3, False), (7, 10, True), (6, 10, False)],
)
def test_quorum_is_two_thirds_of_all_members_exactly(present, total, met):
    assert quorum_met(present=present, total=total, quorum=Fraction(2, 3)) is met


@pytest.mark.parametrize(("yes", "total", "passed"), [(5, 9, True), (4, 9, False), (5, 10, False), (6, 10, True)])
def test_a_nominee_passes_with_yes_over_half_of_all_members(yes, total, passed):
    assert passes(yes=yes, total=total, share=Fraction(1, 2)) is passed
    assert approval_ratio(yes=yes, total=total) == Fraction(yes, total)


def test_a_rule_in_force_is_the_latest_on_or_before_the_day():
    from datetime import date

    rows = [
        ("money.base_salary", date(2023, 7, 1), "1800000"),
        ("money.base_salary", date(2024, 7, 1), "2340000"),
    ]
    assert in_force(rows, date(2024, 6, 30))["money.base_salary"] == "1800000"
    assert in_force(rows, date(2024, 7, 1))["money.base_salary"] == "2340000"
    assert in_force([], date(2026, 1, 1))["council.quorum"] == "2/3"  # the default when no row


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("council.quorum", "0,6667x", "không phải là một phần"),
        ("council.quorum", "3/2", "không quá 1"),
        ("council.pass", "1/0", "không phải là một phần"),
        ("money.base_salary", "2.340.000", "không có dấu phân cách"),
        ("money.base_salary", "0", "lớn hơn 0"),
        ("law.decree", "  ", "Cần ghi nội dung"),
    ],
)
def test_a_rule_value_is_refused_with_a_clear_message(key, text, message):
    with pytest.raises(RuleValueInvalid, match=message):
        rule_value(key, text)
