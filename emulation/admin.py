from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from emulation.models import Assignment, Campaign, CampaignContent, LegalBasis, Milestone


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
