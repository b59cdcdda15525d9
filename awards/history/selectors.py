"""Reads of awards received: a person's and a unit's, the search (scoped to what the person may see), and
`awards_of`, the list the eligibility rules and the achievement reports (Mẫu 02, 03) read.

Every list is a fixed number of queries, whatever its length: the people, units and decisions an award names
come with it (select_related).
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from awards.history.checks import fold
from awards.history.models import Award
from awards.history.permissions import can_search_all_awards
from units.models import Official, Unit
from units.selectors import units_headed_by

UNIT_PAGE_LIMIT = 100
"""A unit's page lists at most this many of its officials' awards (newest first); the search has the rest."""
SEARCH_WORDS = 6


def _awards() -> QuerySet[Award]:
    return Award.objects.select_related("official__unit", "unit", "revoked_by")


def awards_of(*, official: Official | None = None, unit: Unit | None = None) -> list[Award]:
    """The awards of one official (individual awards) or one unit (its collective awards, not its officials'),
    for the eligibility rules and the achievement reports' table "year | form or title | decision no. and date |
    issuer" (each award's `decision_text` is the third column).

    Awards in force first, newest decision first (the latest is the one the interval before a next award counts
    from, `Award.rewarded_until`); then the revoked ones, newest first, which a caller shows marked
    (`is_revoked`, `revoked_by`) or leaves out, but never counts. Exactly one of official, unit.
    """
    if (official is None) == (unit is None):
        raise ValueError("awards_of: give exactly one of official, unit")
    found = _awards().filter(official=official) if official is not None else _awards().filter(unit=unit)
    awards = list(found.order_by("-decision_date", "-year", "pk"))
    return [a for a in awards if not a.is_revoked] + [a for a in awards if a.is_revoked]


def official_awards(official: Official) -> list[Award]:
    """An official's page: every award, newest decision first, the revoked ones in place (marked on the page)."""
    return list(_awards().filter(official=official).order_by("-decision_date", "-year", "pk"))


def unit_awards(unit: Unit) -> list[Award]:
    """A unit's collective awards, newest decision first, revoked ones in place."""
    return list(_awards().filter(unit=unit).order_by("-decision_date", "-year", "pk"))


def unit_officials_awards(unit: Unit, limit: int | None = None) -> tuple[list[Award], int]:
    """The latest `limit` (UNIT_PAGE_LIMIT) awards of the unit's officials (wherever they were when awarded), and
    how many there are in all."""
    found = _awards().filter(official__unit=unit).order_by("-decision_date", "name_key", "pk")
    return list(found[: limit or UNIT_PAGE_LIMIT]), found.count()


def unit_officials_counted(unit: Unit) -> list[Official]:
    """The unit's active officials, each with `award_count`: their awards in force."""
    return list(
        unit.officials.filter(is_active=True)
        .select_related("position")
        .annotate(award_count=Count("awards", filter=Q(awards__revoked_by__isnull=True)))
    )


def search_units(user) -> list[Unit]:
    """The units a person may search by: every active unit for the ward-wide roles, their own for a unit head."""
    if can_search_all_awards(user):
        return list(Unit.objects.filter(is_active=True).order_by("parent_id", "order", "name"))
    return units_headed_by(user)


@dataclass(frozen=True)
class Search:
    """What the search page asks for; every field optional."""

    name: str = ""
    unit: Unit | None = None
    year: int | None = None
    title: str = ""
    kind: str = ""
    """Award.Beneficiary value, or "" for both."""

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.unit or self.year or self.title or self.kind)


def _words(text: str) -> list[str]:
    return fold(text).split()[:SEARCH_WORDS]


def awards_search(*, user, search: Search) -> QuerySet[Award]:
    """The awards `user` may see that match `search`, newest decision first, revoked ones included (marked).

    Names and titles match without accents or case, word by word ("nguyen an" finds "Nguyễn Văn An"); a unit
    finds its collective awards and its current officials' awards. A unit head sees only their unit's.
    """
    found = _awards()
    if not can_search_all_awards(user):
        headed = [u.pk for u in units_headed_by(user)]
        found = found.filter(Q(unit__in=headed) | Q(official__unit__in=headed))
    for word in _words(search.name):
        found = found.filter(name_key__contains=word)
    for word in _words(search.title):
        found = found.filter(title_key__contains=word)
    if search.unit is not None:
        found = found.filter(Q(unit=search.unit) | Q(official__unit=search.unit))
    if search.year is not None:
        found = found.filter(year=search.year)
    if search.kind:
        found = found.filter(beneficiary=search.kind)
    return found.order_by("-decision_date", "name_key", "pk")


def titles_known() -> list[str]:
    """Titles and forms already entered, for the entry form's suggestions (the commonest first, at most 30)."""
    rows = Award.objects.values("title").annotate(n=Count("pk")).order_by("-n", "title")[:30]
    return [row["title"] for row in rows]


def issuers_known() -> list[str]:
    rows = Award.objects.values("issuer").annotate(n=Count("pk")).order_by("-n", "issuer")[:30]
    return [row["issuer"] for row in rows]
