"""Who may see what of the organisation (django-rules predicates)."""

import rules

from core.permissions import is_chairman, is_secretariat
from units.selectors import official_of, units_headed_by


@rules.predicate
def is_self(user, official) -> bool:
    own = official_of(user)
    return own is not None and official is not None and own.pk == official.pk


@rules.predicate
def heads_officials_unit(user, official) -> bool:
    return official is not None and any(u.pk == official.unit_id for u in units_headed_by(user))


@rules.predicate
def has_official_record(user) -> bool:
    return official_of(user) is not None


# Personal data (birth date…) of an official: DOMAIN.md §7.
can_view_personal_data = is_self | heads_officials_unit | is_secretariat | is_chairman
rules.add_perm("units.view_personal_data", can_view_personal_data)
rules.add_perm("units.edit_own_profile", has_official_record)


@rules.predicate
def heads_a_unit(user) -> bool:
    """Acts as head (or deputy) of some unit."""
    return bool(units_headed_by(user))
