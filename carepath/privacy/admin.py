from django.contrib import admin

from carepath.privacy.models import RetentionRule


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):
    list_display = ("record_type", "years_after_case", "years_after_signal", "action")
    list_editable = ("years_after_case", "years_after_signal", "action")
    fields = ("record_type", "years_after_case", "years_after_signal", "action", "why")

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        # Without its rule a record type would be kept for ever: change the period instead.
        return False
