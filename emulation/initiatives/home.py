"""The initiatives' panel on the home page (core.panels): for a person of a taking-part unit, their unit's
initiatives in the campaign and the way to register one; for the secretariat, those waiting for recognition.

`PANEL` is registered by emulation/home.py with the campaign's other panels (importing this module registers
nothing, so tests can render it alone).
"""

from datetime import date

from django.http import HttpRequest

from core.panels import Panel
from core.permissions import is_secretariat
from emulation.initiatives.models import Initiative
from emulation.initiatives.selectors import initiatives_of_unit_summary
from emulation.plan.selectors import current_campaign
from units.selectors import official_of


def initiatives_panel(request: HttpRequest, today: date) -> dict | None:
    campaign = getattr(request, "_campaign_today", {}).get("campaign") or current_campaign(today)
    if campaign is None:
        return None
    user, context = request.user, {"campaign": campaign}
    official = official_of(user)
    if official is not None and campaign.participants.filter(pk=official.unit_id).exists():
        context |= {"unit": official.unit, "summary": initiatives_of_unit_summary(campaign, official.unit)}
        context["can_register"] = campaign.is_active and user.has_perm("emulation.register_initiative", official.unit)
    if is_secretariat(user):
        context["waiting"] = Initiative.objects.filter(campaign=campaign, recognised_on__isnull=True).count()
    return context if ("unit" in context or "waiting" in context) else None


PANEL = Panel("initiatives", "emulation/initiatives/home.html", initiatives_panel, order=95)
