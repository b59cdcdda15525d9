"""The decision register: numbered decisions (N/QĐ-UBND, sequential per issuer, series and year, never reused
or skipped), each with the legal bases and rules it applied (a snapshot) and the achievement period it
rewards; the awards it makes are awards.history.Award rows, each with its certificate number and money.
An issued decision is never edited: a mistake is corrected by a revoking decision.
"""

from django.conf import settings
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
