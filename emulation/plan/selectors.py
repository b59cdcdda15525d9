"""Reads of campaigns: the list, one campaign's plan page, the campaign running today."""

from datetime import date

from django.db.models import Prefetch, QuerySet

from criteria.models import Criterion, Indicator
from emulation.plan.models import Campaign
from emulation.plan.sections import plan_sections


def campaigns_visible() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("issuing_unit").order_by("-is_active", "-year", "code")


def campaign_page(code: str | None = None, *, pk: int | None = None) -> Campaign:
    """The campaign (by code, or by id) with its plan loaded in a fixed number of queries; raises DoesNotExist."""
    indicators = Indicator.objects.prefetch_related("applies_to").order_by("order", "code")
    criteria = Criterion.objects.prefetch_related(Prefetch("indicators", queryset=indicators)).order_by("order", "code")
    campaign = (
        Campaign.objects.select_related("issuing_unit")
        .prefetch_related(
            "legal_bases",
            "contents",
            "assignments",
            "milestones",
            "participants",
            Prefetch("criteria", queryset=criteria),
            *(name for section in plan_sections() for name in section.prefetch),
        )
        .get(**({"code": code} if pk is None else {"pk": pk}))
    )
    campaign.total_points = sum(i.points for c in campaign.criteria.all() for i in c.indicators.all())
    return campaign


def current_campaign(today: date) -> Campaign | None:
    """The active campaign whose period covers today, else the latest active one."""
    active = Campaign.objects.filter(is_active=True).select_related("issuing_unit")
    return (
        active.filter(start_date__lte=today, end_date__gte=today).order_by("-year").first()
        or active.order_by("-year").first()
    )
