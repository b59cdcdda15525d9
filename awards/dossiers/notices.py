"""The messages the award dossiers send (core.notifications): title and body templates per kind."""

from core.notifications import kinds_register

KINDS = {
    "dossier_submitted": (
        "{unit} đã gửi hồ sơ đề nghị {form}",
        "{actor} đã gửi hồ sơ đề nghị “{form}” của {unit}. Vui lòng xem xét.",
    ),
    "dossier_withdrawn": (
        "{unit} đã rút lại hồ sơ đề nghị {form}",
        "{actor} đã rút lại hồ sơ “{form}” để sửa.{reason_line}",
    ),
    "dossier_returned": (
        "Hồ sơ đề nghị {form} bị trả lại",
        "{actor} đã trả lại hồ sơ “{form}” của {unit}.{reason_line}",
    ),
    "dossier_accepted": (
        "Hồ sơ đề nghị {form} đã được tiếp nhận",
        "{actor} đã tiếp nhận hồ sơ “{form}” của {unit} để trình Hội đồng Thi đua – Khen thưởng phường.",
    ),
    "dossier_voted": (
        "Hội đồng đã xét hồ sơ {form} của {unit}",
        "Kết quả bỏ phiếu của Hội đồng Thi đua – Khen thưởng phường đã được ghi vào hồ sơ “{form}” của {unit}.",
    ),
    "dossier_proposed": (
        "Hồ sơ {form} của {unit} chờ Chủ tịch duyệt",
        "{actor} trình Chủ tịch hồ sơ “{form}” của {unit} sau khi Hội đồng đã xét.",
    ),
    "dossier_forwarded": (
        "Hồ sơ {form} của {unit} đã đề nghị lên tỉnh",
        "{actor} đã đề nghị Chủ tịch UBND tỉnh xét “{form}” cho {unit}; hồ sơ chờ quyết định của tỉnh.",
    ),
    "dossier_reviewed": (
        "Chủ tịch đã duyệt hồ sơ {form} của {unit}",
        "{actor} đã duyệt hồ sơ “{form}” của {unit}; có thể ban hành quyết định.{reason_line}",
    ),
    "dossier_decided": (
        "Đã có quyết định khen thưởng: {form}",
        "Hồ sơ “{form}” của {unit} đã có quyết định khen thưởng.{reason_line}",
    ),
}
kinds_register(KINDS)
