"""The indicator's admin page, as the scores see it: before saving new thresholds, a preview of how every
unit's points and rank would move; after saving, the scores are recomputed (emulation.scores.effects) and
the admin is told so. criteria's own admin page is extended here, so criteria never imports the scores."""

from django.contrib import admin, messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from criteria.admin import IndicatorAdmin
from criteria.models import Indicator, IndicatorVersion
from emulation.scores.preview import preview_period, threshold_change_preview

RECOMPUTING = (
    "Điểm và thứ hạng các đơn vị đang được tính lại theo chỉ tiêu mới; các trang điểm sẽ cập nhật trong giây lát."
)


class IndicatorWithScoresAdmin(IndicatorAdmin):
    change_form_template = "admin/criteria/indicator/change_form.html"

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [path("<id:object_id>/xem-truoc/", preview, name="criteria_indicator_preview"), *super().get_urls()]

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Before saving: how every unit's points and rank would move under the thresholds typed in."""
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
                indicator_id=indicator.pk,
                valid_from=valid_from.replace(day=1),
                **{name: form.cleaned_data[name] for name in IndicatorVersion.THRESHOLD_FIELDS},
            )
            period, until = preview_period(indicator=indicator, proposed=proposed)
            rows = threshold_change_preview(indicator=indicator, proposed=proposed, period=period) if period else []
            context |= {
                "period": period,
                "until": until,
                "valid_from": proposed.valid_from,
                "rows": rows,
                "moved": sum(row.moves for row in rows),
            }
        return render(request, "admin/criteria/indicator/preview.html", context)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if not change or set(form.changed_data) & set(IndicatorVersion.THRESHOLD_FIELDS):
            messages.info(request, RECOMPUTING)


admin.site.unregister(Indicator)
admin.site.register(Indicator, IndicatorWithScoresAdmin)
