"""Who may see which stored scores: `can_<verb>_<noun>` predicates (django-rules)."""

import rules

from core.permissions import is_staff_role
from emulation.reports.permissions import heads_unit
from units.permissions import heads_a_unit

# A unit head sees every unit's rank but only their own unit's figures; the ward-wide roles see all.
can_view_unit_scores = heads_unit | is_staff_role
can_view_all_scores = is_staff_role
can_view_scores = can_view_all_scores | heads_a_unit
"""Open the score pages at all (the ranking of every unit; figures as above)."""

rules.add_perm("emulation.view_scores_of_unit", can_view_unit_scores)
rules.add_perm("emulation.view_all_scores", can_view_all_scores)
rules.add_perm("emulation.view_scores", can_view_scores)
