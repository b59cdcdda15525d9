"""Who may do what with award dossiers: the `can_<verb>_<noun>` predicates every view, service, selector and
template asks (django-rules), registered as the `awards.<verb>_<noun>` permissions."""

import rules

from awards.dossiers.workflow import EDITABLE
from core.permissions import is_chairman, is_secretariat, is_staff_role
from emulation.reports.permissions import heads_unit
from units.selectors import official_of, units_headed_by


@rules.predicate
def heads_dossier_unit(user, dossier) -> bool:
    return dossier is not None and any(u.pk == dossier.unit_id for u in units_headed_by(user))


@rules.predicate
def dossier_is_editable(user, dossier) -> bool:
    return dossier is not None and dossier.status in EDITABLE


@rules.predicate
def is_the_nominee(user, nominee) -> bool:
    official = official_of(user)
    return nominee is not None and official is not None and nominee.official_id == official.pk


@rules.predicate
def heads_nominee_unit(user, nominee) -> bool:
    return nominee is not None and heads_dossier_unit(user, nominee.dossier)


@rules.predicate
def nominee_dossier_editable(user, nominee) -> bool:
    return nominee is not None and nominee.dossier.status in EDITABLE


# A unit head sees and builds their own unit's dossiers; the ward-wide roles see every unit's.
can_view_dossier = heads_dossier_unit | is_staff_role
can_open_dossier = heads_unit
"""Open a unit's dossier (object: the unit)."""
can_edit_dossier = heads_dossier_unit & dossier_is_editable
can_submit_dossier = heads_dossier_unit
"""Send or withdraw (the state each step needs is the workflow table's)."""
can_review_dossier = is_secretariat
"""Return, accept, record the council, propose to the chairman, forward to the province."""
can_approve_dossier = is_chairman
can_issue_decision = is_secretariat | is_chairman
can_view_nominee = heads_nominee_unit | is_the_nominee | is_staff_role
can_write_report = (heads_nominee_unit | is_the_nominee) & nominee_dossier_editable
"""The nominee writes their own narrative, or the unit writes it; until the dossier is sent."""
can_confirm_report = heads_nominee_unit & nominee_dossier_editable

rules.add_perm("awards.view_dossier", can_view_dossier)
rules.add_perm("awards.open_dossier", can_open_dossier)
rules.add_perm("awards.edit_dossier", can_edit_dossier)
rules.add_perm("awards.submit_dossier", can_submit_dossier)
rules.add_perm("awards.review_dossier", can_review_dossier)
rules.add_perm("awards.approve_dossier", can_approve_dossier)
rules.add_perm("awards.issue_decision", can_issue_decision)
rules.add_perm("awards.view_nominee", can_view_nominee)
rules.add_perm("awards.write_report", can_write_report)
rules.add_perm("awards.confirm_report", can_confirm_report)
