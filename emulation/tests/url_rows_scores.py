"""Permission-table rows for the score pages (see core/tests/test_permissions.py)."""

from django.utils import timezone

from emulation.models import IndicatorScore
from units.models import Unit


def context(ctx: dict) -> dict:
    """A stored score of Văn phòng (alice's unit) for one indicator and month."""
    campaign = ctx["campaign"]
    score = IndicatorScore.objects.create(
        campaign=campaign,
        unit=Unit.objects.get(code="VP"),
        indicator=campaign.indicators.get(code="1.2a"),
        period="2026-11",
        computed_at=timezone.now(),
    )
    return {"score_vp": score}


ROWS: dict = {
    # Only VP's head and the ward-wide roles; bob heads another unit, olga heads none.
    "emulation:score-explain": (
        lambda ctx: ctx["score_vp"].explain_kwargs,
        {"alice": 200, "bob": 404, "olga": 404, "sam": 200, "chris": 200, "ada": 200},
        "login",
    ),
    # Every unit head sees the ranking (and their own unit's heatmap); an official: 404.
    "emulation:score-overview": (
        lambda ctx: {"code": ctx["campaign"].code},
        {"alice": 200, "bob": 200, "olga": 404, "sam": 200, "chris": 200, "ada": 200},
        "login",
    ),
    # A unit's page: its own head and the ward-wide roles; another unit's head or an official: 404.
    "emulation:score-unit": (
        lambda ctx: {"code": ctx["campaign"].code, "unit_code": "VP"},
        {"alice": 200, "bob": 404, "olga": 404, "sam": 200, "chris": 200, "ada": 200},
        "login",
    ),
    # An indicator across units: every unit head (their own row only), the ward-wide roles; an official: 404.
    "emulation:score-indicator": (
        lambda ctx: {"code": ctx["campaign"].code, "indicator_code": "1.2a"},
        {"alice": 200, "bob": 200, "olga": 404, "sam": 200, "chris": 200, "ada": 200},
        "login",
    ),
}
