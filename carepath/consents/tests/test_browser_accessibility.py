"""The consent pages pass axe-core's WCAG 2.2 AA checks in a real browser."""

import pytest
from django.urls import reverse

from carepath.testing.browser import AXE, AXE_TAGS, axe_violations
from carepath.testing.factories import CaseFactory, ConsentFactory

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


def test_consent_section_with_its_warning_is_accessible(page, client, live_server):
    case = CaseFactory()
    _login(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("cases:case_detail", args=[case.pk]))
    assert page.locator("#consent .govuk-warning-text").is_visible()
    ConsentFactory(case=case)
    page.reload()
    assert _violations_in(page, "#consent") == []


def test_consent_form_and_its_errors_are_accessible(page, client, live_server):
    case = CaseFactory()
    _login(page, client, live_server, case.signal.received_by)
    page.goto(live_server.url + reverse("consents:consent_new", args=[case.pk]))
    assert axe_violations(page) == []
    page.get_by_label("Signed on paper (scan uploaded)").check()
    page.get_by_role("button", name="Record the consent").click()
    assert page.locator(".govuk-error-summary").get_by_text("Upload the scan of the signed paper.").is_visible()
    assert axe_violations(page) == []
