"""Stored documents in the admin: shown, never added or edited by hand (they are made by documents.build)."""

from django.contrib import admin

from documents.models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["kind", "record_id", "record_version", "status", "created_at", "rendered_at"]
    list_filter = ["status", "kind"]
    search_fields = ["kind", "sha256"]
    fields = [
        "kind",
        "record_id",
        "record_version",
        "status",
        "failure",
        "attempts",
        "file",
        "sha256",
        "created_at",
        "rendered_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
