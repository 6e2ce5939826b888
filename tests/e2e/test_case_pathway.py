"""A case walked from signal to closure in a real browser (Debian's chromium), by the roles who do it."""

import datetime

import pytest
from django.utils import timezone

from carepath.accounts.models import Role
from carepath.core.choices import LifeDomain
from carepath.testing.browser import sign_in_with_form
from carepath.testing.factories import (
    DeadlineRuleFactory,
    ProviderFactory,
    ServiceFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def _sign_in(page, base, username):
    """The real login: password, then the code of the authenticator app (set up on the first login)."""
    sign_in_with_form(page, base, username)


def _sign_out(page):
    page.click("text=Sign out")


def _submit(page):
    page.click("main form button.govuk-button[type=submit]")


def _choose(page, name, value):
    """Pick a value whether the form shows it as radio buttons or as a list."""
    field = page.locator(f"[name={name}]").first
    if field.evaluate("e => e.tagName") == "SELECT":
        field.select_option(value)
    else:
        page.check(f"input[name={name}][value='{value}']")


def _day(days_from_today: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days_from_today)).isoformat()


def test_case_worker_and_provider_walk_a_case_from_signal_to_closure(live_server, page):
    base = live_server.url
    DeadlineRuleFactory(case_type__name="Adult support", label="Assessment", days=14)
    UserFactory(username="worker", unit=UnitFactory(name="Adult social services"))
    provider = ProviderFactory(name="Home support centre")
    UserFactory(username="provider", role=Role.PROVIDER_STAFF, unit=UnitFactory(organisation=provider))
    ServiceFactory(
        provider=provider, name="Support at home", life_domains=[LifeDomain.HEALTH.value, LifeDomain.LEISURE.value]
    )

    # 1. Signal and triage, by the case worker.
    _sign_in(page, base, "worker")
    page.click("nav >> text=New signal")
    page.fill("[name=given_name]", "Søren")
    page.fill("[name=family_name]", "Ødegård")
    page.fill("[name=birth_date]", "1988-03-04")
    page.select_option("[name=case_type]", label="Adult support")
    page.select_option("[name=signaller_kind]", "relative")
    page.fill("[name=problems]", "Does not leave the house; anxious in shops.")
    page.fill("[name=request]", "Support to go out again.")
    _submit(page)
    page.get_by_text("Assessment").first.wait_for()  # the deadline shows from the moment the signal arrives
    page.check("input[name=decision][value=open]")
    _submit(page)
    page.get_by_role("heading", name="Søren Ødegård").wait_for()
    case_url = page.url

    # 2. Consent, assessment, goal, agreement, referral: the authority's decisions.
    page.click("#consent a[href*='consents/new']")
    page.fill("[name=given_by]", "Søren Ødegård")
    page.fill("[name=relation]", "the citizen")
    page.check("input[name=scope][value=intervention]")
    page.check("input[name=method][value=in_person]")
    page.fill("[name=given_on]", _day(0))
    _submit(page)
    page.wait_for_url(case_url + "*")

    # Sharing the file with the provider needs its own consent (no provider ticked: every provider).
    page.click("#consent a[href*='consents/new']")
    page.fill("[name=given_by]", "Søren Ødegård")
    page.fill("[name=relation]", "the citizen")
    page.check("input[name=scope][value=share_providers]")
    page.check("input[name=method][value=in_person]")
    page.fill("[name=given_on]", _day(0))
    _submit(page)
    page.wait_for_url(case_url + "*")

    page.click("#assessment a[href*='assessments/new']")
    page.fill("[name=assessed_on]", _day(0))
    page.check("input[name=physical_level][value='0']")
    page.check("input[name=communication_level][value='1']")
    page.check("input[name=social_level][value='2']")
    page.fill("[name=strengths]", "Good with computers.")
    _submit(page)
    page.wait_for_url(case_url + "*")

    page.click("#goals a[href*='goals/new']")
    page.fill("[name=citizen_words]", "I want to go to the football club again.")
    page.fill("[name=title]", "Attend the football club's home games")
    page.fill("[name=indicator]", "Games attended")
    page.fill("[name=target]", "Two games a month")
    page.fill("[name=due_on]", _day(120))
    _choose(page, "life_domain", LifeDomain.LEISURE.value)
    _choose(page, "proposed_by", "citizen")
    _submit(page)
    page.get_by_text("I want to go to the football club again.").wait_for()

    page.click("#agreement a[href*='agreement/new']")
    page.fill("[name=accepted_by_family]", "Søren Ødegård")
    page.fill("[name=accepted_on]", _day(0))
    page.fill("[name=actions-0-who]", "Søren")
    page.fill("[name=actions-0-what]", "Goes to one game with his support worker")
    page.fill("[name=actions-0-by_when]", _day(30))
    _submit(page)
    page.get_by_text("Goes to one game with his support worker").wait_for()

    page.click("#referrals a[href*='referrals/new']")
    page.select_option("[name=service]", label="Support at home (Home support centre)")
    page.locator("input[name=goals]").first.check()
    _submit(page)
    page.get_by_text("Waiting for the provider").first.wait_for()
    _sign_out(page)

    # 3. The provider accepts and plans with the citizen.
    _sign_in(page, base, "provider")
    page.click("nav >> text=Referrals")
    page.click("a[href*='/answer/']")
    page.check("input[name=decision][value=accept]")
    _submit(page)
    page.wait_for_url(case_url + "*")
    page.click("#goals a[href*='steps/new']")
    page.fill("[name=what]", "Buy a season ticket")
    page.fill("[name=who]", "Søren with his support worker")
    page.fill("[name=due_on]", _day(14))
    _submit(page)
    page.get_by_text("Buy a season ticket").first.wait_for()
    page.click("#notes a[href*='notes/new']")
    page.fill("[name=text]", "We went to the first game together. Søren stayed until the end.")
    _submit(page)
    page.get_by_text("Søren stayed until the end.").wait_for()
    _sign_out(page)

    # 4. Evaluation and closure, by the case worker.
    _sign_in(page, base, "worker")
    page.goto(case_url)
    page.click("#evaluations a[href*='evaluations/new']")
    page.fill("[name=planned_on]", _day(0))
    _submit(page)
    page.click("#evaluations a[href*='/record/']")
    page.fill("[name=held_on]", _day(0))
    page.locator("input[type=radio][value=fully]").first.check()
    page.fill("[name=citizen_words]", "I feel like part of the club.")
    _submit(page)
    page.get_by_text("I feel like part of the club.").wait_for()
    page.click("#closure a[href*='close']")
    page.select_option("[name=outcome]", "goals_reached")
    page.fill("[name=closure_reason]", "Søren goes to games on his own now.")
    _submit(page)
    page.get_by_text("The case is closed.").wait_for()

    assert "Case closed" in page.locator("#timeline").inner_text()  # the latest entries are on the case page
    page.click("#timeline a[href$='/history/']")
    timeline = page.locator("#timeline").inner_text()  # the whole history
    for event in ["Signal received", "Case opened", "Consent given", "Functional ability assessed", "Goal set",
                  "Agreement version 1 accepted", "Referred", "Accepted", "Progress note", "Evaluation held",
                  "Case closed"]:
        assert event in timeline
