"""Awards received, from this portal's decisions and entered by hand from before: the record a person's or a
unit's award page, the duplicate check and the interval before a next award read.

Who was awarded is kept as they were then (name, position, unit), beside the official record or unit it
is (identity: the record, not the name). An award is never deleted: a revocation marks it revoked by the
decision that cancels it (Decree 152/2025 Art. 56, 58).

`name_key` and `title_key` are the name and title folded (checks.fold: no accents, no case) for searching and
for the duplicate rule; save() fills them — code that bulk-creates awards calls keys_fill() on each first.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import ExtractYear

from awards.catalogue.models import AwardForm
from awards.history.checks import fold

# Numbering restarts every year (Decree 30/2020): a number names a decision only with its year.
_DUPLICATE = "Đã có khen thưởng này: cùng người (tập thể), cùng số quyết định trong năm và cùng danh hiệu, hình thức."


class Award(models.Model):
    class Beneficiary(models.TextChoices):
        COLLECTIVE = "collective", "Tập thể"
        INDIVIDUAL = "individual", "Cá nhân"

    class Source(models.TextChoices):
        PORTAL = "portal", "Quyết định trên cổng"
        MANUAL = "manual", "Nhập tay"
        IMPORT = "import", "Nhập từ tệp"

    beneficiary = models.CharField("đối tượng", max_length=12, choices=Beneficiary.choices)
    official = models.ForeignKey(
        "units.Official",
        verbose_name="cán bộ, công chức",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name="đơn vị", null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    name = models.CharField("tên (khi được khen)", max_length=300)
    position = models.CharField("chức vụ (khi được khen)", max_length=150, blank=True)
    unit_name = models.CharField("đơn vị (khi được khen)", max_length=255, blank=True)
    year = models.PositiveSmallIntegerField("năm")
    title = models.CharField("danh hiệu / hình thức khen thưởng", max_length=300)
    award_form = models.ForeignKey(
        AwardForm,
        verbose_name="hình thức (trên cổng)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_number = models.CharField("số quyết định", max_length=50)
    decision_date = models.DateField("ngày quyết định")
    issuer = models.CharField("cơ quan, người quyết định", max_length=255)
    period_start = models.DateField("thành tích từ ngày", null=True, blank=True)
    period_end = models.DateField("thành tích đến ngày", null=True, blank=True)
    source = models.CharField("nguồn", max_length=10, choices=Source.choices)
    decision = models.ForeignKey(
        "awards.Decision",
        verbose_name="quyết định (trên cổng)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    nominee = models.OneToOneField(
        "awards.Nominee",
        verbose_name="người được đề nghị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="award",
    )
    certificate_number = models.PositiveIntegerField("số vào sổ", null=True, blank=True)
    money = models.PositiveBigIntegerField("tiền thưởng (đồng)", null=True, blank=True)
    revoked_by = models.ForeignKey(
        "awards.Decision",
        verbose_name="bị thu hồi bởi quyết định",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revoked_awards",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField("nhập lúc", auto_now_add=True)
    name_key = models.CharField("tên (để tìm)", max_length=300, editable=False, default="")
    title_key = models.CharField("danh hiệu, hình thức (để tìm)", max_length=300, editable=False, default="")

    class Meta:
        verbose_name = "khen thưởng đã nhận"
        verbose_name_plural = "khen thưởng đã nhận"
        ordering = ["-decision_date", "name", "pk"]
        indexes = [
            models.Index(fields=["official", "decision_date"], name="award_official_idx"),
            models.Index(fields=["unit", "decision_date"], name="award_unit_idx"),
            models.Index(fields=["year"], name="award_year_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(beneficiary="individual") & models.Q(unit__isnull=True)
                    | models.Q(beneficiary="collective") & models.Q(official__isnull=True)
                ),
                name="award_one_kind_of_beneficiary",
                violation_error_message="Khen cá nhân gắn với một cán bộ; khen tập thể gắn với một đơn vị.",
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="award_period_ordered",
                violation_error_message="Thời gian thành tích: ngày kết thúc phải sau ngày bắt đầu.",
            ),
            # One award per person (unit), decision and title; the services check it first, under the person's
            # (unit's) row lock, and say which award it repeats: this is the last guard.
            models.UniqueConstraint(
                "official",
                "decision_number",
                ExtractYear("decision_date"),
                "title_key",
                condition=models.Q(official__isnull=False),
                name="award_once_per_official",
                violation_error_message=_DUPLICATE,
            ),
            models.UniqueConstraint(
                "unit",
                "decision_number",
                ExtractYear("decision_date"),
                "title_key",
                condition=models.Q(unit__isnull=False),
                name="award_once_per_unit",
                violation_error_message=_DUPLICATE,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.title} ({self.decision_number})"

    def save(self, *args, **kwargs) -> None:
        self.keys_fill()
        fields = kwargs.get("update_fields")
        if fields is not None and {"name", "title"} & set(fields):
            kwargs["update_fields"] = {*fields, "name_key", "title_key"}
        super().save(*args, **kwargs)

    def keys_fill(self) -> None:
        self.name_key, self.title_key = fold(self.name)[:300], fold(self.title)[:300]

    @property
    def is_revoked(self) -> bool:
        return self.revoked_by_id is not None

    @property
    def rewarded_until(self):
        """Where the interval before a next award counts from: the achievement period's end, else the
        decision's date (Decree 152/2025 Art. 33.7)."""
        return self.period_end or self.decision_date

    @property
    def decision_text(self) -> str:
        """How achievement reports (Mẫu 02, 03) cite it: "215/QĐ-UBND ngày 18/12/2025"."""
        return f"{self.decision_number} ngày {self.decision_date:%d/%m/%Y}"
