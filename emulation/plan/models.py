"""The campaign: the plan as data (legal bases, contents, assignments, milestones) and the units taking part."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords


def _lines(text: str) -> list[str]:
    return [line.strip().lstrip("-•").strip() for line in text.splitlines() if line.strip()]


class Campaign(models.Model):
    code = models.SlugField(
        "mã phong trào",
        max_length=30,
        unique=True,
        allow_unicode=False,
        help_text="Ví dụ CCHC-2026.",
        error_messages={"unique": "Đã có phong trào khác dùng mã này."},
    )
    title = models.CharField("tên phong trào", max_length=500)
    issuing_unit = models.ForeignKey(
        "units.Unit", verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="issued_campaigns"
    )
    document_number = models.PositiveIntegerField("số kế hoạch", null=True, blank=True)
    document_symbol = models.CharField("ký hiệu", max_length=50, default="KH-UBND")
    document_date = models.DateField("ngày ban hành", null=True, blank=True)
    signer_authority = models.CharField(
        "thẩm quyền ký", max_length=150, blank=True, help_text="Ví dụ: TM. Ủy ban nhân dân."
    )
    signer_title = models.CharField("chức vụ người ký", max_length=100, blank=True)
    signer_name = models.CharField("người ký", max_length=150, blank=True)
    year = models.PositiveSmallIntegerField("năm", validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    start_date = models.DateField("từ ngày")
    end_date = models.DateField("đến ngày")
    report_deadline_day = models.PositiveSmallIntegerField(
        "hạn nộp báo cáo tháng (ngày của tháng sau)",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(28)],
        help_text="Báo cáo số liệu tháng M nộp chậm nhất ngày này của tháng M+1.",
    )
    purposes = models.TextField("mục đích", blank=True, help_text="Mỗi ý một dòng.")
    requirements = models.TextField("yêu cầu", blank=True, help_text="Mỗi ý một dòng.")
    target_groups = models.TextField("đối tượng thi đua", blank=True)
    progress = models.TextField("tiến độ thực hiện", blank=True, help_text="Mỗi ý một dòng.")
    funding = models.TextField("kinh phí khen thưởng", blank=True)
    recipients = models.TextField("nơi nhận", blank=True, help_text="Mỗi nơi nhận một dòng.")
    participants = models.ManyToManyField(
        "units.Unit", verbose_name="đơn vị tham gia", related_name="campaigns", blank=True
    )
    is_active = models.BooleanField("đang triển khai", default=True)
    history = HistoricalRecords(m2m_fields=[participants])

    class Meta:
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"
        ordering = ["-year", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="campaign_period_ordered",
                violation_error_message="Ngày kết thúc phải sau ngày bắt đầu.",
            ),
            models.CheckConstraint(
                condition=models.Q(report_deadline_day__gte=1, report_deadline_day__lte=28),
                name="campaign_deadline_day_range",
                violation_error_message="Hạn nộp báo cáo phải là một ngày từ 1 đến 28.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "Ngày kết thúc phải sau ngày bắt đầu."})

    @property
    def document_reference(self) -> str:
        """ "Số: 12/KH-UBND", with a gap where the plan has no number yet, as on paper."""
        number = self.document_number if self.document_number else "…"
        return f"{number}/{self.document_symbol}"

    @property
    def purpose_list(self) -> list[str]:
        return _lines(self.purposes)

    @property
    def requirement_list(self) -> list[str]:
        return _lines(self.requirements)

    @property
    def progress_list(self) -> list[str]:
        return _lines(self.progress)

    @property
    def recipient_list(self) -> list[str]:
        return _lines(self.recipients)

    def months(self) -> list[date]:
        """First day of every month of the campaign period."""
        result, current = [], self.start_date.replace(day=1)
        while current <= self.end_date:
            result.append(current)
            current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
        return result

    def report_deadline(self, month: date) -> date:
        """The report for `month` is due on the deadline day of the month after."""
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        return following.replace(day=self.report_deadline_day)


class LegalBasis(models.Model):
    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="legal_bases"
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    doc_type = models.CharField("loại văn bản", max_length=50, default="Kế hoạch")
    number = models.CharField("số, ký hiệu", max_length=50, help_text="Ví dụ 2481/KH-UBND.")
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    issuer = models.CharField("cơ quan ban hành", max_length=255)
    title = models.CharField("trích yếu", max_length=500)

    class Meta:
        verbose_name = "căn cứ"
        verbose_name_plural = "căn cứ"
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.number


class CampaignContent(models.Model):
    campaign = models.ForeignKey(Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="contents")
    code = models.CharField("mục", max_length=10, help_text="Ví dụ 2.1.")
    text = models.TextField("nội dung")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "nội dung thi đua"
        verbose_name_plural = "nội dung thi đua"
        ordering = ["order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"],
                name="content_code_unique_in_campaign",
                violation_error_message="Mục này đã có trong phong trào.",
            )
        ]

    def __str__(self) -> str:
        return self.code


class Assignment(models.Model):
    """Section V of a plan: who does what."""

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="assignments"
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    assignee = models.CharField("đơn vị thực hiện", max_length=300)
    duties = models.TextField("nhiệm vụ", help_text="Mỗi nhiệm vụ một dòng.")

    class Meta:
        verbose_name = "phân công thực hiện"
        verbose_name_plural = "phân công thực hiện"
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.assignee

    @property
    def duty_list(self) -> list[str]:
        return _lines(self.duties)


class Milestone(models.Model):
    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="milestones"
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    title = models.CharField("mốc", max_length=300)
    due_date = models.DateField("thời hạn", null=True, blank=True, help_text="Để trống nếu chưa ấn định.")
    responsible = models.CharField("đơn vị chủ trì", max_length=300, blank=True)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "mốc thời gian"
        verbose_name_plural = "mốc thời gian"
        ordering = ["order", "due_date", "pk"]

    def __str__(self) -> str:
        return self.title
