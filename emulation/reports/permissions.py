"""Who may do what with monthly reports: the `can_<verb>_<noun>` predicates every view, service, selector and
template asks (django-rules), registered as the `emulation.<verb>_<noun>` permissions."""

import rules

from core.permissions import is_secretariat, is_staff_role
from emulation.reports.workflow import EDITABLE
from units.permissions import heads_a_unit
from units.selectors import units_headed_by


@rules.predicate
def heads_report_unit(user, report) -> bool:
    return report is not None and any(u.pk == report.unit_id for u in units_headed_by(user))


@rules.predicate
def heads_unit(user, unit) -> bool:
    return unit is not None and any(u.pk == unit.pk for u in units_headed_by(user))


@rules.predicate
def report_is_editable(user, report) -> bool:
    return report is not None and report.status in EDITABLE


# A unit head sees and edits only their own unit's reports; the ward-wide roles see every unit's.
can_view_report = heads_report_unit | is_staff_role
can_edit_report = heads_report_unit & report_is_editable
can_submit_report = heads_report_unit
"""Send or withdraw (the state each step needs is the workflow table's)."""
can_review_report = is_secretariat
"""Accept, return, reopen."""
can_open_report = heads_unit | is_secretariat
"""Open a unit's report for a month (object: the unit)."""
can_follow_reports = is_staff_role
"""See every unit's reports, the matrix of all units, the export of all units."""
can_export_figures = can_follow_reports | heads_a_unit
"""Download figures as .xlsx: every unit's for the ward-wide roles, their own unit's for a unit head."""
can_urge_reports = is_secretariat
can_import_figures = is_secretariat

rules.add_perm("emulation.view_report", can_view_report)
rules.add_perm("emulation.edit_report", can_edit_report)
rules.add_perm("emulation.submit_report", can_submit_report)
rules.add_perm("emulation.review_report", can_review_report)
rules.add_perm("emulation.open_report", can_open_report)
rules.add_perm("emulation.follow_reports", can_follow_reports)
rules.add_perm("emulation.export_figures", can_export_figures)
rules.add_perm("emulation.urge_reports", can_urge_reports)
rules.add_perm("emulation.import_figures", can_import_figures)
