"""Reads of initiatives: scoping per person, the campaign's list, one initiative's page and its history, the unit's
officials who may be authors, and what the awards side counts (`initiatives_counting_for`)."""

from datetime import date, datetime

from django.db.models import Count, Prefetch, Q, QuerySet

from emulation.initiatives.models import Initiative, InitiativeFile
from emulation.initiatives.permissions import can_follow_initiatives
from emulation.plan.models import Campaign
from units.models import Official, Unit
from units.selectors import official_of

PAGE_SIZE = 50


def initiatives_visible_to(user) -> QuerySet[Initiative]:
    """Every initiative for the ward-wide roles; otherwise those of the person's own unit and those they registered."""
    initiatives = Initiative.objects.select_related("campaign", "unit")
    if can_follow_initiatives(user):
        return initiatives
    official = official_of(user)
    own = Q(registered_by_id=user.pk) if user.is_authenticated else Q(pk__in=[])
    if official is not None:
        own |= Q(unit_id=official.unit_id)
    return initiatives.filter(own)


def initiative_filter_units(campaign: Campaign, user) -> list[Unit]:
    """The units `user` may filter the campaign's list by: every participant for the ward-wide roles, else their own."""
    units = list(campaign.participants.order_by("order", "name"))
    if can_follow_initiatives(user):
        return units
    official = official_of(user)
    return [unit for unit in units if official is not None and unit.pk == official.unit_id]


def initiative_list(campaign: Campaign, user, *, unit: Unit | None = None, recognised: bool | None = None):
    """The campaign's initiatives `user` may see, newest first, with their unit, authors and file count; filtered
    by unit and by recognised or not. A queryset (the page slices it): three queries per page, whatever its size."""
    authors = Official.objects.select_related("position").order_by("full_name")
    initiatives = (
        initiatives_visible_to(user)
        .filter(campaign=campaign)
        .annotate(file_count=Count("files"))
        .prefetch_related(Prefetch("authors", queryset=authors))
        .order_by("-registered_at", "-pk")
    )
    if unit is not None:
        initiatives = initiatives.filter(unit=unit)
    if recognised is not None:
        initiatives = initiatives.filter(recognised_on__isnull=not recognised)
    return initiatives


def initiative_page(pk: int, user) -> Initiative:
    """One initiative with its files and authors, if `user` may see it; raises Initiative.DoesNotExist."""
    files = InitiativeFile.objects.select_related("uploaded_by__official").order_by("uploaded_at", "pk")
    authors = Official.objects.select_related("position").order_by("full_name")
    return (
        initiatives_visible_to(user)
        .select_related("registered_by__official", "recognised_by__official")
        .prefetch_related(Prefetch("files", queryset=files), Prefetch("authors", queryset=authors))
        .get(pk=pk)
    )


def initiative_file(pk: int, user) -> InitiativeFile:
    """One attachment, if `user` may see its initiative; raises InitiativeFile.DoesNotExist."""
    return InitiativeFile.objects.select_related("initiative").get(pk=pk, initiative__in=initiatives_visible_to(user))


def author_choices(unit: Unit, initiative: Initiative | None = None) -> list[Official]:
    """Who may be an author of the unit's initiative: its active officials, as the official records hold them, and
    the initiative's authors who have since left the unit (they stay unless unticked)."""
    allowed = Q(unit=unit, is_active=True)
    if initiative is not None:
        allowed |= Q(pk__in=initiative.authors.values("pk"))
    return list(
        Official.objects.filter(allowed)
        .select_related("position", "unit")
        .order_by("position__order", "full_name", "pk")
    )


TEXTS = ("title", "problem", "solution", "scope", "benefits")
TRACKED = (*TEXTS, "recognised_on", "level", "decision_reference", "applied")


def _shown(name: str, value) -> str:
    if name == "recognised_on":
        return f"{value:%d/%m/%Y}" if value else ""
    if name == "level":
        return Initiative.Level(value).label if value else ""
    if name == "applied":
        return "Đã áp dụng" if value else "Chưa áp dụng"
    return value or ""


