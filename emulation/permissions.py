"""Who may do what with campaigns and monthly reports (django-rules predicates)."""

import rules

from core.permissions import is_admin, is_chairman, is_secretariat, is_staff_role
from emulation.workflow import EDITABLE
from units.selectors import units_headed_by


@rules.predicate
def campaign_is_published(user, campaign) -> bool:
    return campaign is None or campaign.is_active


@rules.predicate
def heads_reports_unit(user, report) -> bool:
    return report is not None and any(u.pk == report.unit_id for u in units_headed_by(user))


@rules.predicate
def report_is_editable(user, report) -> bool:
    return report is not None and report.status in EDITABLE


# Every signed-in person reads an active campaign; ward-wide roles also read inactive ones.
can_view_campaign = rules.is_authenticated & (campaign_is_published | is_staff_role)
rules.add_perm("emulation.view_campaign_page", can_view_campaign)
rules.add_perm("emulation.manage_campaign", is_admin)

# Monthly reports: a unit head sees and edits only their own unit's; the ward-wide roles see all.
can_view_report = heads_reports_unit | is_secretariat | is_chairman | is_admin
rules.add_perm("emulation.view_report", can_view_report)
rules.add_perm("emulation.edit_report", heads_reports_unit & report_is_editable)
rules.add_perm("emulation.follow_reports", is_secretariat | is_chairman | is_admin)
rules.add_perm("emulation.urge_reports", is_secretariat)
rules.add_perm("emulation.import_figures", is_secretariat)


@rules.predicate
def heads_unit(user, unit) -> bool:
    return unit is not None and any(u.pk == unit.pk for u in units_headed_by(user))


# Stored scores: a unit head sees only their own unit's; the ward-wide roles see every unit's.
rules.add_perm("emulation.view_scores_of_unit", heads_unit | is_secretariat | is_chairman | is_admin)
