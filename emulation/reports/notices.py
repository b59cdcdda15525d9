"""The messages the monthly reports send (core.notifications): title and body templates per kind.

Only what others did for a person or ask of them: the result of one's own Excel import is shown on
its job's page (emulation:import-job), never in the bell.
"""

from core.notifications import kinds_register

KINDS = {
    # kind: (title, body) — str.format templates.
    "report_submitted": (
        "{unit} đã gửi báo cáo tháng {month}",
        "{actor} đã gửi báo cáo số liệu tháng {month} của {unit}. Vui lòng xem xét.",
    ),
    "report_withdrawn": (
        "{unit} đã rút lại báo cáo tháng {month}",
        "{actor} đã rút lại báo cáo tháng {month} để sửa.{reason_line}",
    ),
    "report_accepted": (
        "Báo cáo tháng {month} đã được chấp nhận",
        "{actor} đã chấp nhận báo cáo số liệu tháng {month} của {unit}.",
    ),
    "report_returned": (
        "Báo cáo tháng {month} bị trả lại",
        "{actor} đã trả lại báo cáo tháng {month} của {unit}.{reason_line}",
    ),
    "report_reopened": (
        "Báo cáo tháng {month} được mở lại để sửa",
        "{actor} đã mở lại báo cáo tháng {month} của {unit}.{reason_line}",
    ),
    "report_due_soon": (
        "Sắp đến hạn nộp báo cáo tháng {month}",
        "Báo cáo số liệu tháng {month} của {unit} cần gửi chậm nhất ngày {deadline}.",
    ),
    "report_urged": (
        "Đôn đốc nộp báo cáo tháng {month}",
        "{actor} đề nghị {unit} hoàn thành và gửi báo cáo số liệu tháng {month} (hạn {deadline}).",
    ),
    "reports_late": (
        "{count} đơn vị chưa nộp báo cáo tháng {month}",
        "Quá hạn {deadline}, các đơn vị chưa gửi báo cáo: {units}.",
    ),
}

kinds_register(KINDS)
