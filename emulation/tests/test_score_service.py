"""Stored scores: recompute from accepted reports, periods, ranks, idempotence and the workflow hook.

Hand-computed figures (1.2a ratio, target 100, 5 points; 1.5c rising count, 5 points; 1.1
qualitative, 10 points, met at 8), campaign CCHC-2026:

    unit     month  1.2a    1.5c  1.1 appraised
    VP       01     9/10    100   8
    VP       02     10/20   120   9
    KTHTDT   01     10/10   50    7.5
    KTHTDT   02     8/10    40    10
    VHXH     01     1/2     —     5
"""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from emulation.models import IndicatorScore, MonthlyReport, ReportEntry, UnitScore
from emulation.reports import services
from emulation.scores.services import scores_recompute
from emulation.tests.conftest import FEB, JAN, accepted_report

D = Decimal


def indicator_score(campaign, unit_code: str, code: str, period: str) -> IndicatorScore:
    return IndicatorScore.objects.get(campaign=campaign, unit__code=unit_code, indicator__code=code, period=period)


def unit_score(campaign, unit_code: str, period: str) -> UnitScore:
    return UnitScore.objects.get(campaign=campaign, unit__code=unit_code, period=period)


def snapshot(campaign) -> tuple[list, list]:
    indicators = IndicatorScore.objects.filter(campaign=campaign).order_by("unit_id", "indicator_id", "period")
    units = UnitScore.objects.filter(campaign=campaign).order_by("unit_id", "period")
    fields = ["unit_id", "indicator_id", "period", "value", "has_data", "met", "points", "max_points"]
    return (
        list(indicators.values_list(*fields, "compared_with", "reason")),
        list(units.values_list("unit_id", "period", "total", "max_points", "score", "rank")),
    )


def test_month_ratio_rising_and_qualitative(scored):
    ratio = indicator_score(scored, "VP", "1.2a", "2026-01")
    assert (ratio.value, ratio.met, ratio.points, ratio.max_points) == (D("90.00"), False, D("4.50"), D("5"))
    first = indicator_score(scored, "VP", "1.5c", "2026-01")
    assert (first.value, first.has_data, first.points, first.max_points) == (D("100.00"), False, D("0"), D("0"))
    rising = indicator_score(scored, "VP", "1.5c", "2026-02")
    assert (rising.met, rising.points, rising.compared_with) == (True, D("5.00"), D("100.00"))
    falling = indicator_score(scored, "KTHTDT", "1.5c", "2026-02")
    assert (falling.has_data, falling.met, falling.points, falling.compared_with) == (True, False, D("0"), D("50.00"))
    quality = indicator_score(scored, "KTHTDT", "1.1", "2026-01")
    assert (quality.value, quality.met, quality.points) == (D("7.50"), False, D("7.50"))
    month = unit_score(scored, "VP", "2026-01")
    assert (month.total, month.max_points, month.score) == (D("12.50"), D("15.00"), D("83.33"))
    assert unit_score(scored, "VP", "2026-02").score == D("82.50")


def test_quarter_sums_ratios_and_averages_appraisals(scored):
    ratio = indicator_score(scored, "VP", "1.2a", "2026-Q1")
    assert (ratio.value, ratio.points) == (D("63.33"), D("3.17"))  # 19/30, not the mean of 90% and 50%
    assert indicator_score(scored, "VP", "1.1", "2026-Q1").value == D("8.50")
    assert indicator_score(scored, "KTHTDT", "1.1", "2026-Q1").met is True  # (7.5 + 10) / 2 = 8.75
    rising = indicator_score(scored, "VP", "1.5c", "2026-Q1")
    assert (rising.value, rising.has_data) == (D("220.00"), False)  # no Q4 2025, no baseline
    quarter = unit_score(scored, "VP", "2026-Q1")
    assert (quarter.total, quarter.max_points, quarter.score) == (D("11.67"), D("15.00"), D("77.80"))
    assert unit_score(scored, "VP", "2026-YTD-02").score == D("77.80")
    assert unit_score(scored, "VP", "2026").score == D("77.80")


