from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from criteria.models import Criterion, Indicator, IndicatorVersion
from criteria.services import indicator_version_record


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
    """Names and codes at a glance; thresholds change on the indicator's own page, which asks from
    which month the change applies (so they are read-only here, and indicators are added there)."""

    model = Indicator
    formset = IndicatorInlineFormSet
    extra = 0
    show_change_link = True
    fields = [("code", "order"), "name", ("kind", "measure", "figure_source"), ("numerator_label", "denominator_label")]
    readonly_fields = ["kind", "measure", "figure_source"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "campaign", "order"]
    list_filter = ["campaign"]
    search_fields = ["code", "name"]
    inlines = [IndicatorInline]


class IndicatorAdminForm(forms.ModelForm):
    effective_from = forms.DateField(
        label="Áp dụng từ tháng",
        required=False,
        input_formats=["%m/%Y", "%Y-%m"],
        help_text="Dạng MM/YYYY. Các tháng trước giữ chỉ tiêu, điểm cũ. Để trống: từ tháng đầu của phong trào.",
    )

    class Meta:
        model = Indicator
        fields = [
            "criterion",
            "code",
            "order",
            "name",
            "kind",
            "measure",
            "figure_source",
            "numerator_label",
            "denominator_label",
            "target",
            "comparison",
            "points",
            "scoring_rule",
            "floor",
            "baseline",
            "applies_to",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A change applies from this month unless the admin says otherwise.
            months = self.instance.criterion.campaign.months()
            this_month = timezone.localdate().replace(day=1)
            chosen = min(max(this_month, months[0]), months[-1])
            self.fields["effective_from"].initial = f"{chosen:%m/%Y}"

    def clean_effective_from(self):
        month = self.cleaned_data.get("effective_from")
        criterion = self.cleaned_data.get("criterion") or getattr(self.instance, "criterion", None)
        if month is None or criterion is None:
            return month
        month = month.replace(day=1)
        if month not in criterion.campaign.months():
            raise ValidationError("Tháng áp dụng phải nằm trong thời gian của phong trào.")
        return month


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    form = IndicatorAdminForm
    list_display = ["code", "name", "campaign", "kind", "target", "points", "scoring_rule"]
    list_filter = ["campaign", "kind", "criterion"]
    search_fields = ["code", "name"]
    list_select_related = ["campaign", "criterion"]
    filter_horizontal = ["applies_to"]
    formfield_overrides = LOCALIZED_DECIMALS
    fieldsets = [
        (None, {"fields": ["criterion", ("code", "order"), "name"]}),
        ("Cách đo", {"fields": [("kind", "measure"), "figure_source", "numerator_label", "denominator_label"]}),
        (
            "Chỉ tiêu và điểm",
            {"fields": [("target", "comparison"), ("points", "scoring_rule"), ("floor", "baseline"), "effective_from"]},
        ),
        ("Phạm vi", {"fields": ["applies_to"]}),
    ]

    change_form_template = "admin/criteria/indicator/change_form.html"

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [path("<int:object_id>/xem-truoc/", preview, name="criteria_indicator_preview"), *super().get_urls()]

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Before saving: how every unit's points and rank would move under the thresholds typed in."""
        from emulation.score_service import latest_period, threshold_change_preview

        indicator = self.get_object(request, object_id)
        if indicator is None or request.method != "POST" or not self.has_change_permission(request, indicator):
            raise Http404
        form = self.get_form(request, indicator, change=True)(request.POST, instance=indicator)
        context = {
            **self.admin_site.each_context(request),
            "indicator": indicator,
            "form": form,
            "title": f"Xem trước thay đổi chỉ tiêu {indicator.code}",
            "opts": self.model._meta,
        }
        if form.is_valid():
            campaign = indicator.criterion.campaign
            valid_from = form.cleaned_data.get("effective_from") or campaign.start_date
            proposed = IndicatorVersion(
                indicator=indicator,
                valid_from=valid_from.replace(day=1),
                **{name: form.cleaned_data[name] for name in IndicatorVersion.THRESHOLD_FIELDS},
            )
            period = latest_period(campaign)
            context |= {
                "period": period,
                "valid_from": proposed.valid_from,
                "rows": threshold_change_preview(indicator=indicator, proposed=proposed, period=period),
            }
        return render(request, "admin/criteria/indicator/preview.html", context)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if not change or set(form.changed_data) & set(IndicatorVersion.THRESHOLD_FIELDS):
            valid_from = form.cleaned_data.get("effective_from") or obj.criterion.campaign.start_date
            indicator_version_record(indicator=obj, valid_from=valid_from, actor=request.user)


@admin.register(IndicatorVersion)
class IndicatorVersionAdmin(admin.ModelAdmin):
    """Read-only record of what was in force when; versions are written by the indicator page."""

    list_display = ["indicator", "valid_from", "target", "points", "scoring_rule", "floor", "created_by", "created_at"]
    list_filter = ["indicator__campaign", "indicator"]
    list_select_related = ["indicator", "created_by"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
