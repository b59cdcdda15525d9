"""Following the monthly reports: the units × months matrix, and urging a unit that has not sent."""

from datetime import date, datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from emulation.plan.models import Campaign
from emulation.reports import selectors, services
from units.selectors import units_headed_by


def _visible_campaign(request: HttpRequest, code: str) -> Campaign:
    campaign = get_object_or_404(Campaign, code=code)
    if not request.user.has_perm("emulation.view_campaign_page", campaign):
        raise Http404
    return campaign


@login_required
def report_matrix(request: HttpRequest, code: str) -> HttpResponse:
    campaign = _visible_campaign(request, code)
    can_follow = request.user.has_perm("emulation.follow_reports")
    units = selectors.report_matrix_units(campaign, request.user)
    if not (can_follow or units):
        raise Http404
    today = timezone.localdate()
    context = {
        "campaign": campaign,
        "today": today,
        "matrix": selectors.report_matrix(campaign, units, today),
        "can_follow": can_follow,
        "can_urge": request.user.has_perm("emulation.urge_reports"),
        "headed_ids": {unit.pk for unit in units_headed_by(request.user)},
    }
    return render(request, "emulation/matrix.html", context)


def _month(value: str, campaign: Campaign) -> date:
    """A "YYYY-MM" month of the campaign, or 404: the form only ever sends those."""
    try:
        month = datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise Http404 from None
    if month not in campaign.months():
        raise Http404
    return month


@require_POST
@login_required
def report_urge(request: HttpRequest, code: str) -> HttpResponse:
    if not request.user.has_perm("emulation.urge_reports"):
        raise Http404
    campaign = _visible_campaign(request, code)
    unit = get_object_or_404(campaign.participants, code=request.POST.get("unit", ""))
    month = _month(request.POST.get("month", ""), campaign)
    try:
        services.report_urge(campaign=campaign, unit=unit, month=month, actor=request.user)
    except services.ReportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã đôn đốc {unit.short_name} gửi báo cáo tháng {month:%m/%Y}.")
    return redirect("emulation:report-matrix", code=campaign.code)