def initiative_history(initiative: Initiative) -> list[dict]:
    """Each change of the initiative, newest first: when, who, why (the service's words: registered, files added or
    removed, recognition recorded or withdrawn) and every field and author that changed, old → new. Three queries."""
    records = list(
        Initiative.history.model.objects.filter(id=initiative.pk)
        .select_related("history_user__official")
        .order_by("history_date", "history_id")
    )
    author_rows = Initiative.history.model.authors.model.objects.filter(
        history_id__in=[r.history_id for r in records]
    ).values_list("history_id", "official_id")
    authors_of: dict[int, set[int]] = {r.history_id: set() for r in records}
    for history_id, official_id in author_rows:
        authors_of[history_id].add(official_id)
    names = dict(Official.objects.filter(pk__in=set().union(*authors_of.values())).values_list("pk", "full_name"))
    labels = {f.name: str(f.verbose_name) for f in Initiative._meta.fields}
    events, previous = [], None
    for record in records:
        changes = []
        if previous is not None:
            for name in TRACKED:
                old, new = getattr(previous, name), getattr(record, name)
                if old != new:
                    changes.append(
                        {"what": labels[name].capitalize(), "old": _shown(name, old), "new": _shown(name, new)}
                    )
            before, after = authors_of[previous.history_id], authors_of[record.history_id]
            if before != after:
                changes.append(
                    {
                        "what": "Tác giả",
                        "old": ", ".join(sorted(names.get(pk, "?") for pk in before)),
                        "new": ", ".join(sorted(names.get(pk, "?") for pk in after)),
                    }
                )
        if previous is None or changes or record.history_change_reason:
            events.append(
                {
                    "at": record.history_date,
                    "user": record.history_user,
                    "why": record.history_change_reason or ("Đăng ký sáng kiến" if previous is None else "Sửa"),
                    "changes": changes,
                }
            )
        previous = record
    return events[::-1]


def initiative_changes_since(initiative: Initiative, seen_at: datetime | None, limit: int = 20) -> list[dict]:
    """The changes made after `seen_at` (the latest `limit` when the time is not known), newest first: what a person
    reads when their save is refused because someone changed the initiative meanwhile."""
    events = initiative_history(initiative)
    if seen_at is not None:
        return [event for event in events if event["at"] > seen_at]
    return events[:limit]


def initiatives_counting_for(
    campaign: Campaign, *, official: Official | None = None, unit: Unit | None = None, start: date, end: date
) -> list[Initiative]:
    """The campaign's initiatives that count for an award: recognised AND applied, recognised on a day within
    [start, end] (both included), of which `official` is an author, or which `unit` registered (the initiative's
    own unit, not its authors' units today). Given both, both must hold. Oldest recognition first, with authors.

    This is the evidence the standards "has a recognised and applied initiative" (an individual) and "has a new,
    practical, replicable initiative" (a collective) read (DOMAIN.md §4); an initiative recognised but not applied,
    or recognised outside the period, is not counted. Asking with neither `official` nor `unit` is a mistake.
    """
    if official is None and unit is None:
        raise ValueError("initiatives_counting_for: give an official, a unit or both.")
    initiatives = Initiative.objects.filter(
        campaign=campaign, applied=True, recognised_on__isnull=False, recognised_on__gte=start, recognised_on__lte=end
    )
    if official is not None:
        initiatives = initiatives.filter(authors=official)
    if unit is not None:
        initiatives = initiatives.filter(unit=unit)
    return list(
        initiatives.select_related("unit").prefetch_related("authors").distinct().order_by("recognised_on", "pk")
    )


def initiatives_of_unit_summary(campaign: Campaign, unit: Unit) -> dict:
    """How many of the unit's initiatives in the campaign are registered, recognised, and recognised and applied."""
    counts = Initiative.objects.filter(campaign=campaign, unit=unit).aggregate(
        registered=Count("pk"),
        recognised=Count("pk", filter=Q(recognised_on__isnull=False)),
        applied=Count("pk", filter=Q(recognised_on__isnull=False, applied=True)),
    )
    return counts


def initiatives_counting_in(campaign_ids) -> list[Initiative]:
    """Every initiative of the campaigns that counts for an award (recognised and applied), with its authors: what a
    list of nominees reads at once and filters per nominee as `initiatives_counting_for` does. Two queries."""
    return list(
        Initiative.objects.filter(campaign_id__in=campaign_ids, applied=True, recognised_on__isnull=False)
        .prefetch_related("authors")
        .order_by("recognised_on", "pk")
    )
