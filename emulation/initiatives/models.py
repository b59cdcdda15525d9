"""Initiatives (sáng kiến) registered under a campaign by officials or units, and their recognition.

A recognised and applied initiative is evidence for a nominee (awards.eligibility): for its authors, and
for the unit it came from.
"""

from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from simple_history.models import HistoricalRecords

from core.versions import version_field
from emulation.plan.models import Campaign

TITLE_MAX, TEXT_MAX, REFERENCE_MAX = 300, 5000, 200


class InitiativeLevel(models.TextChoices):
    UNIT = "unit", "Cấp đơn vị"
    WARD = "ward", "Cấp phường"
    PROVINCE = "province", "Cấp tỉnh"


class Initiative(models.Model):
    Level = InitiativeLevel

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.PROTECT, related_name="initiatives"
    )
    unit = models.ForeignKey("units.Unit", verbose_name="đơn vị", on_delete=models.PROTECT, related_name="initiatives")
    title = models.CharField("tên sáng kiến", max_length=TITLE_MAX)
    problem = models.TextField("thực trạng, vấn đề cần giải quyết", max_length=TEXT_MAX)
    solution = models.TextField("nội dung, giải pháp", max_length=TEXT_MAX)
    scope = models.TextField("phạm vi áp dụng", max_length=TEXT_MAX, blank=True)
    benefits = models.TextField("hiệu quả, lợi ích", max_length=TEXT_MAX, blank=True)
    authors = models.ManyToManyField("units.Official", verbose_name="tác giả", related_name="initiatives", blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người đăng ký", on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField("đăng ký lúc", auto_now_add=True)
    # The secretariat's recognition (the council's or a decision's).
    recognised_on = models.DateField("ngày công nhận", null=True, blank=True)
    level = models.CharField("cấp công nhận", max_length=10, choices=Level.choices, blank=True)
    decision_reference = models.CharField(
        "văn bản công nhận",
        max_length=REFERENCE_MAX,
        blank=True,
        help_text="Ví dụ: Quyết định số 45/QĐ-UBND ngày 15/3/2026.",
    )
    applied = models.BooleanField("đã áp dụng trong thực tế", default=False)
    recognised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = version_field("Tăng mỗi lần sửa: một trang mở trước lần sửa của người khác không ghi đè được.")
    # Authors are kept with each past version (who was an author when); the reason of a change (files added or
    # removed, a recognition withdrawn and why) is as long as it needs to be.
    history = HistoricalRecords(m2m_fields=[authors], history_change_reason_field=models.TextField(null=True))

    class Meta:
        verbose_name = "sáng kiến"
        verbose_name_plural = "sáng kiến"
        ordering = ["campaign", "-registered_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recognised_on__isnull=True) | ~models.Q(level=""),
                name="initiative_recognition_has_level",
                violation_error_message="Sáng kiến được công nhận phải ghi cấp công nhận.",
            ),
            models.CheckConstraint(
                condition=models.Q(recognised_on__isnull=False)
                | models.Q(level="", decision_reference="", applied=False),
                name="initiative_unrecognised_is_blank",
                violation_error_message=(
                    "Sáng kiến chưa được công nhận không ghi cấp, văn bản công nhận hay việc áp dụng."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(level__in=["", *InitiativeLevel.values]),
                name="initiative_level_known",
                violation_error_message="Cấp công nhận không hợp lệ.",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("title"), TITLE_MAX)
                & LessThanOrEqual(Length("problem"), TEXT_MAX)
                & LessThanOrEqual(Length("solution"), TEXT_MAX)
                & LessThanOrEqual(Length("scope"), TEXT_MAX)
                & LessThanOrEqual(Length("benefits"), TEXT_MAX)
                & LessThanOrEqual(Length("decision_reference"), REFERENCE_MAX),
                name="initiative_texts_bounded",
                violation_error_message="Nội dung sáng kiến quá dài.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_recognised(self) -> bool:
        return self.recognised_on is not None

    @property
    def counts_for_awards(self) -> bool:
        """Evidence for a nominee: recognised and applied."""
        return self.is_recognised and self.applied


def _attachment_path(instance: "InitiativeFile", filename: str) -> str:
    initiative = instance.initiative
    return f"initiatives/{initiative.campaign.code}/{initiative.pk}/{uuid4().hex}{Path(filename).suffix.lower()}"


class InitiativeFile(models.Model):
    """An attachment of an initiative, under MEDIA_ROOT (never served directly)."""

    initiative = models.ForeignKey(Initiative, verbose_name="sáng kiến", on_delete=models.CASCADE, related_name="files")
    file = models.FileField("tệp", upload_to=_attachment_path, max_length=300)
    original_name = models.CharField("tên tệp", max_length=255)
    content_type = models.CharField("loại tệp", max_length=100)
    size = models.PositiveIntegerField("dung lượng (byte)")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người tải lên", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("tải lên lúc", auto_now_add=True)

    class Meta:
        verbose_name = "tệp đính kèm sáng kiến"
        verbose_name_plural = "tệp đính kèm sáng kiến"
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name
