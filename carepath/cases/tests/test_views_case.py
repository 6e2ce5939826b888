import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from carepath.organisations.authority import set_links
from carepath.plans.tests.factories import StepAttachmentFactory
from carepath.testing.auth import TwoStepClient
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

pytestmark = pytest.mark.django_db


def _full_case():
    case = CaseFactory()
    ConsentFactory(case=case)
    AssessmentFactory(case=case)
    goal = GoalFactory(case=case)
    StepFactory(goal=goal)
    SavingsPlanFactory(goal=goal)
    AgreementActionFactory(version__case=case)
    ReferralFactory(case=case)
    ProgressNoteFactory(case=case, goal=goal)
    EvaluationMomentFactory(case=case)
    return case


def test_case_page_shows_every_section(client):
    case = _full_case()
    client.force_login(case.signal.received_by)
    response = client.get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for text in ["Travel to Riga by bus", "I want to travel abroad.", "Get a passport", "Takes the children",
                 "Signal received", "Maria Silva", "Loves music.", "We talked about the trip."]:
        assert text in body


def test_case_page_query_count_does_not_grow_with_content_or_other_cases(client, django_assert_max_num_queries):
    case = _full_case()
    client.force_login(case.signal.received_by)
    url = reverse("cases:case_detail", args=[case.pk])
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for _ in range(5):
        goal = GoalFactory(case=case)
        StepFactory.create_batch(3, goal=goal)
        ProgressNoteFactory(case=case, goal=goal)
        ReferralFactory(case=case)
        EvaluationMomentFactory(case=case)
        _full_case()  # other cases in the database change nothing either
    with django_assert_max_num_queries(len(before)):
        client.get(url)
    # On PostgreSQL at most 27: 20 for the page itself (the case with its person, type, unit and
    # signal, the household apart, see policy.get_case; one query says which optional sections the
    # case has, see cases.selectors; one query is the services' loads, until the cache keeps them:
    # see referrals/load.py), plus what trust costs on every request: the session and the user, the
    # units the user leads and their organisation's services (once per request, for the access
    # policy), the two-factor device, the chained audit entry (lock, last hash, insert; SQLite needs
    # no lock). The session is not written: the idle timeout is pushed forward at most once a minute
    # (accounts/idle_sessions.py).
    assert len(before) <= 27  # 29 before the optional sections were probed in one query


def _tables_read(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return " ".join(q["sql"] for q in captured.captured_queries if not q["sql"].startswith("SELECT EXISTS"))


def test_a_section_the_case_has_no_rows_in_costs_no_query_of_its_own(client):
    bare, full = CaseFactory(), _full_case()
    client.force_login(bare.signal.received_by)
    read = _tables_read(client, reverse("cases:case_detail", args=[bare.pk]))
    for table in ["consents_consent", "assessments_assessment", "agreements_agreementversion", "referrals_referral",
                  "portal_wish", "meetings_networkmeeting", "evaluations_evaluationmoment", "plans_stepattachment"]:
        assert f'FROM "{table}"' not in read, table
    assert "_prefetch_related_val_goal_id" not in read  # the cases a group goal is shared with
    client.force_login(full.signal.received_by)
    read = _tables_read(client, reverse("cases:case_detail", args=[full.pk]))
    for table in ["consents_consent", "assessments_assessment", "agreements_agreementversion", "referrals_referral",
                  "evaluations_evaluationmoment"]:
        assert f'FROM "{table}"' in read, table


def test_a_step_picture_and_a_group_goal_still_show_when_only_they_are_read(client):
    case = _full_case()
    step = StepFactory(goal=GoalFactory(case=case))
    StepAttachmentFactory(step=step, kind="easy_read", file="", description="", text="Take bus 3 at the corner.")
    other = CaseFactory(unit=case.unit)
    shared = GoalFactory(case=other, is_group_goal=True, title="Cook together on Fridays")
    set_links(shared.group_cases, [case])
    client.force_login(case.signal.received_by)
    body = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Take bus 3 at the corner." in body
    assert "Cook together on Fridays" in body and str(other.person) in body


def test_the_step_forms_of_the_goal_plan_carry_a_csrf_token_that_works():
    """The goals section is a Jinja2 partial (decision 0019): its forms get the page's CSRF field."""
    case = _full_case()
    goal = case.goals.get()
    second = StepFactory(goal=goal, what="Book the bus")
    client = TwoStepClient(enforce_csrf_checks=True)
    client.force_login(case.signal.received_by)
    body = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    forms = re.findall(r'<form method="post" action="/steps/\d+/status/".*?</form>', body, re.S)
    tokens = {re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', f)[1] for f in forms}  # type: ignore[index]
    assert len(forms) == 2 and len(tokens) == 1
    response = client.post(
        reverse("plans:step_status", args=[second.pk]),
        {
            "csrfmiddlewaretoken": tokens.pop(),
            f"step-{second.pk}-status": "done",
            f"step-{second.pk}-seen_version": "1",
        },
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == "done"


def test_stranger_gets_404(client):
    case = CaseFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 404
