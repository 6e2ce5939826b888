"""The authorization matrix: every URL pattern of the project, asked by every role, answers as expected.

For each route (tests/authorization/matrix.py) and each role (tests/authorization/world.py) the test
asks the page (POST for POST-only routes) and compares the status. It also checks that:
- a role with no relation to the person never gets a page that names them (a leak), whatever the status;
- a refused role that POSTs changes nothing (same refusal, no audited write);
- a visit that shows personal data writes exactly the expected audit entry.
A route without an entry fails the test, so a new page must be placed in the matrix.
"""

import pytest
from django.test import Client

from carepath.audit.models import AuditEvent
from carepath.testing.auth import TwoStepClient
from tests.authorization.matrix import AUDIT, LISTS, MATRIX, POST_ONLY
from tests.authorization.urls import Route, all_routes, url_of
from tests.authorization.world import KNOW_THE_PERSON, ROLES, World, build

pytestmark = pytest.mark.django_db

REFUSED = (302, 403, 404, 405)


def test_every_route_has_a_matrix_entry_and_every_entry_a_route():
    keys = {route.key for route in all_routes()}
    assert sorted(keys - MATRIX.keys()) == [], "routes without a matrix entry"
    assert sorted(MATRIX.keys() - keys) == [], "matrix entries without a route"


@pytest.mark.parametrize("route", all_routes(), ids=lambda r: r.key or "/")
def test_route_answers_each_role_as_the_matrix_says(route: Route):
    world = build()
    url = url_of(route, world)
    method = "post" if route.key in POST_ONLY else "get"
    expected = dict(zip(ROLES, MATRIX[route.key], strict=True))
    answers, leaks = {}, []
    for role in ROLES:
        client = _client_of(world, role)
        before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        response = getattr(client, method)(url)
        answers[role] = response.status_code
        if role not in KNOW_THE_PERSON and world.person_marker in _text(response):
            leaks.append(role)
        written = AuditEvent.objects.filter(pk__gt=before).order_by("pk")
        if response.status_code == 200 and method == "get":
            if route.key in LISTS:
                _assert_listed_exactly_who_is_named(written, world, _text(response), f"{role} on {url}")
            else:
                new_entries = list(written.values_list("action", "what"))
                audit = AUDIT.get(route.key, [])
                expected_entries = audit.get(role, []) if isinstance(audit, dict) else audit
                assert new_entries == expected_entries, f"{role} on {url}: audit {new_entries}"
        if expected[role] in REFUSED and method == "get" and route.key not in NO_POST_PROBE:
            _assert_refused_post_changes_nothing(client, url, role, expected[role])
    assert answers == expected, url
    assert leaks == [], f"{url} names the person to {leaks}"


def test_the_leak_check_finds_the_person_where_they_are_shown():
    """The marker works: the case page names the person to their case worker, so its absence means something."""
    world = build()
    page = _client_of(world, "case_worker_on_team").get(url_of(_route("cases:case_detail"), world))
    assert world.person_marker in _text(page)


def _route(name: str) -> Route:
    return next(r for r in all_routes() if r.name == name)


# Public pages and the sign-out answer everyone; a POST to them is not a write on a person's data.
NO_POST_PROBE = {"accounts/login/", "accounts/logout/", "admin/login/", "admin/logout/", "healthz"}


def _assert_listed_exactly_who_is_named(written, world: World, page: str, where: str) -> None:
    """A list page writes one "listed" entry per person it names, and the world's person is among
    them exactly when the page shows their name."""
    entries = list(written.values_list("action", "what", "person_id"))
    assert all(action == "listed" and what == "people.person" for action, what, _ in entries), where
    persons = [person for _, _, person in entries]
    assert len(persons) == len(set(persons)), f"{where}: a person listed twice"
    assert (world.case.person_id in persons) == (world.person_marker in page), where


def _assert_refused_post_changes_nothing(client: Client, url: str, role: str, refused_with: int) -> None:
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = client.post(url)
    assert response.status_code in REFUSED, f"{role} POST {url}: {response.status_code}"
    writes = AuditEvent.objects.filter(pk__gt=before, action__in=["create", "update", "export"])
    assert not writes.exists(), f"{role} POST {url} wrote {list(writes.values_list('action', 'what'))}"


def _client_of(world: World, role: str) -> Client:
    client = TwoStepClient()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def _text(response) -> str:
    if getattr(response, "streaming", False):
        return ""  # files (scans, pictures) carry no names
    return response.content.decode(errors="replace")
