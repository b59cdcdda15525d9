from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from criteria.models import Criterion, Indicator


class IndicatorInlineFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        """Two rows of one submission may not share a code (the model checks saved rows)."""
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            code = form.cleaned_data.get("code")
            if code in seen:
                raise ValidationError(f"Mã chỉ tiêu {code} bị trùng: mỗi chỉ tiêu trong phong trào phải có mã riêng.")
            seen.add(code)


# Thresholds are typed the Vietnamese way ("97,5"); a dot is accepted too.
LOCALIZED_DECIMALS = {models.DecimalField: {"localize": True}}


class IndicatorInline(admin.StackedInline):
    model = Indicator
    formset = IndicatorInlineFormSet
    formfield_overrides = LOCALIZED_DECIMALS
    extra = 0
    show_change_link = True
    # Every field Indicator.clean() checks must be on the form, or its error has nowhere to go.
    fields = [
        ("code", "order"),
        "name",
        ("kind", "measure", "scoring_rule", "figure_source"),
        ("numerator_label", "denominator_label"),
        ("target", "comparison", "points", "floor", "baseline"),
    ]


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "campaign", "order"]
    list_filter = ["campaign"]
    search_fields = ["code", "name"]
    inlines = [IndicatorInline]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "campaign", "kind", "target", "points", "scoring_rule"]
    list_filter = ["campaign", "kind", "criterion"]
    search_fields = ["code", "name"]
    list_select_related = ["campaign", "criterion"]
    filter_horizontal = ["applies_to"]
    formfield_overrides = LOCALIZED_DECIMALS
    fieldsets = [
        (None, {"fields": ["criterion", ("code", "order"), "name"]}),
        ("Cách đo", {"fields": [("kind", "measure"), "figure_source", "numerator_label", "denominator_label"]}),
        ("Chỉ tiêu và điểm", {"fields": [("target", "comparison"), ("points", "scoring_rule"), ("floor", "baseline")]}),
        ("Phạm vi", {"fields": ["applies_to"]}),
    ]
