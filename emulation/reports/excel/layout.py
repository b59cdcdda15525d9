"""The layouts of the monthly reports' spreadsheets: sheet names, headers, and how each indicator is filled in.

Shared by the writers (templates, export) and the checks (imports), so a column renamed here is
renamed in both; docs/EXCEL.md describes the same layouts for the people who fill them.
"""

from core.numbers import vn_number
from criteria.models import Indicator

TEMPLATE_UNIT_LABEL, TEMPLATE_MONTH_LABEL = "Mã đơn vị", "Tháng"
LONG_HEADER = ("Mã đơn vị", "Tháng", "Mã chỉ tiêu", "Tử số", "Mẫu số", "Giá trị")


TEMPLATE_SHEET = "Báo cáo tháng"


TEMPLATE_HEADER = (
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Cách nhập",
    "Chỉ tiêu phấn đấu",
    "Điểm tối đa",
    "Tử số",
    "Mẫu số",
    "Giá trị",
    "Điểm tự chấm",
    "Giải trình",
)


TEMPLATE_FIELDS = {
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    "value": "Giá trị",
    "self_score": "Điểm tự chấm",
    "explanation": "Giải trình",
}


ONE_STOP_SHEET = "Một cửa"


ONE_STOP_HEADER = ("Nội dung", "Số hồ sơ")


GUIDE_SHEET = "Hướng dẫn"


EXPORT_HEADER = (
    "Mã đơn vị",
    "Đơn vị",
    "Tháng",
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Tử số",
    "Mẫu số",
    "Tỷ lệ (%)",
    "Giá trị",
    "Điểm tự chấm",
    "Điểm thẩm định",
    "Chỉ tiêu phấn đấu",
    "Trạng thái",
)


NO_DOSSIERS = "Không có hồ sơ"


def how_to_fill(indicator: Indicator) -> str:
    return indicator.shape.how_to_fill(indicator.points)


def target_text(indicator: Indicator) -> str:
    if indicator.target is None:
        return "Tăng so với kỳ trước" if indicator.is_rising else ""
    if indicator.shape.is_score:
        return f"Đạt từ {vn_number(indicator.target)}/{vn_number(indicator.points)} điểm"
    sign = "≥" if indicator.comparison == Indicator.Comparison.AT_LEAST else "≤"
    return f"{sign} {indicator.shape.value_text(indicator.target)}"
