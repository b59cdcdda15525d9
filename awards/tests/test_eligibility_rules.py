"""Eligibility rule by rule, on hand-made facts: each standard met or not, and why; "required" and "one of"."""

from datetime import date

import pytest

from awards.eligibility.rules import AwardFact, Facts, InitiativeFact, Standard, evaluate

START, END = date(2026, 1, 1), date(2026, 12, 31)
DISCIPLINE = Standard(
    "Thực hiện nghiêm kỷ luật, kỷ cương hành chính Nhà nước.", "required", "administrative-discipline"
)
LEADS = Standard("Dẫn đầu các phòng, đơn vị.", "one_of", "leads-ranking")
INITIATIVE = Standard("Có sáng kiến được công nhận và áp dụng.", "one_of", "has-initiative")
NOMINATED = Standard("Được đơn vị xét chọn, đề xuất.", "one_of", "nominated-by-unit")
IN_CHARGE = Standard("Trực tiếp tham mưu công tác CCHC.", "one_of", "cchc-in-charge")
CSTDCS = Standard("02 lần liên tục Chiến sĩ thi đua cơ sở.", "one_of", "two-consecutive-cstdcs")
COUNCIL_ONLY = Standard("Có 02 đề tài nghiên cứu khoa học được nghiệm thu.", "one_of", "")


def facts(**changes) -> Facts:
    base = dict(kind="collective", period_start=START, period_end=END, discipline="clear", participants=5)
    return Facts(**(base | changes))


def reasons(verdict) -> list[str]:
    return [f.reason for f in verdict.findings]


@pytest.mark.parametrize(
    ("discipline", "until", "eligible", "says"),
    [
        ("clear", None, True, "xác nhận không bị kỷ luật"),
        ("", None, False, "chưa xác nhận việc chấp hành kỷ luật"),
        ("disciplined", None, False, "đang trong thời gian bị kỷ luật"),
        ("investigated", None, False, "đang bị điều tra"),
        ("complaint", None, False, "khiếu nại, tố cáo"),
        ("clear", date(2026, 3, 31), False, "hết thời hạn ngày 31/03/2026"),
        ("clear", date(2025, 6, 30), True, "xác nhận không bị kỷ luật"),
    ],
)
def test_administrative_discipline_is_required_and_blocks(discipline, until, eligible, says):
    verdict = evaluate([DISCIPLINE], facts(discipline=discipline, discipline_until=until))
    assert verdict.eligible is eligible
    assert says in reasons(verdict)[0]


@pytest.mark.parametrize(("rank", "leads", "met"), [(1, 1, True), (2, 1, False), (2, 2, True), (None, 1, None)])
def test_leads_the_ranking_reads_the_rank_and_the_setting(rank, leads, met):
    verdict = evaluate([LEADS], facts(rank=rank, leads_up_to=leads, rank_label="cả năm 2026"))
    assert verdict.findings[0].met is met
    if rank is not None:
        assert f"xếp hạng {rank}/5 cả năm 2026" in verdict.findings[0].reason


def test_one_of_is_met_by_any_one_and_blocks_only_when_none_can_be():
    some = facts(rank=3, initiatives=(InitiativeFact("Một cửa không giấy", date(2026, 5, 4), "ward"),))
    verdict = evaluate([DISCIPLINE, LEADS, INITIATIVE], some)
    assert verdict.eligible and [f.met for f in verdict.findings] == [True, False, True]
    assert "“Một cửa không giấy” (công nhận ngày 04/05/2026)" in verdict.findings[2].reason
    none = evaluate([DISCIPLINE, LEADS, INITIATIVE], facts(rank=3))
    assert not none.eligible and "Không đạt tiêu chuẩn nào" in none.blocking[0].reason
    # A standard the council judges (no check code) keeps the group open: a warning, not a block.
    council = evaluate([DISCIPLINE, LEADS, COUNCIL_ONLY], facts(rank=3))
    assert council.eligible and council.warnings[-1].reason.startswith("Không có tiêu chí kiểm tra tự động")


def test_an_individual_nominated_by_the_unit_needs_the_minutes_votes():
    assert evaluate([NOMINATED], facts(kind="individual")).findings[0].met is False
    passed = evaluate([NOMINATED], facts(kind="individual", unit_yes=5, unit_members=7, unit_passed=True))
    assert passed.findings[0].met is True and "5/7 thành viên đồng ý" in passed.findings[0].reason
    failed = evaluate([NOMINATED], facts(kind="individual", unit_yes=3, unit_members=7, unit_passed=False))
    assert failed.findings[0].met is False and "Không đạt số phiếu" in failed.findings[0].reason


def test_in_charge_of_cchc_comes_from_the_position():
    yes = evaluate([IN_CHARGE], facts(kind="individual", in_charge_of_cchc=True, position="Công chức phụ trách CCHC"))
    assert yes.findings[0].met is True and "Công chức phụ trách CCHC" in yes.findings[0].reason
    assert evaluate([IN_CHARGE], facts(kind="individual", position="Văn thư")).findings[0].met is False


@pytest.mark.parametrize(
    ("years", "met"), [((2024, 2025), True), ((2023, 2025), False), ((2025,), False), ((2022, 2023, 2025), True)]
)
def test_bang_khen_two_consecutive_cstdcs(years, met):
    awards = tuple(AwardFact(y, "Chiến sĩ thi đua cơ sở", f"{y}/QĐ-UBND") for y in years)
    assert evaluate([CSTDCS], facts(kind="individual", prior_awards=awards)).findings[0].met is met
