"""Who may see and enter awards received: the `can_<verb>_<noun>` predicates every view, service, selector and
template asks (django-rules), registered as `awards.<verb>_<noun>`.

Awards are not sensitive personal data (DOMAIN.md §7), but they are kept to signed-in people with a reason to
look: the person their own, a unit head their unit's (the collective and its officials), the ward-wide roles
(secretariat, chairman, admin) everyone's. Only the secretariat and the admin enter awards from before the
portal; only the secretariat imports a file of them.
"""

import rules

from core.permissions import is_admin, is_secretariat, is_staff_role
from units.permissions import heads_a_unit, heads_officials_unit, is_self
from units.selectors import units_headed_by


@rules.predicate
def heads_the_unit(user, unit) -> bool:
    return unit is not None and any(u.pk == unit.pk for u in units_headed_by(user))


can_view_official_awards = is_self | heads_officials_unit | is_staff_role
"""An official's awards page (object: the official)."""
can_view_unit_awards = heads_the_unit | is_staff_role
"""A unit's awards page: its collective awards and its officials' (object: the unit)."""
can_search_awards = is_staff_role | heads_a_unit
"""The search page and its export: every award for the ward-wide roles, their unit's for a unit head."""
can_search_all_awards = is_staff_role
can_record_award = is_secretariat | is_admin
"""Enter an award from before the portal by hand."""
can_import_awards = is_secretariat

rules.add_perm("awards.view_official_awards", can_view_official_awards)
rules.add_perm("awards.view_unit_awards", can_view_unit_awards)
rules.add_perm("awards.search_awards", can_search_awards)
rules.add_perm("awards.search_all_awards", can_search_all_awards)
rules.add_perm("awards.record_award", can_record_award)
rules.add_perm("awards.import_awards", can_import_awards)
