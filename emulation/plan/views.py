"""Campaign pages: the list and the plan rendered from the database."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from emulation.plan import selectors
from emulation.plan.models import Campaign
from emulation.plan.sections import plan_sections


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    campaigns = [c for c in selectors.campaigns_visible() if request.user.has_perm("emulation.view_campaign_page", c)]
    return render(request, "emulation/campaign_list.html", {"campaigns": campaigns})


@login_required
def campaign_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        campaign = selectors.campaign_page(code)
    except Campaign.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("emulation.view_campaign_page", campaign):
        raise Http404
    deadlines = [(month, campaign.report_deadline(month)) for month in campaign.months()]
    context = {"campaign": campaign, "deadlines": deadlines, "plan_sections": plan_sections()}
    return render(request, "emulation/campaign_detail.html", context)
