"""What the awards app gives the audit log (core.audit): the history of dossiers, nominees, achievement reports,
unit minutes, council meetings and votes, and every step of a dossier's workflow."""

from awards.council.models import CouncilMeeting, CouncilVote
from awards.dossiers.models import AchievementReport, Dossier, DossierTransition, Nominee, UnitMinutes
from awards.dossiers.workflow import DOSSIER_WORKFLOW
from core.audit.registry import TransitionSource, history_register, source_register

history_register(
    Dossier,
    key="ho-so",
    label="Hồ sơ đề nghị khen thưởng",
    unit="unit_id",
    unit_name="unit__short_name",
    subject=lambda row: f"Hồ sơ #{row['id']}",
)
history_register(
    Nominee,
    key="de-nghi",
    label="Người, tập thể được đề nghị",
    unit="unit_id",
    unit_name="unit__short_name",
    subject=lambda row: f"Đề nghị khen “{row['name']}” (hồ sơ #{row['dossier_id']})",
)
history_register(
    AchievementReport,
    key="bao-cao-thanh-tich",
    label="Báo cáo thành tích",
    unit="nominee__unit_id",
    unit_name="nominee__unit__short_name",
    subject_fields=("nominee__name",),
    subject=lambda row: f"Báo cáo thành tích của “{row['nominee__name'] or '?'}”",
)
history_register(
    UnitMinutes,
    key="bien-ban-don-vi",
    label="Biên bản họp Hội đồng đơn vị",
    unit="dossier__unit_id",
    unit_name="dossier__unit__short_name",
    subject=lambda row: f"Biên bản của hồ sơ #{row['dossier_id']}",
)
history_register(CouncilMeeting, key="phien-hop", label="Phiên họp Hội đồng TĐKT phường")
history_register(
    CouncilVote,
    key="bo-phieu",
    label="Kết quả bỏ phiếu",
    unit="nominee__unit_id",
    unit_name="nominee__unit__short_name",
    subject_fields=("nominee__name",),
    subject=lambda row: f"Phiếu bầu cho “{row['nominee__name'] or '?'}”",
)
source_register(
    TransitionSource(
        key="buoc-ho-so",
        label="Bước xử lý hồ sơ khen thưởng",
        model=DossierTransition,
        unit="dossier__unit_id",
        unit_name="dossier__unit__short_name",
        subject=lambda row: f"Hồ sơ #{row['dossier_id']}",
        subject_fields=("dossier_id",),
        actions={t.action: t.label for t in DOSSIER_WORKFLOW.transitions},
    )
)
