"""The awards app's models, defined in its wings and gathered here under the one `awards` label."""

from awards.catalogue.models import AwardForm, AwardStandard, DossierPart, RuleSetting
from awards.council.models import CouncilMeeting, CouncilMember, CouncilVote
from awards.decisions.models import Decision, DecisionRegister
from awards.dossiers.models import (
    AchievementReport,
    Dossier,
    DossierStatus,
    DossierTransition,
    Nominee,
    UnitMinutes,
)
from awards.history.models import Award

__all__ = [
    "AchievementReport",
    "Award",
    "AwardForm",
    "AwardStandard",
    "CouncilMeeting",
    "CouncilMember",
    "CouncilVote",
    "Decision",
    "DecisionRegister",
    "Dossier",
    "DossierPart",
    "DossierStatus",
    "DossierTransition",
    "Nominee",
    "RuleSetting",
    "UnitMinutes",
]
