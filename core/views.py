"""The home page: for each role the person holds, what they can do now."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.roles import Role, user_roles
from emulation import selectors as campaign_selectors
from units import selectors as unit_selectors


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    campaign = campaign_selectors.current_campaign(today)
    due = campaign_selectors.report_month_due(campaign, today) if campaign else None
    roles = user_roles(request.user)
    context = {
        "today": today,
        "campaign": campaign,
        "due_month": due[0] if due else None,
        "due_date": due[1] if due else None,
        "days_left": (due[1] - today).days if due else None,
        "official": unit_selectors.official_of(request.user),
        "headed_units": unit_selectors.units_headed_by(request.user),
        "has_role": {role.name: role in roles for role in Role},
    }
    if campaign and (Role.SECRETARIAT in roles or Role.CHAIRMAN in roles):
        context["participants"] = unit_selectors.unit_list().filter(campaigns=campaign)
    if campaign and Role.SECRETARIAT in roles:
        context["waiting"] = campaign_selectors.reports_waiting_review(campaign)
    if campaign and due and context["headed_units"]:
        context["due_reports"] = campaign_selectors.unit_month_reports(campaign, context["headed_units"], due[0])
    return render(request, "core/home.html", context)
