from django.contrib import admin

from carepath.privacy.models import RetentionRule


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):
    list_display = ("record_type", "years_after_case", "years_after_signal", "action")
    # Not editable in the list: the list's inputs would have no labels (WCAG 1.3.1); each rule has its page.
    fields = ("record_type", "years_after_case", "years_after_signal", "action", "why")

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        # Without its rule a record type would be kept for ever: change the period instead.
        return False
