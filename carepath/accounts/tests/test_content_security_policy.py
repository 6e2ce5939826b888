"""The Content-Security-Policy allows no inline script or style, and no page breaks it."""

import pytest
from django.urls import reverse

from carepath.accounts.models import Role
from carepath.testing.browser import csp_violations, sign_in, sign_in_with_form, watch_csp_violations
from carepath.testing.factories import (
    AgreementActionFactory,
    AssessmentFactory,
    CaseFactory,
    ConsentFactory,
    EvaluationMomentFactory,
    GoalFactory,
    ProgressNoteFactory,
    ReferralFactory,
    SavingsPlanFactory,
    StepFactory,
    UserFactory,
)

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)


@pytest.mark.django_db
def test_every_response_carries_the_policy_and_the_other_security_headers(client):
    response = client.get(reverse("login"))
    directives = {d.strip() for d in response["Content-Security-Policy"].split(";")}
    assert directives == {d.strip() for d in POLICY.split(";")}
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def _full_case():
    case = CaseFactory()
    ConsentFactory(case=case)
    AssessmentFactory(case=case)
    AssessmentFactory(case=case, physical_level=0)
    goal = GoalFactory(case=case)
    StepFactory(goal=goal)
    SavingsPlanFactory(goal=goal)
    AgreementActionFactory(version__case=case)
    ReferralFactory(case=case)
    ProgressNoteFactory(case=case, goal=goal)
    EvaluationMomentFactory(case=case)
    return case


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_page_violates_the_policy(page, client, live_server):
    watch_csp_violations(page)
    base = live_server.url
    visited = {}

    page.goto(base + reverse("login"))
    visited["sign-in"] = csp_violations(page)

    newcomer = UserFactory(username="newcomer")
    sign_in_with_form(page, base, newcomer.username)  # the setup page with its QR code, then the dashboard
    assert page.url == base + reverse("dashboard:home")
    visited["two-factor setup and dashboard"] = csp_violations(page)
    page.context.clear_cookies()

    case = _full_case()
    sign_in(page, client, live_server, case.signal.received_by)
    for name, url in [("dashboard", reverse("dashboard:home")), ("case", reverse("cases:case_detail", args=[case.pk]))]:
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        visited[name] = csp_violations(page)
    page.context.clear_cookies()

    administrator = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    sign_in(page, client, live_server, administrator)
    for name, url in [
        ("admin", reverse("admin:index")),
        ("admin user list", reverse("admin:accounts_user_changelist")),
        ("admin user form", reverse("admin:accounts_user_change", args=[administrator.pk])),
    ]:
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        visited[name] = csp_violations(page)

    assert visited == {name: [] for name in visited}
