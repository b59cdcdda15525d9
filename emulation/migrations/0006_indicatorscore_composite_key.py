"""The stored indicator scores keyed by what they are of (campaign, unit, indicator, period).

Django cannot turn a row-number primary key into a composite one in place, so the table is made
anew. Scores are derived data: run `python manage.py recompute_scores` after migrating (the nightly
job does it at the latest).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("criteria", "0002_indicator_versions"),
        ("emulation", "0005_scores_reason_and_lighter_writes"),
        ("units", "0001_initial"),
    ]

    operations = [
        migrations.DeleteModel(name="IndicatorScore"),
        migrations.CreateModel(
            name="IndicatorScore",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "campaign",
                        "unit",
                        "indicator",
                        "period",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "period",
                    models.CharField(
                        help_text="2026-03 (tháng), 2026-Q1 (quý), 2026-YTD-03 (lũy kế đến tháng 3), 2026 (năm).",
                        max_length=12,
                        verbose_name="kỳ",
                    ),
                ),
                (
                    "value",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, verbose_name="giá trị"),
                ),
                ("has_data", models.BooleanField(default=False, verbose_name="có số liệu")),
                ("met", models.BooleanField(blank=True, null=True, verbose_name="đạt chỉ tiêu")),
                ("points", models.DecimalField(decimal_places=2, default=0, max_digits=8, verbose_name="điểm")),
                (
                    "max_points",
                    models.DecimalField(decimal_places=2, default=0, max_digits=8, verbose_name="điểm tối đa"),
                ),
                (
                    "compared_with",
                    models.DecimalField(
                        blank=True, decimal_places=2, max_digits=14, null=True, verbose_name="so sánh với"
                    ),
                ),
                (
                    "reason",
                    models.CharField(
                        blank=True,
                        help_text="Nhánh quy tắc cho điểm (emulation.scoring.REASONS).",
                        max_length=16,
                        verbose_name="căn cứ tính điểm",
                    ),
                ),
                ("computed_at", models.DateTimeField(verbose_name="tính lúc")),
                (
                    "campaign",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="indicator_scores",
                        to="emulation.campaign",
                        verbose_name="phong trào",
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="scores",
                        to="criteria.indicator",
                        verbose_name="chỉ tiêu",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
                (
                    "version",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="criteria.indicatorversion",
                        verbose_name="phiên bản chỉ tiêu áp dụng",
                    ),
                ),
            ],
            options={
                "verbose_name": "điểm chỉ tiêu",
                "verbose_name_plural": "điểm chỉ tiêu",
                "ordering": ["campaign", "period", "unit__order", "indicator__criterion__order", "indicator__order"],
            },
        ),
    ]
