"""The campaign's Celery tasks, defined in their wings; imported here so that autodiscovery registers them."""

from emulation.reports.excel.tasks import run_import
from emulation.reports.tasks import remind_due_soon, report_late_units
from emulation.scores.tasks import recompute_all_scores, recompute_scores

__all__ = ["recompute_all_scores", "recompute_scores", "remind_due_soon", "report_late_units", "run_import"]
