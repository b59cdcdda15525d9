"""core.bulk rewrites a slice of a score table: many changed rows of a composite-key table at once (the demo's
first recompute after the plan's months are accepted) must work on SQLite as on PostgreSQL."""

from decimal import Decimal

from django.utils import timezone

from core.bulk import rows_stored, rows_sync
from criteria.models import Indicator
from emulation.models import IndicatorScore
from emulation.scores.services import SCORE_FIELDS, SCORE_KEY


def test_changing_most_rows_of_a_composite_key_table_rewrites_them(campaign, ward):
    units = list(ward.units.values())
    indicators = list(Indicator.objects.filter(campaign=campaign))
    periods = [f"2026-{m:02d}" for m in range(1, 13)] + [f"2026-Q{q}" for q in range(1, 5)] + ["2026"]
    keys = [(u.pk, i.pk, p) for u in units for i in indicators for p in periods]  # 5 × 15 × 17 = 1,275 rows
    row = (None, False, None, Decimal("0.00"), Decimal("0.00"), None, "no_data", None)
    constants = {"campaign_id": campaign.pk, "computed_at": timezone.now()}
    scope = IndicatorScore.objects.filter(campaign=campaign)
    rows_sync(scope, rows_stored(scope, SCORE_KEY, SCORE_FIELDS), dict.fromkeys(keys, row), constants)
    assert scope.count() == len(keys)
    # All but the first unit's rows change: over a thousand deleted by key, the rest left alone.
    changed = (Decimal("50.00"), True, True, Decimal("5.00"), Decimal("5.00"), None, "met", None)
    wanted = {key: (row if key[0] == units[0].pk else changed) for key in keys}
    inserted = rows_sync(scope, rows_stored(scope, SCORE_KEY, SCORE_FIELDS), wanted, constants)
    assert inserted == len(keys) - len(indicators) * len(periods) > 1000
    assert scope.filter(reason="met").count() == inserted and scope.count() == len(keys)
