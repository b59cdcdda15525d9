"""Figure checks (emulation/figures.py): counts, ratios and the one-stop identities of DOMAIN.md §2."""

from decimal import Decimal

import pytest

from criteria.models import Indicator
from emulation.reports import figures as fig


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12", 12), (" 7 ", 7), (0, 0), (3.0, 3), ("", None), (None, None)],
)
def test_counts_accept_whole_numbers_and_blanks(raw, expected):
    assert fig.parse_count(raw) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("mười", "không phải là số"),
        ("-3", "Không được là số âm"),
        (-1, "Không được là số âm"),
        ("2,5", "Phải là số nguyên"),
        (2.5, "Phải là số nguyên"),
        ("1.000", "Phải là số nguyên"),
        (True, "số nguyên"),
    ],
)
def test_counts_refuse_text_negatives_and_decimals(raw, message):
    with pytest.raises(fig.FigureError, match=message):
        fig.parse_count(raw)


def test_scores_accept_a_comma_and_at_most_two_decimals():
    assert fig.parse_decimal("7,5") == Decimal("7.50")
    with pytest.raises(fig.FigureError, match="tối đa 2 chữ số"):
        fig.parse_decimal("7,125")


def _indicator(**kw) -> Indicator:
    base = dict(
        code="1.2a", kind="ratio", measure="percent", points=Decimal(5), target=Decimal(100), figure_source="manual"
    )
    return Indicator(**{**base, **kw})


def test_numerator_above_denominator_is_refused_with_both_numbers():
    problems = fig.Problems()
    fig.clean_entry(_indicator(), {"numerator": "12", "denominator": "10"}, problems)
    assert problems.errors == {("1.2a", "numerator"): "Tử số (12) không được lớn hơn mẫu số (10)."}


def test_self_score_above_points_is_refused():
    problems = fig.Problems()
    fig.clean_entry(
        _indicator(code="1.1", kind="qualitative", measure="score", points=Decimal(10)),
        {"self_score": "11", "explanation": "x"},
        problems,
    )
    assert problems.errors[("1.1", "self_score")] == "Điểm tự chấm phải từ 0 đến 10."


GOOD_ONE_STOP = dict(
    received=120,
    received_online=80,
    received_direct=30,
    carried_over=10,
    resolved=100,
    resolved_ahead=40,
    resolved_on_time=58,
    resolved_late=2,
    in_progress=20,
    in_progress_within=18,
    in_progress_overdue=2,
)


def test_consistent_one_stop_counts_give_the_dossier_ratios():
    problems = fig.Problems()
    counts = fig.clean_one_stop({k: str(v) for k, v in GOOD_ONE_STOP.items()}, problems)
    assert not problems
    assert fig.derive_from_one_stop(_indicator(figure_source="one_stop_on_time"), counts) == (98, 100)
    assert fig.derive_from_one_stop(_indicator(figure_source="one_stop_ahead"), counts) == (40, 100)


@pytest.mark.parametrize(
    ("change", "field", "identity"),
    [
        (
            {"received_online": 81},
            "received",
            "Tổng tiếp nhận = trực tuyến + trực tiếp, bưu chính + kỳ trước chuyển qua",
        ),
        ({"resolved_late": 3}, "resolved", "Tổng đã giải quyết = trước hạn + đúng hạn + quá hạn"),
        ({"in_progress_overdue": 1}, "in_progress", "Tổng đang giải quyết = trong hạn + quá hạn"),
    ],
)
def test_each_broken_identity_is_named(change, field, identity):
    problems = fig.Problems()
    fig.clean_one_stop({**GOOD_ONE_STOP, **change}, problems)
    assert identity in problems.errors[("one_stop", field)]


def test_received_must_equal_resolved_plus_in_progress():
    counts = {**GOOD_ONE_STOP, "received": 130, "carried_over": 20}
    problems = fig.Problems()
    fig.clean_one_stop(counts, problems)
    assert "Tổng tiếp nhận = tổng đã giải quyết + tổng đang giải quyết" in problems.errors[("one_stop", "received")]


def test_a_zero_denominator_is_no_data_not_a_percentage():
    assert fig.percent(0, 0) is None
    assert fig.percent(99, 100) == Decimal("99.00")
    assert fig.percent(2, 3) == Decimal("66.67")
