"""The emulation app in the Django admin: campaigns are edited here; reports and scores are only shown."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from core.admin import DeletionSummaryMixin, ReadOnlyMixin
from core.numbers import vn_number
from emulation.initiatives import admin as initiatives_admin  # noqa: F401
from emulation.models import (
    Assignment,
    Campaign,
    CampaignContent,
    IndicatorScore,
    LegalBasis,
    Milestone,
    MonthlyReport,
    ReportEntry,
    ReportTransition,
    UnitScore,
)
from emulation.scores import admin as scores_admin  # noqa: F401  (the indicator page with its score preview)


class LegalBasisInline(admin.TabularInline):
    model = LegalBasis
    extra = 0


class ContentInline(admin.TabularInline):
    model = CampaignContent
    extra = 0


class AssignmentInline(admin.StackedInline):
    model = Assignment
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(DeletionSummaryMixin, SimpleHistoryAdmin):
    list_display = ["code", "title", "year", "report_deadline_day", "is_active"]
    list_filter = ["year", "is_active"]
    search_fields = ["code", "title"]
    filter_horizontal = ["participants"]
    inlines = [LegalBasisInline, ContentInline, AssignmentInline, MilestoneInline]
    fieldsets = [
        (None, {"fields": ["code", "title", "issuing_unit", "year", "start_date", "end_date", "is_active"]}),
        (
            "Văn bản",
            {
                "fields": [
                    "document_number",
                    "document_symbol",
                    "document_date",
                    "signer_authority",
                    "signer_title",
                    "signer_name",
                    "recipients",
                ]
            },
        ),
        ("Báo cáo hằng tháng", {"fields": ["report_deadline_day"]}),
        (
            "Nội dung kế hoạch",
            {"fields": ["purposes", "requirements", "target_groups", "participants", "progress", "funding"]},
        ),
    ]


class ReadOnlyInline(admin.TabularInline):
    """Rows shown, never edited: every listed field is read-only, so none becomes a form field (an
    automatic one, such as a transition's time, cannot be one: the page would answer 500)."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class EntryInline(ReadOnlyInline):
    model = ReportEntry
    fields = ["indicator", "numerator", "denominator", "value", "self_score", "appraised_score", "evidence_files"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator").prefetch_related("evidence")

    @admin.display(description="minh chứng")
    def evidence_files(self, entry: ReportEntry) -> str:
        files = [(reverse("emulation:evidence-download", args=[e.pk]), e.original_name) for e in entry.evidence.all()]
        return format_html_join(mark_safe("<br>"), '<a href="{}">{}</a>', files) or "—"


class TransitionInline(ReadOnlyInline):
    model = ReportTransition
    fields = ["at", "actor", "from_status", "to_status", "reason"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Listed and shown, never added, edited or deleted here: records that change only through their own
    services (a report through its workflow) or are derived (scores, rewritten by every recompute)."""


@admin.register(MonthlyReport)
class MonthlyReportAdmin(ReadOnlyAdmin):
    """Read-only: reports change only through their workflow (emulation.reports.services), never by hand;
    "Xem trên trang chính" opens the report's own page, where that workflow is."""

    list_display = ["unit", "month", "campaign", "status", "first_submitted_at", "accepted_at"]
    list_filter = ["campaign", "status", "unit"]
    date_hierarchy = "month"
    list_select_related = ["unit", "campaign"]
    inlines = [EntryInline, TransitionInline]
    fieldsets = [
        (None, {"fields": ["campaign", "unit", "month", "status"]}),
        (
            "Quá trình xử lý",
            {
                "fields": [
                    "created_by",
                    "created_at",
                    "first_submitted_at",
                    "submitted_at",
                    "accepted_at",
                    "accepted_by",
                ]
            },
        ),
        ("Số liệu một cửa", {"fields": list(MonthlyReport.ONE_STOP_FIELDS)}),
    ]
    readonly_fields = ["created_at"]

    def view_on_site(self, obj: MonthlyReport) -> str:
        return reverse("emulation:report-detail", kwargs={"pk": obj.pk})


@admin.register(UnitScore)
class UnitScoreAdmin(ReadOnlyAdmin):
    """A unit's total over a period; its page lists the indicator scores behind it, each linked to the
    portal page that explains it. IndicatorScore has a composite primary key, which Django's admin
    cannot register (no change page can be addressed), so this page is where the admin reaches it."""

    list_display = ["unit", "period", "campaign", "total", "max_points", "score", "rank", "computed_at", "unit_page"]
    list_filter = ["campaign", "unit"]
    search_fields = ["period", "unit__code", "unit__name"]
    list_select_related = ["unit", "campaign"]
    fields = ["campaign", "unit", "period", "total", "max_points", "score", "rank", "computed_at", "indicator_scores"]
    readonly_fields = ["indicator_scores"]

    def view_on_site(self, obj: UnitScore) -> str:
        url = reverse("emulation:score-unit", kwargs={"code": obj.campaign.code, "unit_code": obj.unit.code})
        return f"{url}?ky={obj.period}"

    @staticmethod
    def label(obj: UnitScore) -> str:
        """How the pages name a unit score: the model's own name is made of ids ("2026 · 3: None")."""
        score = "chưa có điểm" if obj.score is None else f"{vn_number(obj.score, 2)}%"
        return f"{obj.unit.short_name}, kỳ {obj.period}: {score}"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        named = {"subtitle": self.label(obj)} if obj is not None else {}
        return super().change_view(request, object_id, form_url, {**named, **(extra_context or {})})

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        named = {"object_label": self.label(obj), "title": f"Lịch sử thay đổi: {self.label(obj)}"} if obj else {}
        return super().history_view(request, object_id, {**named, **(extra_context or {})})

    @admin.display(description="trang điểm đơn vị")
    def unit_page(self, obj: UnitScore) -> str:
        return format_html('<a href="{}">Xem</a>', self.view_on_site(obj))

    @admin.display(description="điểm từng chỉ tiêu")
    def indicator_scores(self, obj: UnitScore) -> str:
        scores = (
            IndicatorScore.objects.filter(campaign_id=obj.campaign_id, unit_id=obj.unit_id, period=obj.period)
            .select_related("indicator")
            .order_by("indicator__criterion__order", "indicator__order")
        )
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td class="nowrap">{}</td><td class="nowrap">{} / {}</td></tr>',
            (
                (
                    score.get_absolute_url(),
                    f"{score.indicator.code}. {score.indicator.name}",
                    "—" if score.value is None else vn_number(score.value),
                    {True: "Đạt", False: "Chưa đạt", None: "—"}[score.met],
                    vn_number(score.points, 2),
                    vn_number(score.max_points, 2),
                )
                for score in scores
            ),
        )
        if not rows:
            return "—"
        return format_html(
            '<table class="indicator-scores"><thead><tr><th>Chỉ tiêu (bấm để xem cách tính điểm)</th>'
            "<th>Giá trị</th><th>Kết quả</th><th>Điểm</th></tr></thead><tbody>{}</tbody></table>",
            rows,
        )
