"""Who may do what with initiatives: the `can_<verb>_<noun>` predicates every view, service, selector and template
asks (django-rules), registered as the `emulation.<verb>_<noun>` permissions.

An initiative belongs to a unit: the unit's people (its officials, its head) see it, the ward-wide roles see every
unit's; anyone else gets a 404. Its registrant or the unit's head edit it until the secretariat recognises it.
"""

import rules

from core.permissions import is_secretariat, is_staff_role
from units.selectors import official_of, units_headed_by


@rules.predicate
def belongs_to_unit(user, unit) -> bool:
    """The person's official record is in `unit` (any role: an official, the unit's head or deputy)."""
    official = official_of(user)
    return unit is not None and official is not None and official.unit_id == unit.pk


@rules.predicate
def heads_unit(user, unit) -> bool:
    return unit is not None and any(u.pk == unit.pk for u in units_headed_by(user))


@rules.predicate
def of_initiatives_unit(user, initiative) -> bool:
    official = official_of(user)
    return initiative is not None and official is not None and official.unit_id == initiative.unit_id


@rules.predicate
def registered_it(user, initiative) -> bool:
    return initiative is not None and user.is_authenticated and initiative.registered_by_id == user.pk


@rules.predicate
def heads_initiatives_unit(user, initiative) -> bool:
    return initiative is not None and any(u.pk == initiative.unit_id for u in units_headed_by(user))


@rules.predicate
def not_recognised(user, initiative) -> bool:
    return initiative is not None and initiative.recognised_on is None


can_register_initiative = belongs_to_unit | heads_unit
"""Register an initiative for `unit` (object: the unit): its own officials and its head, for their own unit only."""
can_view_initiative = of_initiatives_unit | registered_it | is_staff_role
can_edit_initiative = (registered_it | heads_initiatives_unit) & not_recognised
"""Its registrant or its unit's head, until the secretariat recognises it (then only the secretariat changes the
recognition)."""
can_recognise_initiative = is_secretariat
"""Record, change or withdraw the recognition (date, level, decision, applied)."""
can_follow_initiatives = is_staff_role
"""See every unit's initiatives."""

rules.add_perm("emulation.register_initiative", can_register_initiative)
rules.add_perm("emulation.view_initiative", can_view_initiative)
rules.add_perm("emulation.edit_initiative", can_edit_initiative)
rules.add_perm("emulation.recognise_initiative", can_recognise_initiative)
rules.add_perm("emulation.follow_initiatives", can_follow_initiatives)
