"""People and households in the admin: every look by an administrator is audited too."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from carepath.access import policy
from carepath.audit.models import AuditEvent
from carepath.people.models import Household, Person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("family_name", "given_name", "birth_date", "household")
    search_fields = ("family_name", "given_name")
    list_select_related = ("household",)
    show_full_result_count = False

    def change_view(self, request: HttpRequest, object_id: str, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().change_view(request, object_id, *args, **kwargs)
        if object_id.isdigit() and Person.objects.filter(pk=object_id).exists():
            action = AuditEvent.Action.UPDATE if request.method == "POST" else AuditEvent.Action.VIEW
            person_id = int(object_id)
            policy.record(request.user, action, what="people.person", object_id=person_id, person_id=person_id)  # type: ignore[arg-type]
        return response


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ("name", "address")
    search_fields = ("name",)
