"""Stored scores: one row per unit, indicator and period, and one total per unit and period (DOMAIN.md §3).

Derived data, rewritten by emulation.scores.services only, half a million rows at province
scale; what makes writing them cheap (docs/PERFORMANCE.md):
- no database constraint on their foreign keys (db_constraint=False): the deferred checks of
  four keys per row cost 40% of a full recompute. Deleting a campaign, unit, indicator or
  version still cascades or is refused, by Django's collector, and a recompute rewrites its
  whole slice, so a row cannot outlive what it points to beyond the next recompute;
- one index: the primary key is what a score is of (campaign, unit, indicator, period), not a row
  number that a second unique index would have to back up; every page reads by campaign; the
  foreign keys' own indexes would serve only the rare deletion of a unit, indicator or version;
- no sentence stored per row: `reason` names the rule's branch and the explain page writes it.
"""

from django.db import models

from core.numbers import vn_number


class IndicatorScore(models.Model):
    """One indicator's value, met flag and points for one unit over one period, as last recomputed."""

    pk = models.CompositePrimaryKey("campaign", "unit", "indicator", "period")

    campaign = models.ForeignKey(
        "emulation.Campaign",
        verbose_name="phong trào",
        on_delete=models.CASCADE,
        related_name="indicator_scores",
        db_constraint=False,
        db_index=False,
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    indicator = models.ForeignKey(
        "criteria.Indicator",
        verbose_name="chỉ tiêu",
        on_delete=models.CASCADE,
        related_name="scores",
        db_constraint=False,
        db_index=False,
    )
    period = models.CharField(
        "kỳ", max_length=12, help_text="2026-03 (tháng), 2026-Q1 (quý), 2026-YTD-03 (lũy kế đến tháng 3), 2026 (năm)."
    )
    value = models.DecimalField("giá trị", max_digits=14, decimal_places=2, null=True, blank=True)
    has_data = models.BooleanField("có số liệu", default=False)
    met = models.BooleanField("đạt chỉ tiêu", null=True, blank=True)
    points = models.DecimalField("điểm", max_digits=8, decimal_places=2, default=0)
    max_points = models.DecimalField("điểm tối đa", max_digits=8, decimal_places=2, default=0)
    compared_with = models.DecimalField("so sánh với", max_digits=14, decimal_places=2, null=True, blank=True)
    reason = models.CharField(
        "căn cứ tính điểm",
        max_length=16,
        blank=True,
        help_text="Nhánh quy tắc cho điểm (emulation.scores.scoring.REASONS).",
    )
    version = models.ForeignKey(
        "criteria.IndicatorVersion",
        verbose_name="phiên bản chỉ tiêu áp dụng",
        null=True,
        blank=True,
        # A version deleted in the admin leaves its scores without one until the recompute that follows at once.
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    computed_at = models.DateTimeField("tính lúc")

    class Meta:
        verbose_name = "điểm chỉ tiêu"
        verbose_name_plural = "điểm chỉ tiêu"
        ordering = ["campaign", "period", "unit__order", "indicator__criterion__order", "indicator__order"]

    def __str__(self) -> str:
        return f"{self.period} · {self.unit_id} · {self.indicator_id}: {self.points}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("emulation:score-explain", kwargs=self.explain_kwargs)

    @property
    def explain_kwargs(self) -> dict:
        """The explain page's address by what the score is of (unit, indicator, period), not by row id:
        a recompute rewrites the row under a new id, and a link sent or bookmarked must still work."""
        return {"unit_id": self.unit_id, "indicator_id": self.indicator_id, "period": self.period}


class UnitScore(models.Model):
    """A unit's total, maximum, score (%) and rank over one period, as last recomputed."""

    campaign = models.ForeignKey(
        "emulation.Campaign",
        verbose_name="phong trào",
        on_delete=models.CASCADE,
        related_name="unit_scores",
        db_constraint=False,
        db_index=False,
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    period = models.CharField("kỳ", max_length=12)
    total = models.DecimalField("tổng điểm", max_digits=8, decimal_places=2, default=0)
    max_points = models.DecimalField("điểm tối đa", max_digits=8, decimal_places=2, default=0)
    score = models.DecimalField("điểm quy đổi (%)", max_digits=6, decimal_places=2, null=True, blank=True)
    rank = models.PositiveSmallIntegerField("thứ hạng", null=True, blank=True)
    computed_at = models.DateTimeField("tính lúc")

    class Meta:
        verbose_name = "điểm đơn vị"
        verbose_name_plural = "điểm đơn vị"
        ordering = ["campaign", "period", "rank", "unit__order"]
        constraints = [models.UniqueConstraint(fields=["campaign", "unit", "period"], name="one_unit_score_per_period")]

    def __str__(self) -> str:
        score = "chưa có điểm" if self.score is None else f"{vn_number(self.score)}%"
        return f"{self.unit} · {self.period}: {score}"
