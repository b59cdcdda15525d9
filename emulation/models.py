"""The emulation app's models, defined in its wings and gathered here under the one `emulation` label."""

from emulation.initiatives.models import Initiative, InitiativeFile
from emulation.plan.models import Assignment, Campaign, CampaignContent, LegalBasis, Milestone
from emulation.reports.models import (
    Evidence,
    ImportJob,
    MonthlyReport,
    ReportEntry,
    ReportReminder,
    ReportTransition,
    _evidence_path,  # named by migration 0002 as the evidence files' upload_to
)
from emulation.scores.models import IndicatorScore, UnitScore

__all__ = [
    "Assignment",
    "Campaign",
    "CampaignContent",
    "Evidence",
    "ImportJob",
    "IndicatorScore",
    "Initiative",
    "InitiativeFile",
    "LegalBasis",
    "Milestone",
    "MonthlyReport",
    "ReportEntry",
    "ReportReminder",
    "ReportTransition",
    "UnitScore",
    "_evidence_path",
]
