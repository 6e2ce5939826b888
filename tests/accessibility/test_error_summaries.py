"""Every form of Carepath, sent empty, answers with an error summary at the top of the page whose
every entry links to the field it is about (GOV.UK's error summary pattern, WCAG 3.3.1 and 2.4.3).

The forms are found, not listed: every page of the authorization matrix that a role may open and
that holds a form with fields to fill is posted empty as that role. Django's admin is left out: it
has its own pattern (a note at the top, the message beside each field).
"""

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from carepath.testing.auth import TwoStepClient
from tests.authorization.matrix import MATRIX, POST_ONLY
from tests.authorization.urls import all_routes, url_of
from tests.authorization.world import ROLES, build

pytestmark = pytest.mark.django_db

ROLES_WITH_FORMS = ["case_worker_on_team", "team_leader", "provider_with_referral", "citizen", "anonymous"]
RESULTS = Path(__file__).resolve().parents[2] / "test-results" / "error-summaries"
# Forms of the page frame, not of the page: the language switcher, signing out.
FRAME_ACTIONS = ("/i18n/setlang/", "/accounts/logout/")


class _Page(HTMLParser):
    """What the check needs of a page: its forms' actions and fields, ids, the error summary's links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.forms: list[dict] = []
        self.summary_links: list[str] = []
        self.summary_at: int | None = None  # the summary's place in the page's order of elements
        self._summary_depth = 0  # open <div>s inside the summary; 0 outside it
        self._elements = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._elements += 1
        if a.get("id"):
            self.ids.add(a["id"])
        classes = (a.get("class") or "").split()
        if "govuk-error-summary" in classes:
            self._summary_depth = 1
            self.summary_at = self._elements
        elif self._summary_depth:
            self._summary_depth += tag == "div"
            if tag == "a" and a.get("href", "").startswith("#"):
                self.summary_links.append(a["href"][1:])
        if tag == "form" and a.get("method", "").lower() == "post":
            self.forms.append({"action": a.get("action") or "", "fields": 0, "hidden": {}, "at": self._elements})
        if tag in {"input", "textarea", "select"} and self.forms:
            if a.get("type") == "hidden":
                self.forms[-1]["hidden"][a.get("name")] = a.get("value") or ""
            elif a.get("type") != "submit":
                self.forms[-1]["fields"] += 1

    def handle_endtag(self, tag):
        if self._summary_depth and tag == "div":
            self._summary_depth -= 1  # only links inside the summary are its entries


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _forms_to_fill(page: _Page) -> list[dict]:
    return [f for f in page.forms if f["fields"] and not f["action"].startswith(FRAME_ACTIONS)]


@pytest.mark.parametrize("role", ROLES_WITH_FORMS)
def test_every_form_sent_empty_shows_a_linked_error_summary_first(role):
    world = build()
    column = ROLES.index(role)
    client = TwoStepClient()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    checked, tried, wrong = [], [], {}
    for route in all_routes():
        if route.key.startswith("admin/") or route.key in POST_ONLY or MATRIX[route.key][column] != 200:
            continue
        url = url_of(route, world)
        shown = client.get(url)
        if not shown.get("Content-Type", "").startswith("text/html"):
            continue
        # A form posts to its own page (no action) or to another: each form is sent once, as a browser
        # sends it left empty: its hidden fields only.
        for form in _forms_to_fill(_parse(shown.content.decode())):
            target = urljoin(url, form["action"])
            sent = (target, sorted(form["hidden"].items()))
            if sent in tried:
                continue
            tried.append(sent)
            answer = client.post(target, form["hidden"])
            if answer.status_code in (301, 302, 303):
                continue  # a form whose fields are all optional: nothing to correct
            checked.append(target)
            problems = _problems(_parse(answer.content.decode()))
            if problems:
                wrong[target] = problems
    RESULTS.mkdir(parents=True, exist_ok=True)  # the figures, for the closing note
    (RESULTS / f"{role}.json").write_text(json.dumps({"forms": checked, "wrong": wrong}, indent=1))
    assert checked, "no form found"
    assert wrong == {}


def _problems(page: _Page) -> list[str]:
    problems = []
    if page.summary_at is None:
        return ["no error summary"]
    if not page.summary_links:
        problems.append("the summary links to no field")
    problems += [f"#{target} is not on the page" for target in page.summary_links if target not in page.ids]
    first_form = min((f["at"] for f in _forms_to_fill(page)), default=None)
    if first_form is not None and page.summary_at > first_form:
        problems.append("the summary comes after the form")
    return problems
