"""The history wing in the admin (registered here, imported by awards/admin.py): awards entered by hand or by
import may be corrected (by the same rules as the entry page) or deleted when entered by mistake; the portal's
own awards, written by its decisions, are only shown (a mistake is corrected by a new decision)."""

from django import forms
from django.contrib import admin
from django.utils import timezone

from awards.history import permissions  # noqa: F401  (registers the wing's rules; see the report on awards/apps.py)
from awards.history.checks import FieldsInvalid, award_fields_check
from awards.history.models import Award
from awards.history.services import award_duplicate, duplicate_message

CHECKED = ["year", "title", "decision_number", "decision_date", "issuer", "period_start", "period_end"]
SNAPSHOT = ["name", "position", "unit_name"]
ALWAYS_READ_ONLY = [
    "beneficiary",
    "official",
    "unit",
    "source",
    "award_form",
    "decision",
    "nominee",
    "certificate_number",
    "money",
    "revoked_by",
    "entered_by",
    "entered_at",
]


class AwardAdminForm(forms.ModelForm):
    class Meta:
        model = Award
        fields = SNAPSHOT + CHECKED

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            fields = award_fields_check({name: data.get(name) for name in CHECKED}, today=timezone.localdate())
        except FieldsInvalid as exc:
            for name, message in exc.errors.items():
                self.add_error(name, message)
            return data
        award = self.instance
        same = award_duplicate(
            official=award.official,
            unit=award.unit,
            decision_number=fields.decision_number,
            decision_date=fields.decision_date,
            title=fields.title,
            exclude_pk=award.pk,
        )
        if same is not None:
            raise forms.ValidationError(duplicate_message(same))
        return data | {name: getattr(fields, name) for name in CHECKED}


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    form = AwardAdminForm
    list_display = ["name", "title", "decision_number", "decision_date", "year", "beneficiary", "source", "is_revoked"]
    list_filter = ["source", "beneficiary", "year"]
    search_fields = ["name", "name_key", "title", "decision_number"]
    list_select_related = ["revoked_by"]
    fieldsets = [
        ("Người, tập thể được khen", {"fields": ["beneficiary", "official", "unit", *SNAPSHOT]}),
        ("Khen thưởng", {"fields": CHECKED}),
        (
            "Nguồn",
            {"fields": ["source", "award_form", "decision", "nominee", "certificate_number", "money", "revoked_by"]},
        ),
        ("Người nhập", {"fields": ["entered_by", "entered_at"]}),
    ]

    @admin.display(boolean=True, description="đã thu hồi")
    def is_revoked(self, award: Award) -> bool:
        return award.is_revoked

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # one by one: the portal's and revoked awards are never deleted
        return actions

    def get_readonly_fields(self, request, obj=None):
        return ALWAYS_READ_ONLY

    def has_add_permission(self, request) -> bool:
        return False  # entered on the portal's pages, which take the person or unit and fill the snapshot

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.source == Award.Source.PORTAL:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and (obj.source == Award.Source.PORTAL or obj.is_revoked):
            return False
        return super().has_delete_permission(request, obj)
