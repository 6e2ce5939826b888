from django.contrib import admin

from carepath.cases.models import CaseType, DeadlineRule


# Stacked, not tabular: a tabular inline's inputs have only a column heading, no label (WCAG 1.3.1).
class DeadlineRuleInline(admin.StackedInline):
    model = DeadlineRule
    extra = 1


@admin.register(CaseType)
class CaseTypeAdmin(admin.ModelAdmin):
    list_display = ("name",)
    inlines = [DeadlineRuleInline]