def test_rising_falls_back_on_the_baseline(campaign, ward, sam):
    from criteria.services import indicator_version_record

    indicator = campaign.indicators.get(code="1.5c")
    indicator.baseline = D("80")
    indicator.save()
    indicator_version_record(indicator=indicator, valid_from=campaign.start_date)
    accepted_report(campaign, ward.units["VP"], JAN, sam, count=100)
    scores_recompute(campaign=campaign)
    rising = indicator_score(campaign, "VP", "1.5c", "2026-01")
    assert (rising.has_data, rising.met, rising.points, rising.compared_with) == (True, True, D("5.00"), D("80.00"))


def test_ranks_share_and_skip(scored):
    january = {row.unit.code: row.rank for row in UnitScore.objects.filter(campaign=scored, period="2026-01")}
    assert january == {"VP": 1, "KTHTDT": 1, "VHXH": 3, "TTPVHCC": None, "TTDVTH": None}
    quarter = {row.unit.code: row.rank for row in UnitScore.objects.filter(campaign=scored, period="2026-Q1")}
    assert (quarter["KTHTDT"], quarter["VP"], quarter["VHXH"]) == (1, 2, 3)
    assert unit_score(scored, "VHXH", "2026-02").rank is None  # no February report: no score, no rank


def test_every_unit_indicator_and_period_is_stored(scored):
    # 5 participants × 15 indicators × (12 months + 4 quarters + 12 year-to-date + 1 year)
    assert IndicatorScore.objects.filter(campaign=scored).count() == 5 * 15 * 29
    assert UnitScore.objects.filter(campaign=scored).count() == 5 * 29


def test_recompute_twice_leaves_identical_rows(scored):
    before = snapshot(scored)
    written = scores_recompute(campaign=scored)
    assert written == 5 * 15 * 29
    assert snapshot(scored) == before


def test_only_accepted_reports_count(scored, ward, sam):
    before = snapshot(scored)
    accepted_report(scored, ward.units["VHXH"], FEB, sam, ratio=(2, 2), appraised="10", status="submitted")
    scores_recompute(campaign=scored)
    assert snapshot(scored) == before
    assert unit_score(scored, "VHXH", "2026-02").score is None


def test_one_unit_one_month_rerank_the_others(scored, ward, sam):
    report = MonthlyReport.objects.get(unit=ward.units["VHXH"], month=JAN)
    ReportEntry.objects.filter(report=report, indicator__code="1.2a").update(numerator=2)  # 100%: 5.00
    ReportEntry.objects.filter(report=report, indicator__code="1.1").update(appraised_score=D("10"))  # 15.00/15
    scores_recompute(campaign=scored, units=[ward.units["VHXH"]], months=[JAN])
    january = {row.unit.code: row.rank for row in UnitScore.objects.filter(campaign=scored, period="2026-01")}
    assert (january["VHXH"], january["VP"], january["KTHTDT"]) == (1, 2, 2)
    assert unit_score(scored, "VHXH", "2026-Q1").score == D("100.00")
    assert unit_score(scored, "VP", "2026-Q1").rank == 3


def test_accepting_and_reopening_through_the_workflow_recompute(
    filled_vp, alice, sam, django_capture_on_commit_callbacks
):
    campaign, vp = filled_vp.campaign, filled_vp.unit
    services.report_transition(report=filled_vp, action="submit", actor=alice)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_transition(report=filled_vp, action="accept", actor=sam, appraisals={"1.1": "8"})
    october = unit_score(campaign, "VP", "2026-10")
    assert october.score is not None and october.rank == 1
    quality = indicator_score(campaign, "VP", "1.1", "2026-10")
    assert (quality.points, quality.met) == (D("8.00"), True)
    assert IndicatorScore.objects.filter(unit=vp, period="2026-10").count() == 15
    assert not IndicatorScore.objects.filter(period="2026-03").exists()  # March is untouched by October

    with django_capture_on_commit_callbacks(execute=True):
        services.report_transition(report=filled_vp, action="reopen", actor=sam, reason="Sai số liệu.")
    october = unit_score(campaign, "VP", "2026-10")
    assert (october.score, october.rank, october.total) == (None, None, D("0"))
    assert not IndicatorScore.objects.filter(unit=vp, period="2026-10", has_data=True).exists()


def _recompute_queries(campaign) -> int:
    """Queries of a recompute into an empty store (every row written)."""
    IndicatorScore.objects.filter(campaign=campaign).delete()
    UnitScore.objects.filter(campaign=campaign).delete()
    with CaptureQueriesContext(connection) as queries:
        scores_recompute(campaign=campaign)
    return len(queries)


