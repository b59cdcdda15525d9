"""What the criteria app gives the audit log (core.audit): the history of indicators (ward-wide, no unit)."""

from core.audit.registry import history_register
from criteria.models import Indicator

history_register(Indicator, key="chi-tieu", label="Chỉ tiêu", subject=lambda row: f"Chỉ tiêu {row['code']}")
