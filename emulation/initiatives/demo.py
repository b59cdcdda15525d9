"""Demo initiatives for `seed_demo`: four plausible ones of the demo ward's units in the campaign, two of them
recognised and applied (so the awards side has evidence to find), one recognised but not yet applied, one waiting.
Never used by the portal itself; authors are the demo ward's fictional officials (data/wards/…demo.yaml).

Everything goes through the services a person's pages use. Safe to run twice: an initiative whose title its unit
already registered in the campaign is left as it is.
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from emulation.initiatives import services
from emulation.initiatives.models import Initiative
from emulation.plan.models import Campaign
from units.models import Official, Unit

# A one-page PDF (the explanatory note a unit attaches), small enough to live here.
NOTE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

DEMO = [
    {
        "unit": "VP",
        "registrant": "canbo",
        "authors": ["Đỗ Thị Hạnh", "Phan Quốc Huy"],
        "title": "Tra cứu kho hồ sơ đã số hóa trước khi yêu cầu người dân nộp bản giấy",
        "problem": "Người dân thường phải nộp lại giấy tờ đã nộp ở lần giải quyết thủ tục trước, mất thời gian, "
        "chi phí sao y và dễ phát sinh phản ánh.",
        "solution": "Trước khi yêu cầu bản giấy, công chức tiếp nhận tra cứu kho kết quả đã số hóa theo số định danh "
        "cá nhân; giấy tờ đã có thì dùng lại bản điện tử và ghi chú vào phiếu tiếp nhận.",
        "scope": "Bộ phận một cửa phường; các thủ tục hộ tịch, chứng thực.",
        "benefits": "Giảm khoảng 30% số giấy tờ người dân phải nộp lại; rút ngắn thời gian tiếp nhận.",
        "file": "thuyet-minh-sang-kien.pdf",
        "recognition": (date(2026, 4, 15), "ward", "Quyết định số 58/QĐ-UBND ngày 15/04/2026 của UBND phường", True),
    },
    {
        "unit": "TTPVHCC",
        "registrant": "tp_hcc",
        "authors": ["La Văn Sơn", "Cao Thị Thảo"],
        "title": "Phiếu hẹn trả kết quả có mã QR tra cứu tiến độ hồ sơ",
        "problem": "Người dân phải gọi điện hoặc đến Trung tâm để hỏi hồ sơ đã giải quyết đến đâu.",
        "solution": "In mã QR trên phiếu hẹn; quét mã mở trang tra cứu tiến độ của Cổng dịch vụ công.",
        "scope": "Trung tâm Phục vụ hành chính công phường.",
        "benefits": "Giảm cuộc gọi hỏi tiến độ; người dân chủ động biết ngày nhận kết quả.",
        "recognition": (date(2026, 6, 20), "ward", "Quyết định số 97/QĐ-UBND ngày 20/06/2026 của UBND phường", True),
    },
    {
        "unit": "VHXH",
        "registrant": "vhxh",
        "authors": ["Quách Văn Nam", "Kiều Thị Oanh"],
        "title": "Số hóa sổ hộ tịch lưu trữ để cấp bản sao trích lục trực tuyến",
        "problem": "Sổ hộ tịch giấy lưu trữ nhiều năm, tra cứu thủ công chậm và dễ hư hỏng sổ.",
        "solution": "Quét và nhập chỉ mục các sổ hộ tịch cũ; cấp bản sao trích lục từ dữ liệu đã số hóa.",
        "scope": "Lĩnh vực hộ tịch của phường.",
        "benefits": "Thời gian cấp bản sao trích lục giảm từ 1 ngày xuống còn khoảng 1 giờ.",
        "recognition": (date(2026, 9, 10), "unit", "Quyết định số 05/QĐ-VHXH ngày 10/09/2026", False),
    },
    {
        "unit": "KTHTDT",
        "registrant": "tp_ktht",
        "authors": ["Vương Thị Gấm", "Tạ Minh Hiếu"],
        "title": "Bản đồ số hạ tầng đô thị phục vụ cấp phép xây dựng",
        "problem": "Thông tin quy hoạch, hạ tầng nằm rải rác ở nhiều hồ sơ giấy, cấp phép xây dựng phải tra nhiều nơi.",
        "solution": "Xây dựng lớp bản đồ số hạ tầng (giao thông, cấp thoát nước, chiếu sáng) trên nền địa chính.",
        "scope": "Phòng Kinh tế, Hạ tầng và Đô thị.",
        "benefits": "Tra cứu thông tin hạ tầng của một thửa đất trong vài phút.",
        "recognition": None,
    },
]


def initiatives_demo_load(*, campaign: Campaign, clerk) -> str:
    """Register the demo's initiatives (and record the recognitions, by `clerk`, the secretariat) that are not there
    yet; say what was added. A recognition day still to come is recorded as today."""
    users = get_user_model().objects
    today, added, counted = timezone.localdate(), 0, 0
    for item in DEMO:
        unit = Unit.objects.filter(code=item["unit"]).first()
        registrant = users.filter(username=item["registrant"]).first()
        if unit is None or registrant is None or not campaign.participants.filter(pk=unit.pk).exists():
            continue
        if Initiative.objects.filter(campaign=campaign, unit=unit, title=item["title"]).exists():
            continue
        authors = Official.objects.filter(unit=unit, full_name__in=item["authors"]).values_list("pk", flat=True)
        files = [SimpleUploadedFile(item["file"], NOTE_PDF)] if item.get("file") else []
        texts = {name: item[name] for name in ("title", "problem", "solution", "scope", "benefits")}
        initiative = services.initiative_register(
            campaign=campaign, unit=unit, actor=registrant, authors=list(authors), uploads=files, **texts
        )
        added += 1
        # Registered some weeks before its recognition (or lately, when none yet), as a real one would have been.
        registered = item["recognition"][0] - timedelta(days=45) if item["recognition"] else today - timedelta(days=20)
        registered = max(min(registered, today), campaign.start_date)
        at = timezone.make_aware(datetime.combine(registered, time(9, 0)))
        Initiative.objects.filter(pk=initiative.pk).update(registered_at=at)
        if item["recognition"]:
            day, level, reference, applied = item["recognition"]
            services.initiative_recognise(
                initiative=initiative,
                actor=clerk,
                recognised_on=min(day, today),
                level=level,
                decision_reference=reference,
                applied=applied,
            )
            counted += applied
    if not added:
        return "Sáng kiến mẫu: đã có sẵn, giữ nguyên."
    return f"Sáng kiến mẫu: thêm {added} ({counted} được công nhận và đã áp dụng)."
