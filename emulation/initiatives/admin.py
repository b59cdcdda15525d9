"""Initiatives in the admin (registered here, imported by emulation/admin.py): shown with their attachments and past
versions, never added, edited or deleted here. They change only through their services (the unit's registration and
edits, the secretariat's recognition), which check authors, files and versions; "Xem trên trang chính" opens the
initiative's own page, where those forms are."""

from datetime import date

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import ManyToManyField
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from core.admin import ReadOnlyMixin
from emulation.initiatives.models import Initiative, InitiativeFile
from units.selectors import person_name


class _ChangeValues(HistoricalRecordContextHelper):
    """A past version's changed values as the portal writes them: "—" for nothing (not "None", nor a "deleted
    user" for an empty person), "Có"/"Không", a level's words, dd/mm/yyyy, the authors' names."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if isinstance(field, ManyToManyField):
            return ", ".join(
                sorted(row["official"].full_name for row in value if hasattr(row["official"], "full_name"))
            )
        if value is None or getattr(value, "pk", "") is None or value == "":
            return "—"
        if isinstance(value, get_user_model()):
            return person_name(value)
        if isinstance(value, bool):
            return "Có" if value else "Không"
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, date):
            return f"{value:%d/%m/%Y}"
        return value


class InitiativeFileInline(admin.TabularInline):
    model = InitiativeFile
    extra = 0
    can_delete = False
    fields = ["download", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="tệp")
    def download(self, file: InitiativeFile) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("emulation:initiative-file", args=[file.pk]), file.original_name
        )


@admin.register(Initiative)
class InitiativeAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["title", "unit", "campaign", "registered_at", "recognised_on", "level", "applied"]
    list_filter = ["campaign", "unit", "level", "applied"]
    search_fields = ["title", "decision_reference", "authors__full_name"]
    date_hierarchy = "registered_at"
    list_select_related = ["unit", "campaign"]
    inlines = [InitiativeFileInline]
    fieldsets = [
        (None, {"fields": ["campaign", "unit", "title", "author_names", "registered_by", "registered_at"]}),
        ("Nội dung", {"fields": ["problem", "solution", "scope", "benefits"]}),
        (
            "Công nhận",
            {"fields": ["recognised_on", "level", "decision_reference", "applied", "recognised_by"]},
        ),
    ]
    readonly_fields = ["author_names", "registered_at"]

    @admin.display(description="tác giả")
    def author_names(self, initiative: Initiative) -> str:
        authors = initiative.authors.select_related("position").order_by("full_name")
        return format_html_join(mark_safe("<br>"), "{} ({})", ((a.full_name, a.position.name) for a in authors)) or "—"

    def get_historical_record_context_helper(self, request, historical_record):
        return _ChangeValues(self.model, historical_record)

    def view_on_site(self, obj: Initiative) -> str:
        return reverse("emulation:initiative-detail", kwargs={"pk": obj.pk})
