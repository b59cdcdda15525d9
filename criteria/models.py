"""Criteria (tiêu chí) and their measurable indicators (chỉ tiêu) with targets and points."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from core.versions import version_field
from criteria.shapes import Shape, shape_of


class Criterion(models.Model):
    campaign = models.ForeignKey(
        "emulation.Campaign", verbose_name="phong trào", on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField("mã tiêu chí", max_length=10, help_text="Ví dụ 1.3.")
    name = models.CharField("tên tiêu chí", max_length=300)
    description = models.TextField("nội dung theo kế hoạch", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "tiêu chí"
        verbose_name_plural = "tiêu chí"
        ordering = ["campaign", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"],
                name="criterion_code_unique_in_campaign",
                violation_error_message="Phong trào này đã có một tiêu chí cùng mã.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Indicator(models.Model):
    class Kind(models.TextChoices):
        RATIO = "ratio", "Tỷ lệ"
        RISING = "rising", "Tăng so với kỳ trước"
        QUALITATIVE = "qualitative", "Định tính (chấm điểm)"

    class Measure(models.TextChoices):
        PERCENT = "percent", "Tỷ lệ % (tử số / mẫu số)"
        COUNT = "count", "Số lượng"
        SCORE = "score", "Điểm thẩm định"

    class Comparison(models.TextChoices):
        AT_LEAST = "gte", "Đạt khi ≥ chỉ tiêu"
        AT_MOST = "lte", "Đạt khi ≤ chỉ tiêu"

    class ScoringRule(models.TextChoices):
        PROPORTIONAL = "proportional", "Đạt: đủ điểm; chưa đạt: điểm × giá trị / chỉ tiêu"
        ALL_OR_NOTHING = "all_or_nothing", "Đạt: đủ điểm; chưa đạt: 0 điểm"
        RISING = "rising", "Cao hơn kỳ trước: đủ điểm; không cao hơn: 0 điểm"
        APPRAISED = "appraised", "Điểm thẩm định (0 đến số điểm tối đa)"

    class FigureSource(models.TextChoices):
        MANUAL = "manual", "Nhập tử số, mẫu số hoặc giá trị"
        ONE_STOP_ON_TIME = "one_stop_on_time", "Từ số liệu một cửa: trước hạn + đúng hạn / đã giải quyết"
        ONE_STOP_AHEAD = "one_stop_ahead", "Từ số liệu một cửa: trước hạn / đã giải quyết"

    KIND_MEASURES = {
        Kind.RATIO: {Measure.PERCENT},
        Kind.RISING: {Measure.PERCENT, Measure.COUNT},
        Kind.QUALITATIVE: {Measure.SCORE},
    }
    KIND_RULES = {
        Kind.RATIO: {ScoringRule.PROPORTIONAL, ScoringRule.ALL_OR_NOTHING},
        Kind.RISING: {ScoringRule.RISING},
        Kind.QUALITATIVE: {ScoringRule.APPRAISED},
    }

    campaign = models.ForeignKey(
        "emulation.Campaign",
        verbose_name="phong trào",
        on_delete=models.CASCADE,
        related_name="indicators",
        editable=False,
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name="tiêu chí", on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField("mã chỉ tiêu", max_length=10, help_text="Ví dụ 1.3c.")
    name = models.CharField("tên chỉ tiêu", max_length=500)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    measure = models.CharField("đơn vị đo", max_length=10, choices=Measure.choices)
    numerator_label = models.CharField("tử số", max_length=300, blank=True)
    denominator_label = models.CharField("mẫu số", max_length=300, blank=True)
    figure_source = models.CharField(
        "cách nhập số liệu", max_length=20, choices=FigureSource.choices, default=FigureSource.MANUAL
    )
    target = models.DecimalField(
        "chỉ tiêu phấn đấu",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Tỷ lệ %: từ 0 đến 100. Định tính: số điểm để được tính là đạt. Để trống với chỉ tiêu tăng.",
    )
    comparison = models.CharField("so sánh", max_length=3, choices=Comparison.choices, default=Comparison.AT_LEAST)
    points = models.DecimalField("điểm tối đa", max_digits=6, decimal_places=2)
    scoring_rule = models.CharField("cách tính điểm", max_length=20, choices=ScoringRule.choices)
    floor = models.DecimalField(
        "ngưỡng sàn",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Dưới ngưỡng này: 0 điểm. Để trống nếu không có.",
    )
    baseline = models.DecimalField(
        "giá trị gốc để so sánh",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Chỉ tiêu tăng: dùng khi kỳ trước không có số liệu.",
    )
    applies_to = models.ManyToManyField(
        "units.Unit",
        verbose_name="áp dụng cho đơn vị",
        blank=True,
        related_name="indicators",
        help_text="Để trống: áp dụng cho mọi đơn vị tham gia phong trào.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    version = version_field("Tăng mỗi lần lưu: một trang sửa mở trước lần lưu của người khác không ghi đè được.")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["campaign", "criterion__order", "order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "code"],
                name="indicator_code_unique_in_campaign",
                violation_error_message="Phong trào này đã có một chỉ tiêu cùng mã.",
            ),
            models.CheckConstraint(
                condition=Q(points__gte=0),
                name="indicator_points_not_negative",
                violation_error_message="Điểm tối đa không được âm.",
            ),
            models.CheckConstraint(
                condition=~Q(measure="percent") | Q(target__isnull=True) | Q(target__gte=0, target__lte=100),
                name="indicator_percent_target_0_100",
                violation_error_message="Chỉ tiêu tỷ lệ phải nằm trong khoảng 0–100%.",
            ),
            models.CheckConstraint(
                condition=Q(floor__isnull=True) | Q(target__isnull=True) | Q(floor__lte=F("target")),
                name="indicator_floor_not_above_target",
                violation_error_message="Ngưỡng sàn không được cao hơn chỉ tiêu phấn đấu.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    def save(self, *args, **kwargs):
        self.campaign_id = self.criterion.campaign_id
        if self.pk is not None:
            self.version += 1
        super().save(*args, **kwargs)

    def clean(self) -> None:
        """Field-level checks with Vietnamese messages, run by every form and the admin."""
        super().clean()
        errors: dict[str, str] = {}
        if self.criterion_id:
            self.campaign_id = self.criterion.campaign_id
            # The (campaign, code) constraint is skipped by forms that do not show the
            # campaign (it follows the criterion), so the admin checks it here.
            duplicate = Indicator.objects.filter(campaign_id=self.campaign_id, code=self.code).exclude(pk=self.pk)
            if self.code and duplicate.exists():
                errors["code"] = "Phong trào này đã có một chỉ tiêu cùng mã."
        if self.points is not None and self.points < 0:
            errors["points"] = "Điểm tối đa không được âm."
        kind = self.kind
        if kind and self.measure and self.measure not in self.KIND_MEASURES.get(kind, set()):
            errors["measure"] = "Đơn vị đo không phù hợp với loại chỉ tiêu."
        if kind and self.scoring_rule and self.scoring_rule not in self.KIND_RULES.get(kind, set()):
            errors["scoring_rule"] = "Cách tính điểm không phù hợp với loại chỉ tiêu."
        if self.target is not None:
            if self.measure == self.Measure.PERCENT and not (0 <= self.target <= 100):
                errors["target"] = "Chỉ tiêu tỷ lệ phải nằm trong khoảng 0–100%."
            elif (
                self.measure == self.Measure.SCORE and self.points is not None and not (0 <= self.target <= self.points)
            ):
                errors["target"] = "Điểm đạt phải nằm trong khoảng 0 đến điểm tối đa."
        elif kind in (self.Kind.RATIO, self.Kind.QUALITATIVE):
            errors["target"] = "Chỉ tiêu này cần có giá trị phấn đấu."
        if self.floor is not None:
            if self.floor < 0:
                errors["floor"] = "Ngưỡng sàn không được âm."
            elif self.target is not None and self.floor > self.target:
                errors["floor"] = "Ngưỡng sàn không được cao hơn chỉ tiêu phấn đấu."
        if self.measure == self.Measure.PERCENT and not (self.numerator_label and self.denominator_label):
            errors["denominator_label"] = "Chỉ tiêu tỷ lệ cần ghi rõ tử số và mẫu số."
        if errors:
            raise ValidationError(errors)

    @property
    def shape(self) -> Shape:
        """What its figures look like: which inputs it takes, how its value reads (criteria.shapes)."""
        return shape_of(measure=self.measure, figure_source=self.figure_source)

    @property
    def is_percent(self) -> bool:
        return self.shape.is_ratio

    @property
    def is_rising(self) -> bool:
        """Scored against the period before (or a baseline) rather than a fixed target."""
        return self.kind == self.Kind.RISING

    @property
    def target_display(self) -> str:
        """The target as the plan states it: "≥ 99%", "100%", "Tăng so với kỳ trước", "8/10 điểm"."""
        from core.numbers import vn_number

        if self.kind == self.Kind.RISING:
            return "Tăng so với kỳ trước"
        if self.target is None:
            return "—"
        if self.measure == self.Measure.SCORE:
            return f"Đạt từ {vn_number(self.target)}/{vn_number(self.points)} điểm"
        sign = "≥ " if self.comparison == self.Comparison.AT_LEAST and self.target < 100 else ""
        if self.comparison == self.Comparison.AT_MOST:
            sign = "≤ "
        suffix = "%" if self.is_percent else ""
        return f"{sign}{vn_number(self.target)}{suffix}"


class IndicatorVersion(models.Model):
    """An indicator's threshold, points and rule in force from a month on (thresholds in force by date).

    The indicator's own fields always show the latest version; scores of a period use the version
    in force in the period's last month, and record which one.
    """

    THRESHOLD_FIELDS = ("target", "comparison", "points", "scoring_rule", "floor", "baseline")

    indicator = models.ForeignKey(Indicator, verbose_name="chỉ tiêu", on_delete=models.CASCADE, related_name="versions")
    valid_from = models.DateField("áp dụng từ tháng", help_text="Ngày đầu tháng.")
    target = models.DecimalField("chỉ tiêu phấn đấu", max_digits=7, decimal_places=2, null=True, blank=True)
    comparison = models.CharField("so sánh", max_length=3, choices=Indicator.Comparison.choices)
    points = models.DecimalField("điểm tối đa", max_digits=6, decimal_places=2)
    scoring_rule = models.CharField("cách tính điểm", max_length=20, choices=Indicator.ScoringRule.choices)
    floor = models.DecimalField("ngưỡng sàn", max_digits=7, decimal_places=2, null=True, blank=True)
    baseline = models.DecimalField("giá trị gốc", max_digits=12, decimal_places=2, null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("lúc", auto_now=True)

    class Meta:
        verbose_name = "phiên bản chỉ tiêu"
        verbose_name_plural = "phiên bản chỉ tiêu"
        ordering = ["indicator", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "valid_from"],
                name="one_indicator_version_per_month",
                violation_error_message="Chỉ tiêu đã có phiên bản áp dụng từ tháng này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} từ {self.valid_from:%m/%Y}"
