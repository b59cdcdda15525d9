"""Monthly reports units send under a campaign: figures, evidence, workflow steps, reminders and Excel imports."""

from datetime import date
from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from simple_history.models import HistoricalRecords

from core.numbers import COUNT_MAX
from core.versions import version_field
from core.workflow import REASON_MAX
from emulation.plan.models import Campaign

EXPLANATION_MAX = 5000
"""Characters of an explanation (giải trình): a long page of text, not a pasted document."""
SCORE_MAX = 1000
"""No indicator is worth more points (the real bound of a score is its indicator's points, checked on input)."""
COUNT = [MaxValueValidator(COUNT_MAX)]
ONE_STOP_FIELDS = (  # the one-stop counts of DOMAIN.md §2
    "received",
    "received_online",
    "received_direct",
    "carried_over",
    "resolved",
    "resolved_ahead",
    "resolved_on_time",
    "resolved_late",
    "in_progress",
    "in_progress_within",
    "in_progress_overdue",
)
SCORE = [MinValueValidator(0), MaxValueValidator(SCORE_MAX)]


class ReportStatus(models.TextChoices):
    """The monthly report's states; its workflow (emulation.reports.workflow) is the table of moves between them."""

    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã gửi, chờ xem xét"
    RETURNED = "returned", "Bị trả lại"
    ACCEPTED = "accepted", "Đã chấp nhận"


class MonthlyReport(models.Model):
    """A unit's figures for one campaign month (báo cáo số liệu tháng)."""

    campaign = models.ForeignKey(Campaign, verbose_name="phong trào", on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="reports")
    month = models.DateField("tháng", help_text="Ngày đầu tháng.")
    status = models.CharField("trạng thái", max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    first_submitted_at = models.DateTimeField("gửi lần đầu", null=True, blank=True)
    submitted_at = models.DateTimeField("gửi lần gần nhất", null=True, blank=True)
    accepted_at = models.DateTimeField("chấp nhận lúc", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người chấp nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    # One-stop counts (DOMAIN.md §2), from which the dossier indicators' figures are derived.
    received = models.PositiveIntegerField("tổng số hồ sơ tiếp nhận", null=True, blank=True, validators=COUNT)
    received_online = models.PositiveIntegerField("tiếp nhận trực tuyến", null=True, blank=True, validators=COUNT)
    received_direct = models.PositiveIntegerField(
        "tiếp nhận trực tiếp, bưu chính", null=True, blank=True, validators=COUNT
    )
    carried_over = models.PositiveIntegerField("kỳ trước chuyển qua", null=True, blank=True, validators=COUNT)
    resolved = models.PositiveIntegerField("tổng số đã giải quyết", null=True, blank=True, validators=COUNT)
    resolved_ahead = models.PositiveIntegerField("giải quyết trước hạn", null=True, blank=True, validators=COUNT)
    resolved_on_time = models.PositiveIntegerField("giải quyết đúng hạn", null=True, blank=True, validators=COUNT)
    resolved_late = models.PositiveIntegerField("giải quyết quá hạn", null=True, blank=True, validators=COUNT)
    in_progress = models.PositiveIntegerField("tổng số đang giải quyết", null=True, blank=True, validators=COUNT)
    in_progress_within = models.PositiveIntegerField(
        "đang giải quyết trong hạn", null=True, blank=True, validators=COUNT
    )
    in_progress_overdue = models.PositiveIntegerField(
        "đang giải quyết quá hạn", null=True, blank=True, validators=COUNT
    )
    version = version_field(
        "Tăng mỗi lần số liệu, minh chứng hay trạng thái đổi: lưu dựa trên phiên bản cũ bị từ chối."
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    ONE_STOP_FIELDS = ONE_STOP_FIELDS

    class Meta:
        verbose_name = "báo cáo số liệu tháng"
        verbose_name_plural = "báo cáo số liệu tháng"
        ordering = ["campaign", "month", "unit__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "unit", "month"],
                name="one_report_per_unit_month",
                violation_error_message="Đơn vị đã có báo cáo cho tháng này.",
            ),
            *[
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}__lte": COUNT_MAX}),
                    name=f"report_{name}_bounded",
                    violation_error_message=f"Số hồ sơ tối đa {COUNT_MAX:_}.".replace("_", "."),
                )
                for name in ONE_STOP_FIELDS
            ],
        ]

    def __str__(self) -> str:
        return f"{self.unit.short_name} — tháng {self.month:%m/%Y}"

    @property
    def deadline(self) -> date:
        return self.campaign.report_deadline(self.month)

    def is_late(self, today: date) -> bool:
        """Late when first sent after the deadline day, or still not sent once it has passed."""
        from django.utils import timezone

        if self.first_submitted_at is not None:
            return timezone.localdate(self.first_submitted_at) > self.deadline
        return today > self.deadline

    @property
    def has_one_stop_counts(self) -> bool:
        return any(getattr(self, name) is not None for name in self.ONE_STOP_FIELDS)


