"""The agreement pages pass axe-core's WCAG 2.2 AA checks in a real browser."""

import pytest
from django.urls import reverse

from carepath.testing.browser import AXE, AXE_TAGS, axe_violations
from carepath.testing.factories import AgreementActionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, client, live_server, user):
    client.force_login(user)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


def _violations_in(page, selector):
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async ([selector, tags]) => (await axe.run(selector, {runOnly: {type: 'tag', values: tags}})).violations
        .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))""",
        [selector, AXE_TAGS],
    )


def test_agreement_section_and_history_are_accessible(page, client, live_server):
    case = AgreementActionFactory().version.case
    _login(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("cases:case_detail", args=[case.pk]))
    assert _violations_in(page, "#agreement") == []
    page.get_by_role("link", name="See the version history").click()
    assert page.get_by_role("heading", name="Version 1").is_visible()
    assert axe_violations(page) == []


def test_agreement_form_and_its_row_errors_are_accessible(page, client, live_server):
    case = AgreementActionFactory().version.case
    _login(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("agreements:agreement_new", args=[case.pk]))
    assert axe_violations(page) == []
    page.locator("#id_actions-1-who").fill("João")
    page.get_by_role("button", name="Save as a new version").click()
    summary = page.locator(".govuk-error-summary")
    assert summary.get_by_text("Action 2: Say what they do.").is_visible()
    assert axe_violations(page) == []