def test_recompute_query_count_does_not_grow_with_months(campaign, ward, sam, django_assert_max_num_queries):
    for month in (1, 2):
        accepted_report(campaign, ward.units["VP"], date(2026, month, 1), sam, ratio=(9, 10), count=month)
    two_months = _recompute_queries(campaign)
    for month in (3, 4, 5, 6):
        accepted_report(campaign, ward.units["VP"], date(2026, month, 1), sam, ratio=(9, 10), count=month)
    assert _recompute_queries(campaign) == two_months
    # 2,175 score rows written: PostgreSQL copies them in one statement; SQLite inserts them in
    # batches of at most 999 parameters (about 30). One query per row would be thousands.
    IndicatorScore.objects.all().delete()
    with django_assert_max_num_queries(45):
        scores_recompute(campaign=campaign)


def test_an_unchanged_recompute_rewrites_nothing(scored, django_assert_max_num_queries):
    ids = dict(IndicatorScore.objects.filter(campaign=scored).values_list("pk", "computed_at"))
    totals = dict(UnitScore.objects.filter(campaign=scored).values_list("pk", "computed_at"))
    # The campaign lock (and, on PostgreSQL, the commit setting), the reads (participants,
    # indicators with their units and versions, entries, stored scores and totals); no write.
    with django_assert_max_num_queries(11):
        scores_recompute(campaign=scored)
    assert dict(IndicatorScore.objects.filter(campaign=scored).values_list("pk", "computed_at")) == ids
    assert dict(UnitScore.objects.filter(campaign=scored).values_list("pk", "computed_at")) == totals


def test_recompute_all_scores_task_covers_active_campaigns(scored):
    from emulation.tasks import recompute_all_scores

    IndicatorScore.objects.all().delete()
    assert recompute_all_scores.delay().get() == 1  # one campaign, one task (run in-process here)
    assert IndicatorScore.objects.filter(campaign=scored).count() == 5 * 15 * 29
    assert indicator_score(scored, "VP", "1.2a", "2026-Q1").points == D("3.17")


def test_a_threshold_change_in_mid_year_leaves_earlier_months_alone(campaign, ward, sam):
    """1.2a: 9/10 in January and in July. From July the target drops from 100% to 90%."""
    from criteria.models import IndicatorVersion
    from criteria.services import indicator_version_record

    jul = date(2026, 7, 1)
    accepted_report(campaign, ward.units["VP"], JAN, sam, ratio=(9, 10))
    accepted_report(campaign, ward.units["VP"], jul, sam, ratio=(9, 10))
    indicator = campaign.indicators.get(code="1.2a")
    indicator.target = D("90")
    indicator.save()
    new = indicator_version_record(indicator=indicator, valid_from=jul)
    scores_recompute(campaign=campaign)
    january, july = (
        indicator_score(campaign, "VP", "1.2a", "2026-01"),
        indicator_score(campaign, "VP", "1.2a", "2026-07"),
    )
    assert (january.met, january.points) == (False, D("4.50"))  # 5 × 90/100 under the old target
    assert (july.met, july.points) == (True, D("5.00"))  # 90% meets the new target
    assert january.version == IndicatorVersion.objects.get(indicator=indicator, valid_from=JAN)
    assert july.version == new
    assert indicator_score(campaign, "VP", "1.2a", "2026-Q1").version.valid_from == JAN
    assert indicator_score(campaign, "VP", "1.2a", "2026").version == new  # the year ends under the new one


def test_deleting_a_threshold_version_that_scores_used_leaves_them_to_the_recompute(scored):
    """The score tables carry no database foreign keys (for speed): Django's collector clears the link, and the
    recompute the deletion asks for scores the months with the version before (emulation.scores.effects)."""
    from criteria.models import IndicatorVersion

    score = IndicatorScore.objects.filter(campaign=scored, version__isnull=False).select_related("version").first()
    later = IndicatorVersion.objects.create(
        indicator_id=score.indicator_id,
        valid_from=score.version.valid_from.replace(month=2),
        target=score.version.target,
        comparison=score.version.comparison,
        points=score.version.points,
        scoring_rule=score.version.scoring_rule,
    )
    scores_recompute(campaign=scored)
    assert IndicatorScore.objects.filter(version=later).exists()
    later_pk = later.pk
    later.delete()
    assert not IndicatorScore.objects.filter(version_id=later_pk).exists()
