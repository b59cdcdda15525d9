"""Score pages: one indicator score explained, the ward's overview, a unit's page and an indicator's page.

The dashboards (overview, unit, indicator) answer ?xuat=xlsx|csv (&bang=<table>) with one of their
tables as a download, under the same permission as the page.
"""

from collections.abc import Callable

import rules
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render

from core.table_export import FORMATS, Table, table_response
from criteria.models import Indicator
from emulation.plan.models import Campaign
from emulation.plan.periods import MONTH, PeriodInvalid, parse_period
from emulation.scores import dashboards as dash
from emulation.scores import downloads, overview
from emulation.scores import explain as sel
from emulation.scores.documents.ranking import ranking_record
from emulation.scores.models import IndicatorScore
from units.models import Unit
from units.selectors import units_headed_by


@login_required
def score_explain(request: HttpRequest, unit_id: int, indicator_id: int, period: str) -> HttpResponse:
    try:
        parse_period(period)  # a key no score can have (0000-01, 5,000 characters) is not even looked up
        score = sel.indicator_score_for(unit_id, indicator_id, period, request.user)
    except (PeriodInvalid, IndicatorScore.DoesNotExist):
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
        "points_formula": sel.points_formula(score, indicator, sel.exact_value(indicator, entries)),
        "is_rising": indicator.is_rising,
        "is_percent": indicator.shape.is_ratio,
        "is_qualitative": indicator.shape.is_score,
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


def _viewer(request: HttpRequest, code: str) -> tuple[Campaign, bool, list[Unit]]:
    """The campaign, whether the person sees every unit, and the units they head; 404 for anyone else."""
    campaign = get_object_or_404(Campaign, code=code)
    if not request.user.has_perm("emulation.view_campaign_page", campaign):
        raise Http404
    # The rule set only: a refusal must not fall through to the model backend's permission queries.
    if not rules.has_perm("emulation.view_scores", request.user):
        raise Http404
    sees_all = rules.has_perm("emulation.view_all_scores", request.user)
    headed = units_headed_by(request.user)
    return campaign, sees_all, headed


def _chosen_period(request: HttpRequest, campaign: Campaign) -> overview.ChosenPeriod:
    """The ?ky= period (default: see overview.default_month), why it is shown, and the error when ?ky= was refused."""
    return overview.period_chosen(campaign, request.GET.get("ky", "").strip())


def _period_context(chosen: overview.ChosenPeriod) -> dict:
    return {
        "period": chosen.period,
        "period_note": chosen.note,
        "period_options": chosen.options,
        "error": chosen.error,
    }


def _wants_download(request: HttpRequest) -> bool:
    return "xuat" in request.GET


def _download(request: HttpRequest, tables: dict[str, Callable[[], Table]], name: str, error: str) -> HttpResponse:
    """The table named by ?bang= (default: the page's first) as ?xuat= csv or xlsx; 404 for an unknown one."""
    fmt = request.GET.get("xuat", "")
    which = request.GET.get("bang") or next(iter(tables), "")
    if fmt not in FORMATS or which not in tables:
        raise Http404
    if error:
        # A page falls back to the latest month; a file must not silently hold another period.
        return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
    return table_response(tables[which](), fmt, f"{which}-{name}")


@login_required
def score_overview(request: HttpRequest, code: str) -> HttpResponse:
    campaign, sees_all, headed = _viewer(request, code)
    chosen = _chosen_period(request, campaign)
    period = chosen.period
    context = {"campaign": campaign, "sees_all": sees_all} | _period_context(chosen)
    if period is None:
        if _wants_download(request):
            raise Http404
        return render(request, "emulation/score_overview.html", context)
    context |= overview.ward_overview(campaign, period, None if sees_all else headed)
    if _wants_download(request):
        ranking, indicators, heatmap = context["ranking"], context["indicators"], context["heatmap"]
        tables = {
            "xep-hang": lambda: downloads.ranking_table(period, ranking, context["before_label"]),
            "dat-chua-dat": lambda: downloads.heatmap_table(period, indicators, heatmap),
            "chua-dat": lambda: downloads.under_target_table(period, indicators, heatmap),
        }
        return _download(request, tables, f"{campaign.code}-{period.key}", chosen.error)
    context |= {
        "is_month": period.kind == MONTH,
        "headed_pks": [u.pk for u in headed],
        "ranking_chart": dash.ranking_chart(context["ranking"]),
        # The ranking as an official document, for those who see every unit's points (see can_view_ranking).
        "ranking_record": ranking_record(campaign, period) if sees_all and not chosen.error else None,
    }
    return render(request, "emulation/score_overview.html", context)


@login_required
def score_unit(request: HttpRequest, code: str, unit_code: str) -> HttpResponse:
    campaign, _, _ = _viewer(request, code)
    unit = campaign.participants.filter(code=unit_code).first()
    if unit is None or not rules.has_perm("emulation.view_scores_of_unit", request.user, unit):
        raise Http404
    chosen = _chosen_period(request, campaign)
    period = chosen.period
    months = dash.shown_months(campaign, chosen.latest)
    data = dash.unit_dashboard(campaign, unit, months, period)
    if _wants_download(request):
        if period is None:
            raise Http404
        tables = {
            "theo-tieu-chi": lambda: downloads.unit_criteria_table(unit, period, data["criteria"]),
            "theo-thang": lambda: downloads.unit_months_table(unit, data["series"], months),
        }
        return _download(request, tables, f"{campaign.code}-{unit.code}-{period.key}", chosen.error)
    context = {"campaign": campaign, "unit": unit, "months": months} | _period_context(chosen) | data
    return render(request, "emulation/score_unit.html", context)


@login_required
def score_indicator(request: HttpRequest, code: str, indicator_code: str) -> HttpResponse:
    campaign, sees_all, headed = _viewer(request, code)
    indicator = Indicator.objects.filter(campaign=campaign, code=indicator_code).select_related("criterion").first()
    if indicator is None:
        raise Http404
    participants = list(campaign.participants.order_by("order", "name"))
    units = participants if sees_all else [u for u in participants if any(h.pk == u.pk for h in headed)]
    months = dash.shown_months(campaign, overview.latest_accepted_month(campaign))
    data = dash.indicator_dashboard(campaign, indicator, units, months)
    if _wants_download(request):
        tables = {
            "theo-don-vi": lambda: downloads.indicator_units_table(indicator, data["rows"], data["targets"], months)
        }
        return _download(request, tables, f"{campaign.code}-chi-tieu-{indicator.code}", "")
    context = {"campaign": campaign, "indicator": indicator, "months": months, "sees_all": sees_all}
    return render(request, "emulation/score_indicator.html", context | data)
