"""Score pages: one indicator score explained, and the ward's overview (heatmap and ranking)."""

import rules
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from emulation import selectors_scores as sel
from emulation.models import Campaign, IndicatorScore
from emulation.periods import MONTH, PeriodInvalid, parse_period
from units.selectors import units_headed_by


@login_required
def score_explain(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        score = sel.indicator_score_for(pk, request.user)
    except IndicatorScore.DoesNotExist:
        raise Http404 from None
    indicator = score.indicator
    period = parse_period(score.period)
    entries = sel.accepted_entries(score, period.months)
    context = {
        "score": score,
        "indicator": indicator,
        "period": period,
        "entries": entries,
        "value_text": sel.value_text(indicator, score.value),
        "value_formula": sel.value_formula(indicator, entries),
        "points_formula": sel.points_formula(score, indicator),
        "is_rising": indicator.kind == indicator.Kind.RISING,
        "is_percent": indicator.measure == indicator.Measure.PERCENT,
        "is_qualitative": indicator.kind == indicator.Kind.QUALITATIVE,
    }
    if context["is_rising"]:
        before = sel.previous_period(period)
        before_entries = sel.accepted_entries(score, period.previous)
        context |= {
            "before": before,
            "before_entries": before_entries,
            "before_formula": sel.value_formula(indicator, before_entries) if before_entries else "",
            "compared_text": sel.value_text(indicator, score.compared_with),
        }
    return render(request, "emulation/score_explain.html", context)


@login_required
def score_overview(request: HttpRequest, code: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign, code=code)
    if not request.user.has_perm("emulation.view_campaign_page", campaign):
        raise Http404
    # The rule set only: a refusal must not fall through to the model backend's permission queries.
    sees_all = rules.has_perm("emulation.follow_reports", request.user)
    headed = units_headed_by(request.user)
    if not (sees_all or headed):
        raise Http404
    latest = sel.latest_accepted_month(campaign)
    asked = request.GET.get("ky", "").strip()
    error = ""
    try:
        period = sel.overview_period(campaign, asked, latest)
    except (PeriodInvalid, sel.OverviewPeriodInvalid) as exc:
        error = str(exc)
        period = sel.overview_period(campaign, "", latest)
    context = {"campaign": campaign, "period": period, "error": error, "asked": asked, "sees_all": sees_all}
    if period is not None:
        context |= sel.ward_overview(campaign, period, None if sees_all else headed)
        context["is_month"] = period.kind == MONTH
        year = period.months[-1].year
        context["choices"] = [
            (period.key if period.kind == MONTH else (f"{latest:%Y-%m}" if latest else ""), "Tháng"),
            (f"{year}-Q{(period.months[-1].month - 1) // 3 + 1}", "Quý"),
            (f"{year}-YTD", "Lũy kế"),
            (str(year), "Năm"),
        ]
    return render(request, "emulation/score_overview.html", context)
