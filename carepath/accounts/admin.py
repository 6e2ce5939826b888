from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from carepath.accounts import services, two_factor
from carepath.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "organisation", "unit", "is_active")
    list_filter = ("role", "organisation", "is_active")
    list_select_related = ("organisation", "unit")
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Carepath"), {"fields": ("role", "organisation", "unit", "eid_subject")}),
    )
    add_fieldsets = (
        *BaseUserAdmin.add_fieldsets,
        (_("Carepath"), {"fields": ("first_name", "last_name", "role", "organisation", "unit")}),
    )
    actions = ["lock_accounts", "unlock_accounts", "reset_two_step_login"]
    # Plain multiple selects: the two-box widget's search icon carries an ARIA label it may not have, and
    # the split date-time inputs have no labels (WCAG 1.3.1, 4.1.2). Logins are recorded, not typed.
    filter_horizontal = ()
    readonly_fields = ("last_login", "date_joined")

    @admin.action(description=_("Lock the selected accounts"))
    def lock_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        users = [u for u in queryset if u.pk != request.user.pk]  # an administrator cannot lock themself out
        count = services.lock_accounts(users=users)
        self.message_user(
            request,
            ngettext("%(count)d account locked.", "%(count)d accounts locked.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unlock the selected accounts"))
    def unlock_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = services.unlock_accounts(users=list(queryset))
        self.message_user(
            request,
            ngettext("%(count)d account unlocked.", "%(count)d accounts unlocked.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reset two-step login (they set up their authenticator app again)"))
    def reset_two_step_login(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        users = list(queryset)
        two_factor.reset_two_factor(users=users)
        message = ngettext(
            "Two-step login reset for %(count)d account.", "Two-step login reset for %(count)d accounts.", len(users)
        )
        self.message_user(request, message % {"count": len(users)}, messages.SUCCESS)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(BaseGroupAdmin):
    filter_horizontal = ()  # as for users above


# django-otp's own device admin shows each app's secret key: whoever reads it can make codes for
# that person. Administrators only need "reset two-step login" above.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)
