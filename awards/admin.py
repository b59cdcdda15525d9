from django.contrib import admin

from awards.models import AwardForm, AwardStandard, DossierPart


class StandardInline(admin.TabularInline):
    model = AwardStandard
    extra = 0


class DossierPartInline(admin.TabularInline):
    model = DossierPart
    extra = 0


@admin.register(AwardForm)
class AwardFormAdmin(admin.ModelAdmin):
    list_display = ["name", "campaign", "level", "decided_by", "for_collective", "for_individual", "quota"]
    list_filter = ["campaign", "level"]
    inlines = [StandardInline, DossierPartInline]
