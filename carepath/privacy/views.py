"""Subject-access pages: the readable page and the JSON download, for staff and for the citizen."""

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from carepath.accounts.models import User
from carepath.core.views import staff_user
from carepath.people.models import Person
from carepath.privacy import selectors
from carepath.privacy.export import file_name_for
from carepath.privacy.readable import readable


@require_GET
def person_data(request: HttpRequest, person_id: int) -> HttpResponse:
    person, export = selectors.subject_access(staff_user(request), person_id)
    return _page(request, person, export, own=False)


@require_GET
def person_data_json(request: HttpRequest, person_id: int) -> HttpResponse:
    person, export = selectors.subject_access(staff_user(request), person_id)
    return _download(person, export)


@require_GET
def own_data(request: HttpRequest) -> HttpResponse:
    """For the portal: the signed-in citizen's own data as a page (the lead wires the URL)."""
    person, export = selectors.own_data(_user(request))
    return _page(request, person, export, own=True)


@require_GET
def own_data_json(request: HttpRequest) -> HttpResponse:
    """For the portal: the signed-in citizen's own data as a JSON download."""
    person, export = selectors.own_data(_user(request))
    return _download(person, export)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # LoginRequiredMiddleware turns anonymous users away
    return user


def _page(request: HttpRequest, person: Person, export: dict[str, Any], *, own: bool) -> HttpResponse:
    context = {"person": person, "export": export, "sections": readable(export), "own": own}
    response = render(request, "privacy/person_data.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


def _download(person: Person, export: dict[str, Any]) -> HttpResponse:
    response = JsonResponse(export, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="{file_name_for(person)}"'
    response["Cache-Control"] = "private, no-store"
    return response
