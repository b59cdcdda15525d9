from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from core.admin import DeletionSummaryMixin
from core.forms import DECIMAL_INPUTS
from core.versions import StaleVersion, version_check, version_read
from criteria.models import Criterion, Indicator, IndicatorVersion
from criteria.selectors import indicator_changes_since
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


# Thresholds are typed the Vietnamese way ("97,5"); a dot is accepted too: the portal's one number parser.
DECIMALS = {models.DecimalField: DECIMAL_INPUTS}


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
class CriterionAdmin(DeletionSummaryMixin, admin.ModelAdmin):
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
    based_on = forms.IntegerField(label="Phiên bản đang sửa", widget=forms.HiddenInput, required=False)
    """The indicator's version this page showed: a save based on an older one is refused (core.versions)."""

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
        self.fields["based_on"].initial = self.instance.version
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

    def clean(self):
        """Refuse a save based on an older version of the indicator, listing what changed since."""
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        current = Indicator.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
        based_on = version_read(self.data.get("based_on"))
        try:
            version_check(
                current=current, based_on=based_on, changes=lambda: indicator_changes_since(self.instance, based_on)
            )
        except StaleVersion as exc:
            lines = [f"{c['at']:%d/%m/%Y %H:%M} {c['user']}: {c['what']} {c['old']} → {c['new']}" for c in exc.changes]
            # Nothing is lost: the page keeps what was typed; saving again is based on what is there now.
            self.data = self.data.copy()
            self.data["based_on"] = str(current)
            raise ValidationError([str(exc), *lines]) from None
        return cleaned


@admin.register(Indicator)
class IndicatorAdmin(DeletionSummaryMixin, SimpleHistoryAdmin):
    form = IndicatorAdminForm
    list_display = ["code", "name", "campaign", "kind", "target", "points", "scoring_rule"]
    list_filter = ["campaign", "kind", "criterion"]
    search_fields = ["code", "name"]
    list_select_related = ["campaign", "criterion"]
    filter_horizontal = ["applies_to"]
    formfield_overrides = DECIMALS
    fieldsets = [
        (None, {"fields": ["criterion", ("code", "order"), "name", "based_on"]}),
        ("Cách đo", {"fields": [("kind", "measure"), "figure_source", "numerator_label", "denominator_label"]}),
        (
            "Chỉ tiêu và điểm",
            {"fields": [("target", "comparison"), ("points", "scoring_rule"), ("floor", "baseline"), "effective_from"]},
        ),
        ("Phạm vi", {"fields": ["applies_to"]}),
    ]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if not change or set(form.changed_data) & set(IndicatorVersion.THRESHOLD_FIELDS):
            valid_from = form.cleaned_data.get("effective_from") or obj.criterion.campaign.start_date
            indicator_version_record(indicator=obj, valid_from=valid_from, actor=request.user)


@admin.register(IndicatorVersion)
class IndicatorVersionAdmin(admin.ModelAdmin):
    """Read-only record of what was in force when; versions are written by the indicator page. A version
    may be deleted (the months it governed fall back to the one before), but never an indicator's last."""

    list_display = ["indicator", "valid_from", "target", "points", "scoring_rule", "floor", "created_by", "created_at"]
    list_filter = ["indicator__campaign", "indicator"]
    list_select_related = ["indicator", "created_by"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and not obj.indicator.versions.exclude(pk=obj.pk).exists():
            return False
        return super().has_delete_permission(request, obj)