class ReportEntry(models.Model):
    """One indicator's figures in a monthly report."""

    report = models.ForeignKey(MonthlyReport, verbose_name="báo cáo", on_delete=models.CASCADE, related_name="entries")
    indicator = models.ForeignKey(
        "criteria.Indicator", verbose_name="chỉ tiêu", on_delete=models.PROTECT, related_name="entries"
    )
    numerator = models.PositiveIntegerField("tử số", null=True, blank=True, validators=COUNT)
    denominator = models.PositiveIntegerField("mẫu số", null=True, blank=True, validators=COUNT)
    value = models.DecimalField(
        "giá trị", max_digits=14, decimal_places=2, null=True, blank=True, validators=[*COUNT, MinValueValidator(0)]
    )
    self_score = models.DecimalField(
        "điểm tự chấm", max_digits=6, decimal_places=2, null=True, blank=True, validators=SCORE
    )
    appraised_score = models.DecimalField(
        "điểm thẩm định", max_digits=6, decimal_places=2, null=True, blank=True, validators=SCORE
    )
    explanation = models.TextField("giải trình", blank=True, max_length=EXPLANATION_MAX)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "số liệu chỉ tiêu"
        verbose_name_plural = "số liệu chỉ tiêu"
        ordering = ["indicator__criterion__order", "indicator__order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_entry_per_indicator"),
            models.CheckConstraint(
                condition=models.Q(numerator__isnull=True)
                | models.Q(denominator__isnull=True)
                | models.Q(numerator__lte=models.F("denominator")),
                name="entry_numerator_not_above_denominator",
                violation_error_message="Tử số không được lớn hơn mẫu số.",
            ),
            # The bounds every form and import enforce, held by the database too (SQLite does not bound decimals).
            models.CheckConstraint(
                condition=models.Q(denominator__lte=COUNT_MAX) & models.Q(value__gte=0, value__lte=COUNT_MAX),
                name="entry_counts_bounded",
                violation_error_message="Số liệu vượt giới hạn.",
            ),
            models.CheckConstraint(
                condition=models.Q(self_score__gte=0, self_score__lte=SCORE_MAX)
                & models.Q(appraised_score__gte=0, appraised_score__lte=SCORE_MAX),
                name="entry_scores_bounded",
                violation_error_message="Điểm vượt giới hạn.",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("explanation"), EXPLANATION_MAX),
                name="entry_explanation_bounded",
                violation_error_message="Giải trình quá dài.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.indicator.code}"


def _evidence_path(instance: "Evidence", filename: str) -> str:
    report = instance.entry.report
    folder = f"evidence/{report.campaign.code}/{report.unit.code}/{report.month:%Y-%m}"
    return f"{folder}/{uuid4().hex}{Path(filename).suffix.lower()}"


class Evidence(models.Model):
    """A file backing an entry. Stored under MEDIA_ROOT, which is never served directly."""

    entry = models.ForeignKey(
        ReportEntry, verbose_name="số liệu chỉ tiêu", on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField("tệp", upload_to=_evidence_path, max_length=300)
    original_name = models.CharField("tên tệp", max_length=255)
    content_type = models.CharField("loại tệp", max_length=100)
    size = models.PositiveIntegerField("dung lượng (byte)")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người tải lên", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("tải lên lúc", auto_now_add=True)

    class Meta:
        verbose_name = "minh chứng"
        verbose_name_plural = "minh chứng"
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class ReportTransition(models.Model):
    """Who moved a report from which state to which, when and why."""

    report = models.ForeignKey(
        MonthlyReport, verbose_name="báo cáo", on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField("thao tác", max_length=20)
    from_status = models.CharField("từ", max_length=12, choices=ReportStatus.choices)
    to_status = models.CharField("sang", max_length=12, choices=ReportStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("lúc", auto_now_add=True)
    reason = models.TextField("lý do", blank=True, max_length=REASON_MAX)

    class Meta:
        verbose_name = "lịch sử xử lý báo cáo"
        verbose_name_plural = "lịch sử xử lý báo cáo"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.report}: {self.from_status} → {self.to_status}"


class ReportReminder(models.Model):
    """A reminder, urge or late list sent about a unit's month; makes the beat jobs idempotent."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Nhắc sắp đến hạn"
        URGE = "urge", "Đôn đốc"
        LATE_LIST = "late_list", "Danh sách đơn vị chậm nộp"

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="reminders"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    month = models.DateField("tháng")
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người gửi",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        verbose_name = "nhắc nhở, đôn đốc"
        verbose_name_plural = "nhắc nhở, đôn đốc"
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.month:%m/%Y}"


class ImportJob(models.Model):
    """An Excel import run in the background; the page polls it to show progress and errors."""

    class Kind(models.TextChoices):
        UNIT_MONTH = "unit_month", "Mẫu báo cáo tháng của đơn vị"
        LONG = "long", "Số liệu nhiều đơn vị, nhiều tháng"

    class Status(models.TextChoices):
        PENDING = "pending", "Đang chờ"
        RUNNING = "running", "Đang xử lý"
        DONE = "done", "Hoàn tất"
        FAILED = "failed", "Có lỗi, không lưu gì"

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="import_jobs"
    )
    report = models.ForeignKey(
        MonthlyReport,
        verbose_name="báo cáo",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="import_jobs",
        help_text="Chỉ với mẫu báo cáo tháng của đơn vị.",
    )
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    file = models.FileField("tệp", upload_to="imports/%Y/%m/", max_length=300)
    original_name = models.CharField("tên tệp", max_length=255)
    accept = models.BooleanField("chấp nhận ngay sau khi nhập", default=False)
    status = models.CharField("trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING)
    total_rows = models.PositiveIntegerField("số dòng", default=0)
    processed_rows = models.PositiveIntegerField("đã xử lý", default=0)
    errors = models.JSONField("lỗi", default=list, blank=True)
    summary = models.TextField("kết quả", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người nhập", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("lúc", auto_now_add=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "lần nhập Excel"
        verbose_name_plural = "lần nhập Excel"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name

    COLOURS = {Status.PENDING: "secondary", Status.RUNNING: "primary", Status.DONE: "success", Status.FAILED: "danger"}

    @property
    def colour(self) -> str:
        """Its status badge's colour (templates/partials/status_badge.html)."""
        return self.COLOURS[self.status]

    @property
    def progress_percent(self) -> int:
        if self.status in (self.Status.DONE, self.Status.FAILED):
            return 100
        return int(self.processed_rows * 100 / self.total_rows) if self.total_rows else 0
