from django.contrib import admin

from carepath.cases.models import CaseType, DeadlineRule


class DeadlineRuleInline(admin.TabularInline):
    model = DeadlineRule
    extra = 1


@admin.register(CaseType)
class CaseTypeAdmin(admin.ModelAdmin):
    list_display = ("name",)
    inlines = [DeadlineRuleInline]
