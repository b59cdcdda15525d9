"""The sections of an achievement report drawn from data (Mẫu 02/03): the unit's results against its targets
and its rank, the initiatives recognised and applied, the awards already received. Shown live while the
report is written, frozen into the report when the unit head confirms it (plain text and numbers: JSON)."""

from awards.dossiers.models import Nominee
from awards.history.models import Award
from emulation.initiatives.selectors import initiatives_counting_for
from emulation.scores.models import IndicatorScore, UnitScore


def _scores(nominee: Nominee) -> dict:
    dossier = nominee.dossier
    period = str(dossier.campaign.year)
    rows = (
        IndicatorScore.objects.filter(campaign=dossier.campaign, unit=nominee.unit, period=period, has_data=True)
        .select_related("indicator")
        .order_by("indicator__criterion__order", "indicator__order", "indicator__code")
    )
    total = UnitScore.objects.filter(campaign=dossier.campaign, unit=nominee.unit, period=period).first()
    return {
        "period": period,
        "indicators": [
            {
                "code": s.indicator.code,
                "name": s.indicator.name,
                "value": s.indicator.shape.value_text(s.value),
                "target": s.indicator.target_display,
                "met": s.met,
                "points": str(s.points),
                "max_points": str(s.max_points),
            }
            for s in rows
        ],
        "total": str(total.total) if total else None,
        "score": str(total.score) if total and total.score is not None else None,
        "rank": total.rank if total else None,
        "ranked": UnitScore.objects.filter(campaign=dossier.campaign, period=period, rank__isnull=False).count(),
    }


def report_prefill(nominee: Nominee) -> dict:
    dossier = nominee.dossier
    individual = nominee.kind == Nominee.Kind.INDIVIDUAL
    initiatives = initiatives_counting_for(
        dossier.campaign,
        official=nominee.official if individual else None,
        unit=None if individual else nominee.unit,
        start=dossier.period_start,
        end=dossier.period_end,
    )
    awards = Award.objects.filter(revoked_by__isnull=True)
    awards = awards.filter(official=nominee.official) if individual else awards.filter(unit=nominee.unit)
    return {
        "name": nominee.name,
        "position": nominee.position,
        "unit": nominee.unit_name,
        "scores": None if individual else _scores(nominee),
        "initiatives": [
            {"title": i.title, "recognised_on": f"{i.recognised_on:%d/%m/%Y}", "level": i.get_level_display()}
            for i in initiatives
        ],
        "awards": [
            {
                "year": a.year,
                "title": a.title,
                "decision": f"{a.decision_number} ngày {a.decision_date:%d/%m/%Y}",
                "issuer": a.issuer,
            }
            for a in awards.order_by("year", "decision_date", "pk")
        ],
    }
