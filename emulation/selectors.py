"""Reads of campaigns and their monthly reports: pages, scoping per person, recipients, history."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, QuerySet

from awards.models import AwardForm
from core.roles import Role, has_role
from criteria.models import Criterion, Indicator
from emulation.models import Campaign, Evidence, MonthlyReport, ReportEntry, ReportTransition
from emulation.workflow import Actor
from units.models import Official
from units.selectors import units_headed_by


def campaigns_visible() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("issuing_unit").order_by("-is_active", "-year", "code")


def campaign_page(code: str) -> Campaign:
    """The campaign with its plan loaded in a fixed number of queries; raises DoesNotExist."""
    indicators = Indicator.objects.prefetch_related("applies_to").order_by("order", "code")
    criteria = Criterion.objects.prefetch_related(Prefetch("indicators", queryset=indicators)).order_by("order", "code")
    awards = AwardForm.objects.prefetch_related("standards", "dossier_parts").order_by("order")
    campaign = (
        Campaign.objects.select_related("issuing_unit")
        .prefetch_related(
            "legal_bases",
            "contents",
            "assignments",
            "milestones",
            "participants",
            Prefetch("criteria", queryset=criteria),
            Prefetch("award_forms", queryset=awards),
        )
        .get(code=code)
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


def report_month_due(campaign: Campaign, today: date) -> tuple[date, date] | None:
    """The month whose report is due next, and its deadline; None after the last deadline."""
    for month in campaign.months():
        deadline = campaign.report_deadline(month)
        if deadline >= today and month <= today:
            return month, deadline
    return None


def applicable_indicators(campaign: Campaign, unit) -> list[Indicator]:
    """The campaign's indicators that apply to `unit`: those with no unit list, or listing it."""
    indicators = (
        Indicator.objects.filter(campaign=campaign)
        .prefetch_related("applies_to")
        .order_by("criterion__order", "order", "code")
    )
    return [i for i in indicators if not i.applies_to.all() or any(u.pk == unit.pk for u in i.applies_to.all())]


def unit_head_users(unit) -> list:
    """Accounts acting for `unit`: active head or deputy officials whose account has the unit-head role."""
    officials = (
        Official.objects.filter(unit=unit, is_active=True, leadership__in=["head", "deputy"], user__is_active=True)
        .filter(user__groups__name=Role.UNIT_HEAD.group_name)
        .select_related("user")
    )
    return [o.user for o in officials]


def secretariat_users() -> list:
    return list(get_user_model().objects.filter(is_active=True, groups__name=Role.SECRETARIAT.group_name).distinct())


def report_recipients(report: MonthlyReport, actor: str) -> list:
    """Who acts next on a report: its unit's heads, or the secretariat."""
    return unit_head_users(report.unit) if actor == Actor.UNIT_HEAD else secretariat_users()


def reports_visible_to(user) -> QuerySet[MonthlyReport]:
    """Every report for ward-wide roles; only their own units' reports for a unit head; none otherwise."""
    reports = MonthlyReport.objects.select_related("campaign", "unit")
    if has_role(user, Role.SECRETARIAT) or has_role(user, Role.CHAIRMAN) or has_role(user, Role.ADMIN):
        return reports
    return reports.filter(unit__in=[u.pk for u in units_headed_by(user)])


def report_page(pk: int, user) -> MonthlyReport:
    """One report with its entries, evidence and history, if `user` may see it; raises DoesNotExist."""
    evidence = Evidence.objects.select_related("uploaded_by").order_by("uploaded_at", "pk")
    entries = (
        ReportEntry.objects.select_related("indicator__criterion")
        .prefetch_related(Prefetch("evidence", queryset=evidence))
        .order_by("indicator__criterion__order", "indicator__order")
    )
    transitions = ReportTransition.objects.select_related("actor__official").order_by("at", "pk")
    return (
        reports_visible_to(user)
        .select_related("accepted_by")
        .prefetch_related(Prefetch("entries", queryset=entries), Prefetch("transitions", queryset=transitions))
        .get(pk=pk)
    )


def entry_history(report: MonthlyReport) -> list[dict]:
    """Who changed which value of the report's figures, and when (newest first)."""
    labels = {f.name: f.verbose_name for f in ReportEntry._meta.fields}
    labels |= {f.name: f.verbose_name for f in MonthlyReport._meta.fields}
    history = (
        ReportEntry.history.model.objects.filter(report_id=report.pk)
        .select_related("history_user__official", "indicator")
        .order_by("id", "history_date")
    )
    changes, previous = [], {}
    tracked = ("numerator", "denominator", "value", "self_score", "appraised_score", "explanation")
    for record in history:
        before = previous.get(record.id)
        if before is not None:
            for name in tracked:
                old, new = getattr(before, name), getattr(record, name)
                if old != new:
                    changes.append(
                        {
                            "at": record.history_date,
                            "user": record.history_user,
                            "what": f"{record.indicator.code} · {labels[name]}",
                            "old": old,
                            "new": new,
                        }
                    )
        previous[record.id] = record
    report_history = (
        MonthlyReport.history.model.objects.filter(id=report.pk)
        .select_related("history_user__official")
        .order_by("history_date")
    )
    before = None
    for record in report_history:
        if before is not None:
            for name in MonthlyReport.ONE_STOP_FIELDS:
                old, new = getattr(before, name), getattr(record, name)
                if old != new:
                    changes.append(
                        {
                            "at": record.history_date,
                            "user": record.history_user,
                            "what": f"Một cửa · {labels[name]}",
                            "old": old,
                            "new": new,
                        }
                    )
        before = record
    return sorted(changes, key=lambda c: c["at"], reverse=True)
