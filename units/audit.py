"""What the units app gives the audit log (core.audit): its units for the filter, the history of units and
officials."""

from core.audit.registry import history_register, units_register
from units.models import Official, Unit


def _units() -> list[tuple[int, str]]:
    return list(Unit.objects.order_by("order", "name").values_list("id", "short_name"))


units_register(_units)
history_register(
    Unit,
    key="don-vi",
    label="Phòng/đơn vị",
    unit="id",
    unit_name="short_name",
    subject=lambda row: f"Phòng/đơn vị {row['code']}",
)
history_register(
    Official,
    key="can-bo",
    label="Cán bộ, công chức",
    unit="unit_id",
    unit_name="unit__short_name",
    subject=lambda row: f"Cán bộ {row['full_name']}",
)
