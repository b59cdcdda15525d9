from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from emulation.models import (
    Assignment,
    Campaign,
    CampaignContent,
    LegalBasis,
    Milestone,
    MonthlyReport,
    ReportEntry,
    ReportTransition,
)


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
class CampaignAdmin(SimpleHistoryAdmin):
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
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class EntryInline(ReadOnlyInline):
    model = ReportEntry
    fields = ["indicator", "numerator", "denominator", "value", "self_score", "appraised_score"]


class TransitionInline(ReadOnlyInline):
    model = ReportTransition
    fields = ["at", "actor", "from_status", "to_status", "reason"]


@admin.register(MonthlyReport)
class MonthlyReportAdmin(admin.ModelAdmin):
    """Read-only: reports change only through their workflow (emulation.services), never by hand."""

    list_display = ["unit", "month", "campaign", "status", "first_submitted_at", "accepted_at"]
    list_filter = ["campaign", "status", "unit"]
    date_hierarchy = "month"
    list_select_related = ["unit", "campaign"]
    inlines = [EntryInline, TransitionInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
