"""The award catalogue in the admin: award forms with their standards and dossier parts, and the dated rules.
Both refuse a save based on an older version of the row (core.versions.VersionedAdminForm)."""

from django.contrib import admin
from django.db import models

from awards.catalogue.models import AwardForm, AwardStandard, DossierPart, RuleSetting
from awards.catalogue.rules import RULES
from core.forms import DECIMAL_INPUTS
from core.versions import VersionedAdminForm


class StandardInline(admin.TabularInline):
    model = AwardStandard
    extra = 0


class DossierPartInline(admin.TabularInline):
    model = DossierPart
    extra = 0


@admin.register(AwardForm)
class AwardFormAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "campaign",
        "level",
        "decided_by",
        "for_collective",
        "for_individual",
        "quota",
        "coefficient",
    ]
    list_filter = ["campaign", "level"]
    inlines = [StandardInline, DossierPartInline]
    form = VersionedAdminForm  # a save based on an older version (of the form or its inlines) is refused
    formfield_overrides = {models.DecimalField: DECIMAL_INPUTS}


@admin.register(RuleSetting)
class RuleSettingAdmin(admin.ModelAdmin):
    """A rule changes by a new row from its day on; earlier days keep theirs (and decisions keep a snapshot)."""

    list_display = ["key", "value", "valid_from", "note"]
    list_filter = ["key"]
    form = VersionedAdminForm
    ordering = ["key", "-valid_from"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields["value"].help_text = " · ".join(
            f"{rule.label}: mặc định {rule.default}" for rule in RULES.values() if rule.kind != "text"
        )
        return form
