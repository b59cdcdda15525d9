"""Stored documents in the admin: shown, never added or edited by hand (they are made by documents.build)."""

from django.contrib import admin

from core.admin import ReadOnlyMixin
from documents.models import Document


@admin.register(Document)
class DocumentAdmin(ReadOnlyMixin, admin.ModelAdmin):
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
