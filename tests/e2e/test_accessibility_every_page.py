"""Every page of every role passes axe-core's WCAG 2.2 A and AA rules in Chromium.

The pages are every URL pattern of the project (tests/authorization/urls.py) that the authorization
matrix says the role may open (200), filled with the demo data and with the matrix's world (a
person in every relation), so that each page shows real content. Staff pages are checked on a
1280 px desktop, the portal's roles on a 360 px phone, where citizens use it.
"""

import importlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from carepath.testing.auth import TwoStepClient
from carepath.testing.browser import axe_violations, sign_in
from tests.authorization.matrix import MATRIX, POST_ONLY
from tests.authorization.urls import all_routes, url_of
from tests.authorization.world import ROLES, build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PORTAL_ROLES = {"citizen", "other_citizen", "representative_active", "representative_expired", "representative_revoked"}
RESULTS = Path(__file__).resolve().parents[2] / "test-results" / "accessibility"


@pytest.mark.parametrize("role", ROLES)
def test_every_page_the_role_may_open_has_no_violation(role: str, page, live_server):
    _default_retention_rules()
    call_command("demo", stdout=StringIO())
    world = build()
    user = world.users[role]
    if user is not None:
        sign_in(page, TwoStepClient(), live_server, user)
    page.set_viewport_size({"width": 360, "height": 800} if role in PORTAL_ROLES else {"width": 1280, "height": 900})
    column = ROLES.index(role)
    scanned, violations = [], {}
    for route in all_routes():
        if route.key in POST_ONLY or MATRIX[route.key][column] != 200:
            continue
        url = url_of(route, world)
        # Asked first without the page: a file (a scan, a picture, an export) downloads instead of showing.
        answer = page.request.get(live_server.url + url, max_redirects=0)
        assert answer.status == 200, url
        if not answer.headers.get("content-type", "").startswith("text/html"):
            continue
        response = page.goto(live_server.url + url)
        assert response is not None and response.status == 200, url
        scanned.append(route.key)
        found = axe_violations(page)
        if found:
            violations[url] = found
    _keep_the_figures(role, scanned, violations)
    assert scanned, "no page was scanned"
    assert violations == {}


def _default_retention_rules() -> None:
    """A transactional test empties every table afterwards, the rows of data migrations too: the
    administrator's retention-rule pages need the default rules back."""
    for name in ("0002_default_retention_rules", "0004_default_rules_outcome_records"):
        importlib.import_module(f"carepath.privacy.migrations.{name}").create_defaults(apps, None)


def _keep_the_figures(role: str, scanned: list[str], violations: dict) -> None:
    """For the closing note: how many pages were scanned for the role and what was found."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{role}.json").write_text(json.dumps({"pages": scanned, "violations": violations}, indent=1))
