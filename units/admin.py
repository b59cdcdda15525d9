from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import DeletionSummaryMixin
from units.forms import OfficialAdminForm
from units.models import Official, Position, Unit
from units.privacy import Action, personal_data_seen


class OfficialInline(admin.TabularInline):
    model = Official
    form = OfficialAdminForm
    fields = ["full_name", "sex", "position", "leadership", "is_active"]  # every required field, or it is saved empty
    extra = 0
    show_change_link = True


@admin.register(Unit)
class UnitAdmin(DeletionSummaryMixin, SimpleHistoryAdmin):
    list_display = ["code", "name", "short_name", "kind", "parent", "order", "is_active"]
    list_filter = ["kind", "is_active"]
    list_editable = ["order"]
    search_fields = ["code", "name", "short_name"]
    inlines = [OfficialInline]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["name", "in_charge_of_cchc", "order"]
    list_editable = ["in_charge_of_cchc", "order"]
    search_fields = ["name"]


@admin.register(Official)
class OfficialAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "unit", "position", "leadership", "user", "is_active"]
    list_filter = ["unit", "leadership", "position__in_charge_of_cchc", "is_active"]
    search_fields = ["full_name", "user__username"]
    autocomplete_fields = ["user"]
    list_select_related = ["unit", "position", "user"]
    form = OfficialAdminForm

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The change page shows the birth date: log who opened it (DOMAIN.md §7), reading it, not saving it."""
        if request.method == "GET":
            official = self.get_object(request, object_id)
            if official is not None and self.has_view_or_change_permission(request, official):
                personal_data_seen(
                    viewer=request.user,
                    officials=[official],
                    action=Action.VIEW,
                    page="Trang quản trị: hồ sơ cán bộ, công chức",
                    path=request.path,
                )
        return super().change_view(request, object_id, form_url, extra_context)
