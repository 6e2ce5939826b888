from django.contrib import admin

from carepath.organisations.models import Organisation, Service, Unit


# Stacked, not tabular: a tabular inline's inputs have only a column heading, no label (WCAG 1.3.1).
class UnitInline(admin.StackedInline):
    model = Unit
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "shares_practice_outcomes")
    list_filter = ("kind", "shares_practice_outcomes")
    search_fields = ("name",)
    inlines = [UnitInline]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "leader")
    list_select_related = ("organisation", "leader")
    list_filter = ("organisation",)


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "provider", "unit", "level_min", "level_max", "capacity", "is_active")
    list_filter = ("provider", "is_active")
    list_select_related = ("provider", "unit")
    search_fields = ("name", "purpose")
