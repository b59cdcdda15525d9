"""What the scores do when others change: a report accepted or reopened is recomputed once it commits.

Registered on the report workflow's table from here (scores read reports, never the reverse).
"""

from core.queue import enqueue_on_commit
from emulation.reports.workflow import REPORT_WORKFLOW
from emulation.scores.tasks import recompute_scores


@REPORT_WORKFLOW.effect("recompute_scores")
def _recompute_after(report, actor, **inputs) -> None:
    """The unit's scores for the periods the report's month touches, and the ward's ranking, once the
    change has committed (through the outbox: never waits on the broker)."""
    enqueue_on_commit(recompute_scores, report.campaign_id, report.unit_id, report.month.isoformat())
