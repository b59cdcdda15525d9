"""The decision register: numbered decisions (N/QĐ-UBND, sequential per issuer, series and year, never reused
or skipped), each with the legal bases and rules it applied (a snapshot) and the achievement period it
rewards; the awards it makes are awards.history.Award rows, each with its certificate number and money.
An issued decision is never edited: a mistake is corrected by a revoking decision.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class DecisionRegister(models.Model):
    """The last number used in a series (a decision's symbol, or the certificates' book) by an issuer in a
    year; locked while a number is taken, so two issued at once get consecutive numbers."""

    issuer = models.ForeignKey(
        "units.Unit", verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="+"
    )
    series = models.CharField("loại số", max_length=30, help_text="QĐ-UBND (quyết định) hoặc GK (sổ giấy khen).")
    year = models.PositiveSmallIntegerField("năm")
    last_number = models.PositiveIntegerField("số đã dùng gần nhất", default=0)

    class Meta:
        verbose_name = "sổ đăng ký số"
        verbose_name_plural = "sổ đăng ký số"
        constraints = [
            models.UniqueConstraint(fields=["issuer", "series", "year"], name="one_register_per_series_year")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last_number}"


class Decision(models.Model):
    class Kind(models.TextChoices):
        AWARD = "award", "Khen thưởng"
        REVOCATION = "revocation", "Thu hồi khen thưởng"

    campaign = models.ForeignKey(
        "emulation.Campaign",
        verbose_name="phong trào",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    award_form = models.ForeignKey(
        "awards.AwardForm",
        verbose_name="hình thức",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    kind = models.CharField("loại quyết định", max_length=12, choices=Kind.choices)
    issuer = models.ForeignKey(
        "units.Unit", verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="+"
    )
    series = models.CharField("ký hiệu", max_length=30, default="QĐ-UBND")
    year = models.PositiveSmallIntegerField("năm")
    number = models.PositiveIntegerField("số")
    issued_on = models.DateField("ngày ban hành")
    title = models.CharField("trích yếu", max_length=500)
    signer_title = models.CharField("chức vụ người ký", max_length=150)
    signer_name = models.CharField("người ký", max_length=150)
    legal_bases = models.JSONField("căn cứ (lưu khi ban hành)", default=list)
    rules = models.JSONField("quy định áp dụng (lưu khi ban hành)", default=dict)
    period_start = models.DateField("khen thành tích từ ngày", null=True, blank=True)
    period_end = models.DateField("khen thành tích đến ngày", null=True, blank=True)
    reason = models.TextField("lý do (thu hồi)", blank=True, max_length=2000)
    total_money = models.PositiveBigIntegerField("tổng tiền thưởng (đồng)", default=0)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người ban hành", on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField("ban hành lúc", auto_now_add=True)

    class Meta:
        verbose_name = "quyết định"
        verbose_name_plural = "quyết định"
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "series", "year", "number"],
                name="one_decision_per_number",
                violation_error_message="Số quyết định này đã được dùng.",
            )
        ]

    def __str__(self) -> str:
        return f"Quyết định số {self.reference}"

    @property
    def reference(self) -> str:
        """ "12/QĐ-UBND" as written on paper."""
        return f"{self.number}/{self.series}"


SHEET_WIDTH_MM, SHEET_HEIGHT_MM = 297, 210
"""The Giấy khen blank: an A4 sheet, landscape."""


def _mm(label: str, default: int, bound: int) -> models.DecimalField:
    return models.DecimalField(
        label,
        max_digits=4,
        decimal_places=1,
        default=default,
        validators=[MinValueValidator(0), MaxValueValidator(bound)],
        help_text=f"Milimét, từ 0 đến {bound}.",
    )


class CertificateLayout(models.Model):
    """Where each variable text of a Giấy khen prints on the ward's pre-printed blank (milimét from the sheet's top
    left corner; each text starts at the left of its box, wrapped in the box's width): one per issuing body, set by
    the admin after a test print."""

    FIELDS = {  # field: its name on the test print
        "recipient": "Người, tập thể được khen",
        "position": "Chức vụ, đơn vị",
        "achievement": "Thành tích",
        "decision": "Số, ngày quyết định",
        "register": "Số sổ",
        "date_line": "Địa danh, ngày tháng",
        "signer": "Người ký",
    }

    issuer = models.OneToOneField(
        "units.Unit", verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="+"
    )
    recipient_x = _mm("Người được khen: cách mép trái", 60, SHEET_WIDTH_MM)
    recipient_y = _mm("Người được khen: cách mép trên", 92, SHEET_HEIGHT_MM)
    recipient_width = _mm("Người được khen: độ rộng", 200, SHEET_WIDTH_MM)
    position_x = _mm("Chức vụ, đơn vị: cách mép trái", 60, SHEET_WIDTH_MM)
    position_y = _mm("Chức vụ, đơn vị: cách mép trên", 106, SHEET_HEIGHT_MM)
    position_width = _mm("Chức vụ, đơn vị: độ rộng", 200, SHEET_WIDTH_MM)
    achievement_x = _mm("Thành tích: cách mép trái", 40, SHEET_WIDTH_MM)
    achievement_y = _mm("Thành tích: cách mép trên", 118, SHEET_HEIGHT_MM)
    achievement_width = _mm("Thành tích: độ rộng", 220, SHEET_WIDTH_MM)
    decision_x = _mm("Số, ngày quyết định: cách mép trái", 25, SHEET_WIDTH_MM)
    decision_y = _mm("Số, ngày quyết định: cách mép trên", 168, SHEET_HEIGHT_MM)
    decision_width = _mm("Số, ngày quyết định: độ rộng", 120, SHEET_WIDTH_MM)
    register_x = _mm("Số sổ: cách mép trái", 25, SHEET_WIDTH_MM)
    register_y = _mm("Số sổ: cách mép trên", 176, SHEET_HEIGHT_MM)
    register_width = _mm("Số sổ: độ rộng", 80, SHEET_WIDTH_MM)
    date_line_x = _mm("Địa danh, ngày tháng: cách mép trái", 165, SHEET_WIDTH_MM)
    date_line_y = _mm("Địa danh, ngày tháng: cách mép trên", 150, SHEET_HEIGHT_MM)
    date_line_width = _mm("Địa danh, ngày tháng: độ rộng", 115, SHEET_WIDTH_MM)
    signer_x = _mm("Người ký: cách mép trái", 165, SHEET_WIDTH_MM)
    signer_y = _mm("Người ký: cách mép trên", 185, SHEET_HEIGHT_MM)
    signer_width = _mm("Người ký: độ rộng", 115, SHEET_WIDTH_MM)
    font_size = models.PositiveSmallIntegerField(
        "cỡ chữ (pt)", default=15, validators=[MinValueValidator(8), MaxValueValidator(40)], help_text="Từ 8 đến 40."
    )
    recipient_size = models.PositiveSmallIntegerField(
        "cỡ chữ tên người được khen (pt)",
        default=24,
        validators=[MinValueValidator(8), MaxValueValidator(60)],
        help_text="Từ 8 đến 60.",
    )
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    class Meta:
        verbose_name = "vị trí in trên phôi giấy khen"
        verbose_name_plural = "vị trí in trên phôi giấy khen"

    def __str__(self) -> str:
        return f"Phôi giấy khen: {self.issuer}"

    def clean(self) -> None:
        errors = {}
        for name, label in self.FIELDS.items():
            x, width = getattr(self, f"{name}_x"), getattr(self, f"{name}_width")
            if x is not None and width is not None and x + width > SHEET_WIDTH_MM:
                errors[f"{name}_width"] = f"{label}: ô chữ vượt mép phải tờ giấy ({SHEET_WIDTH_MM} mm)."
        if errors:
            raise ValidationError(errors)

    def boxes(self) -> list[dict]:
        """Each field's box in mm with its name (the template positions and the test print's frames)."""
        return [
            {
                "name": name,
                "label": label,
                "x": getattr(self, f"{name}_x"),
                "y": getattr(self, f"{name}_y"),
                "width": getattr(self, f"{name}_width"),
            }
            for name, label in self.FIELDS.items()
        ]
