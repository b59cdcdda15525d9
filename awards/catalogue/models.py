"""Award forms of a campaign, their standards (plan III.3), required dossier parts (III.4), and the dated
rules (council shares, money) a province or the law may change."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from awards.catalogue.rules import RULES, RuleValueInvalid, rule_value
from core.versions import version_field

SETTING_VERSION = "Tăng mỗi lần sửa trong trang quản trị: lưu dựa trên phiên bản cũ bị từ chối."


class AwardForm(models.Model):
    class Level(models.TextChoices):
        WARD = "ward", "Cấp phường"
        PROVINCE = "province", "Cấp tỉnh"

    campaign = models.ForeignKey(
        "emulation.Campaign", verbose_name="phong trào", on_delete=models.CASCADE, related_name="award_forms"
    )
    code = models.CharField("mã", max_length=30, help_text="Ví dụ GK-CT-PHUONG.")
    name = models.CharField("hình thức khen thưởng", max_length=300)
    level = models.CharField("cấp khen thưởng", max_length=10, choices=Level.choices)
    decided_by = models.CharField("người quyết định", max_length=200)
    proposed_by = models.TextField("trình tự đề nghị", blank=True)
    for_collective = models.BooleanField("khen tập thể", default=True)
    for_individual = models.BooleanField("khen cá nhân", default=True)
    quota = models.PositiveSmallIntegerField(
        "số lượng tối đa", null=True, blank=True, help_text="Để trống nếu không giới hạn."
    )
    coefficient = models.DecimalField(
        "hệ số tiền thưởng (cá nhân)",
        max_digits=4,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0), MaxValueValidator(Decimal("20"))],
        help_text="× mức lương cơ sở; tập thể gấp đôi. Giấy khen: 0,3 (Nghị định 152/2025, Điều 49–54).",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    version = version_field(SETTING_VERSION)

    class Meta:
        verbose_name = "hình thức khen thưởng"
        verbose_name_plural = "hình thức khen thưởng"
        ordering = ["campaign", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"],
                name="award_form_code_unique_in_campaign",
                violation_error_message="Phong trào này đã có một hình thức khen thưởng cùng mã.",
            ),
            models.CheckConstraint(
                condition=models.Q(for_collective=True) | models.Q(for_individual=True),
                name="award_form_has_beneficiary",
                violation_error_message="Hình thức khen thưởng phải dành cho tập thể, cá nhân hoặc cả hai.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AwardStandard(models.Model):
    class Beneficiary(models.TextChoices):
        COLLECTIVE = "collective", "Tập thể"
        INDIVIDUAL = "individual", "Cá nhân"

    class Requirement(models.TextChoices):
        REQUIRED = "required", "Bắt buộc"
        ONE_OF = "one_of", "Đạt một trong các tiêu chuẩn"

    award_form = models.ForeignKey(
        AwardForm, verbose_name="hình thức khen thưởng", on_delete=models.CASCADE, related_name="standards"
    )
    beneficiary = models.CharField("đối tượng", max_length=12, choices=Beneficiary.choices)
    requirement = models.CharField("yêu cầu", max_length=10, choices=Requirement.choices)
    text = models.TextField("tiêu chuẩn")
    check_code = models.SlugField(
        "mã kiểm tra tự động",
        max_length=50,
        blank=True,
        help_text="Để hệ thống đối chiếu với kết quả phong trào; để trống nếu do Hội đồng xét.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "tiêu chuẩn khen thưởng"
        verbose_name_plural = "tiêu chuẩn khen thưởng"
        ordering = ["award_form", "beneficiary", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class DossierPart(models.Model):
    award_form = models.ForeignKey(
        AwardForm, verbose_name="hình thức khen thưởng", on_delete=models.CASCADE, related_name="dossier_parts"
    )
    code = models.SlugField("mã", max_length=30, help_text="Ví dụ to-trinh, bao-cao-thanh-tich, bien-ban.")
    name = models.CharField("thành phần hồ sơ", max_length=300)
    confirmed_by = models.CharField("xác nhận/ký", max_length=200, blank=True)
    per_nominee = models.BooleanField("mỗi người/tập thể một bản", default=False)
    is_required = models.BooleanField("bắt buộc", default=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "thành phần hồ sơ"
        verbose_name_plural = "thành phần hồ sơ"
        ordering = ["award_form", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["award_form", "code"],
                name="dossier_part_code_unique_in_form",
                violation_error_message="Hình thức khen thưởng này đã có thành phần hồ sơ cùng mã.",
            )
        ]

    def __str__(self) -> str:
        return self.name


class RuleSetting(models.Model):
    """One rule's value from a day on (awards.catalogue.rules): the admin adds a row when the law or the
    province changes it; earlier days keep the earlier row."""

    key = models.CharField("quy định", max_length=40, choices=[(key, rule.label) for key, rule in RULES.items()])
    valid_from = models.DateField("áp dụng từ ngày")
    value = models.CharField(
        "giá trị", max_length=500, help_text="Phần: 2/3; số tiền, số: 2340000; văn bản: trích yếu."
    )
    note = models.CharField("căn cứ", max_length=300, blank=True, help_text="Văn bản quy định giá trị này.")
    version = version_field(SETTING_VERSION)

    class Meta:
        verbose_name = "quy định khen thưởng theo thời gian"
        verbose_name_plural = "quy định khen thưởng theo thời gian"
        ordering = ["key", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "valid_from"],
                name="one_rule_value_per_day",
                violation_error_message="Quy định này đã có giá trị áp dụng từ ngày này.",
            )
        ]

    def __str__(self) -> str:
        return (
            f"{RULES[self.key].label if self.key in RULES else self.key}: {self.value} (từ {self.valid_from:%d/%m/%Y})"
        )

    def clean(self) -> None:
        super().clean()
        if self.key in RULES:
            try:
                rule_value(self.key, self.value)
            except RuleValueInvalid as exc:
                raise ValidationError({"value": str(exc)}) from None
