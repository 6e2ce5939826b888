from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from carepath.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "organisation", "unit", "is_active")
    list_filter = ("role", "organisation", "is_active")
    list_select_related = ("organisation", "unit")
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Carepath"), {"fields": ("role", "organisation", "unit")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Carepath"), {"fields": ("first_name", "last_name", "role", "organisation", "unit")}),
    )
