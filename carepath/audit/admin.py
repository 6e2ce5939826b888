"""The audit log in the admin: read-only for everyone, superusers included, and ids only."""

from django.contrib import admin
from django.http import HttpRequest

from carepath.audit.models import AuditEvent

ID_FIELDS = ("id", "at", "user_id", "action", "what", "object_id", "case_id", "person_id")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ID_FIELDS
    list_filter = ("action", "at")
    ordering = ("-id",)
    fields = (*ID_FIELDS, "prev_hash", "hash")
    readonly_fields = fields
    show_full_result_count = False  # the log grows to millions of rows: no COUNT(*) per page

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEvent | None = None) -> bool:
        return False
