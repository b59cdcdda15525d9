"""The campaign's panels on the home page (core.panels): each role's "what should I do now?".

The campaign running today and the month due are read once per request and shared by the panels.
"""

from datetime import date

from django.http import HttpRequest

from core.panels import Panel, panel_register
from core.permissions import is_chairman, is_secretariat, is_staff_role, is_unit_head
from emulation.initiatives.home import PANEL as INITIATIVES_PANEL
from emulation.plan.selectors import current_campaign
from emulation.reports import selectors as reports
from emulation.scores.overview import unit_standing
from units.selectors import official_of, unit_list, units_headed_by


def _today(request: HttpRequest, today: date) -> dict:
    """The campaign running today and the month whose report is due (with its deadline), once per request."""
    cached = getattr(request, "_campaign_today", None)
    if cached is None:
        campaign = current_campaign(today)
        due = reports.report_month_due(campaign, today) if campaign else None
        cached = {
            "campaign": campaign,
            "due_month": due[0] if due else None,
            "due_date": due[1] if due else None,
            "days_left": (due[1] - today).days if due else None,
        }
        request._campaign_today = cached
    return cached


def _campaign(request: HttpRequest, today: date) -> dict:
    return _today(request, today)


def _unit_head(request: HttpRequest, today: date) -> dict | None:
    if not is_unit_head(request.user):
        return None
    context = _today(request, today) | {"headed_units": units_headed_by(request.user)}
    campaign, month, units = context["campaign"], context["due_month"], context["headed_units"]
    if campaign and units:
        if month:
            context["due_reports"] = reports.unit_month_reports(campaign, units, month)
        context["returned"] = reports.reports_returned(campaign, units, except_month=month)
    return context


def _secretariat(request: HttpRequest, today: date) -> dict | None:
    if not is_secretariat(request.user):
        return None
    context = _today(request, today)
    campaign, month = context["campaign"], context["due_month"]
    if campaign is None:
        return context
    participants = list(unit_list().filter(campaigns=campaign))
    context = context | {
        "participants": participants,
        "participant_count": len(participants),
        "waiting": reports.reports_waiting_review(campaign),
    }
    if month:
        context["sent_count"] = reports.units_sent_count(campaign, month)
    return context


def _chairman(request: HttpRequest, today: date) -> dict | None:
    if not is_chairman(request.user):
        return None
    context = _today(request, today)
    campaign = context["campaign"]
    return context | {"participant_count": campaign.participants.count() if campaign else 0}


def _official(request: HttpRequest, today: date) -> dict | None:
    """Anyone with an official record: their unit's progress in the campaign, and their own links."""
    official = official_of(request.user)
    if official is None:
        return None
    # Unit heads and the ward-wide roles follow the unit in their own panels; the others see it here.
    follows_elsewhere = bool(units_headed_by(request.user)) or is_staff_role(request.user)
    context = _today(request, today) | {"unit": official.unit, "shows_progress": False}
    campaign, month = context["campaign"], context["due_month"]
    if campaign and not follows_elsewhere and campaign.participants.filter(pk=official.unit_id).exists():
        context["shows_progress"] = True
        if month:
            context["due_report"] = reports.unit_month_reports(campaign, [official.unit], month)[0][1]
        context |= reports.unit_progress(campaign, official.unit, today)
        context |= unit_standing(campaign, official.unit)
    return context


for panel in (
    Panel("campaign", "emulation/home/campaign.html", _campaign, order=0, wide=True),
    Panel("unit_head", "emulation/home/unit_head.html", _unit_head, order=10),
    Panel("secretariat", "emulation/home/secretariat.html", _secretariat, order=20),
    Panel("chairman", "emulation/home/chairman.html", _chairman, order=30),
    Panel("official", "emulation/home/official.html", _official, order=90),
    INITIATIVES_PANEL,
):
    panel_register(panel)
