"""The awards panel of the home page (core.panels): each person's next step on award dossiers — a unit head's
dossiers (returned ones first), the secretariat's and the chairman's queues, an official's own nominations."""

from datetime import date

from django.db.models import Count
from django.http import HttpRequest

from awards.dossiers.models import Dossier, DossierStatus, Nominee
from core.panels import Panel, panel_register
from core.permissions import is_chairman, is_secretariat
from units.selectors import official_of, units_headed_by

S = DossierStatus


def _awards(request: HttpRequest, today: date) -> dict | None:
    user = request.user
    units = units_headed_by(user)
    context: dict = {}
    if units:
        context["unit_dossiers"] = list(
            Dossier.objects.filter(unit__in=units, campaign__is_active=True)
            .select_related("unit", "award_form")
            .order_by("status", "award_form__order")
        )
        context["headed_units"] = units
    if is_secretariat(user) or is_chairman(user):
        counts = dict(
            Dossier.objects.filter(campaign__is_active=True).order_by().values_list("status").annotate(n=Count("pk"))
        )
        context["counts"] = {status: counts.get(status, 0) for status in S.values}
        context["is_secretariat"], context["is_chairman"] = is_secretariat(user), is_chairman(user)
    official = official_of(user)
    if official is not None:
        context["own"] = list(
            Nominee.objects.filter(official=official, dossier__campaign__is_active=True).select_related(
                "dossier__award_form", "dossier__unit"
            )
        )
    if not (units or "counts" in context or context.get("own")):
        return None
    return context


panel_register(Panel("awards", "awards/home/awards.html", _awards, order=40))
